// Resolvers of the operator's audit trail.
import type { Resolvers } from './generated-types.ts';
import { result, upper } from './results.ts';

export const operatorAuditResolvers: Resolvers = {
  Query: {
    operatorAuditTrail: (_p, { first, after }, { actor, services }) =>
      result('OperatorActionPage', async () => {
        const page = await services.operatorAudit.page(actor, first, after);
        return {
          items: page.items,
          pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
        };
      }),
  },
  OperatorAction: {
    action: (a) => upper(a.action.replace(/[.-]/g, '_')),
    status: (a) => upper(a.status),
    actorKind: (a) => a.actor.kind,
    actorId: (a) => a.actor.id,
    // Read only by the operator, a page at a time: one lookup per person shown.
    actorEmail: async (a, _args, { services }) =>
      a.actor.kind === 'operator' || a.actor.kind === 'staff'
        ? ((await services.accounts.findUser(a.actor.id))?.email ?? null)
        : null,
  },
  ActionTarget: {
    kind: (t) => upper(t.kind),
    institutionId: (t) => t.institutionId ?? null,
  },
};
