// Resolver of a credential's public status notice: revoked or suspended, when and why.
import type { Resolvers } from './generated-types.ts';
import { result } from './results.ts';

export const credentialStatusResolvers: Resolvers = {
  Query: {
    credentialStatusNotice: (_p, { id }, { services }) =>
      result('CredentialStatusNotice', () => services.credentialStatusNotice(id)),
  },
};
