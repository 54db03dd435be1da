// Resolvers of sign-in by one-time codes (learners', staff and operator accounts'), reset and password change.
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
          learnerId: record.learnerId ?? learnerId,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        };
      }),
    activateAccount: (_p, { input }, { services }) =>
      result('LoginOk', async () =>
        signedIn(services, await services.accountCodes.activate(input)),
      ),
    createStaffCode: (_p, { userId, purpose }, { actor, services }) =>
      result('StaffCode', async () => {
        const { code, record, user } = await services.accountCodes.createForUser(
          actor,
          userId,
          lower(purpose) as 'activation' | 'reset',
        );
        return {
          code,
          purpose: upper(record.purpose),
          userId: user.id,
          email: user.email,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        };
      }),
    activateStaffAccount: (_p, { input }, { services }) =>
      result('LoginOk', async () =>
        signedIn(services, await services.accountCodes.activateStaff(input)),
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
