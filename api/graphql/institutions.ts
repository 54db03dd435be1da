// Resolvers of the institution registry, staff accounts and API keys.
import { InputValidationError } from '../../domain/shared/index.ts';
import type { Resolvers, AccreditationScopeInput, ApiKeyScope } from './generated-types.ts';
import { lower, result, upper } from './results.ts';

const scopes = (list: readonly AccreditationScopeInput[]) =>
  list.map((s) => ({ qualificationType: lower(s.qualificationType), levels: s.levels ?? [] }));
const apiScope = (s: ApiKeyScope) => lower(s).replace('_', ':');

export const institutionResolvers: Resolvers = {
  Query: {
    institutions: (_p, _a, { services }) => services.institutions.list(),
    institution: (_p, { id, slug }, { services }) =>
      result('Institution', async () => {
        if (id) return services.institutions.get(id);
        if (!slug) throw new InputValidationError('Give an id or a slug', { field: 'id' });
        const found = await services.institutions.findBySlug(slug);
        if (!found)
          throw new InputValidationError(`No institution has the slug "${slug}"`, {
            field: 'slug',
          });
        return found;
      }),
    staff: (_p, { institutionId }, { actor, services }) =>
      result('StaffList', async () => ({
        items: await services.accounts.listStaff(actor, institutionId),
      })),
    apiKeys: (_p, { institutionId }, { actor, services }) =>
      result('ApiKeyList', async () => ({
        items: await services.accounts.listApiKeys(actor, institutionId),
      })),
  },
  Mutation: {
    registerInstitution: (_p, { input }, { actor, services }) =>
      result('Institution', () =>
        services.institutions.register(actor, {
          ...input,
          type: lower(input.type),
          accreditation: scopes(input.accreditation),
        }),
      ),
    setInstitutionStatus: (_p, { id, status }, { actor, services }) =>
      result('Institution', () =>
        services.institutions.setStatus(actor, id, status === 'ACTIVE' ? 'active' : 'suspended'),
      ),
    setAccreditation: (_p, { id, accreditation }, { actor, services }) =>
      result('Institution', () =>
        services.institutions.setAccreditation(actor, id, scopes(accreditation)),
      ),
    createOperator: (_p, { input }, { actor, services }) =>
      result('User', () => services.accounts.createOperator(actor, input)),
    createStaff: (_p, { institutionId, input }, { actor, services }) =>
      result('User', () => services.accounts.createStaff(actor, institutionId, input)),
    createApiKey: (_p, { institutionId, label, scopes: s }, { actor, services }) =>
      result('CreateApiKeyOk', async () => {
        const { key, token } = await services.accounts.createApiKey(
          actor,
          institutionId,
          label,
          s.map(apiScope),
        );
        return { apiKey: key, token };
      }),
    revokeApiKey: (_p, { id }, { actor, services }) =>
      result('ApiKey', () => services.accounts.revokeApiKey(actor, id)),
  },
  Institution: {
    type: (i) => upper(i.type),
    status: (i) => upper(i.status),
    accreditation: (i) =>
      i.accreditation.map((a) => ({ ...a, qualificationType: upper(a.qualificationType) })),
    courses: (i, _a, { actor, services }) => services.catalogue.list(actor, i.id),
  },
  ApiKey: {
    scopes: (k) => k.scopes.map((s) => upper(s.replace(':', '_'))),
  },
};
