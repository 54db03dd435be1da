// Resolvers of the root: sign-in and who am I.
import { isActivated } from '../../domain/identity/index.ts';
import type { Resolvers } from './generated-types.ts';
import { result, upper } from './results.ts';

export const baseResolvers: Resolvers = {
  Query: {
    me: async (_p, _a, { actor, services }) => {
      switch (actor.kind) {
        case 'public':
        case 'system':
          return null;
        case 'apikey':
          return {
            role: 'API_KEY',
            institution: await services.institutions.find(actor.institutionId),
          };
        case 'operator':
          return { role: 'OPERATOR', userId: actor.userId };
        case 'staff':
          return {
            role: 'STAFF',
            userId: actor.userId,
            institution: await services.institutions.find(actor.institutionId),
          };
        case 'learner':
          return {
            role: 'LEARNER',
            userId: actor.userId,
            learner: await services.learners.get(actor, actor.learnerId),
          };
      }
    },
  },
  Mutation: {
    login: (_p, { email, password }, { services }) =>
      result('LoginOk', async () => {
        const user = await services.accounts.authenticate(email, password);
        const { token, expiresAt } = await services.tokens.issue(user, services.now());
        return { token, expiresAt: expiresAt.toISOString(), user };
      }),
    signOutEverywhere: (_p, _a, { actor, services }) => services.accounts.signOutEverywhere(actor),
    setUserDisabled: (_p, { userId, disabled }, { actor, services }) =>
      result('User', () => services.accounts.setDisabled(actor, userId, disabled)),
  },
  User: {
    role: (u) => upper(u.role),
    activated: (u) => isActivated(u),
  },
};
