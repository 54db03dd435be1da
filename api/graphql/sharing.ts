// Resolvers of sharing by consent (one or several credentials per link): share, withdraw, list with openings, and open a shared link.
import type { Resolvers } from './generated-types.ts';
import { subjectLearner } from '../../domain/identity/index.ts';
import { formatOf } from './credentials.ts';
import { result, upper } from './results.ts';

export const sharingResolvers: Resolvers = {
  Query: {
    credentialShares: (_p, { learnerId }, { actor, services }) =>
      result('CredentialShareList', async () => ({
        items: await services.sharing.list(actor, subjectLearner(actor, learnerId)),
      })),
    sharedCredential: (_p, { token, viewer }, { services, client }) =>
      result('SharedCredential', async () => {
        const { share, credential, verification, items } = await services.sharing.open(token, {
          via: 'graphql',
          name: viewer,
          userAgent: client?.userAgent,
        });
        return {
          format: formatOf(credential.format),
          serialized: credential.serialized,
          audience: share.audience,
          expiresAt: share.expiresAt,
          verification: { ...verification, credentials: [] },
          credentials: items.map((i) => ({
            id: i.credential.id,
            format: formatOf(i.credential.format),
            serialized: i.credential.serialized,
            verification: { ...i.verification, credentials: [] },
          })),
        };
      }),
  },
  Mutation: {
    shareCredential: (_p, { input }, { actor, services }) =>
      result('CreatedShare', () => services.sharing.share(actor, input)),
    revokeShare: (_p, { id }, { actor, services }) =>
      result('CredentialShare', () => services.sharing.revoke(actor, id)),
  },
  ShareView: {
    via: (v) => upper(v.via ?? ''),
  },
};
