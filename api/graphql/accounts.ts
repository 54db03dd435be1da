// Resolvers of a learner's own sign-in: account codes, activation, reset and password change.
import type { Services } from '../services.ts';
import type { UserAccount } from '../../domain/shared/index.ts';
import type { Resolvers } from './generated-types.ts';
import { lower, result, upper } from './results.ts';

async function signedIn(services: Services, user: UserAccount) {
  const { token, expiresAt } = await services.tokens.issue(user, services.now());
  return { token, expiresAt: expiresAt.toISOString(), user };
}

export const accountResolvers: Resolvers = {
  Mutation: {
    createAccountCode: (_p, { learnerId, purpose }, { actor, services }) =>
      result('AccountCode', async () => {
        const { code, record } = await services.accountCodes.create(
          actor,
          learnerId,
          lower(purpose) as 'activation' | 'reset',
        );
        return {
          code,
          purpose: upper(record.purpose),
          learnerId: record.learnerId,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        };
      }),
    activateAccount: (_p, { input }, { services }) =>
      result('LoginOk', async () =>
        signedIn(services, await services.accountCodes.activate(input)),
      ),
    resetPassword: (_p, { input }, { services }) =>
      result('LoginOk', async () => signedIn(services, await services.accountCodes.reset(input))),
    changePassword: (_p, { currentPassword, newPassword }, { actor, services }) =>
      result('LoginOk', async () =>
        signedIn(
          services,
          await services.accounts.changePassword(actor, currentPassword, newPassword),
        ),
      ),
  },
};
