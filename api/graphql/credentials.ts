// Resolvers of verifiable credentials: keys and DIDs, issuing, status, verifying.
import type { KeyType as DomainKeyType } from '../../credentials/index.ts';
import { subjectLearner } from '../../domain/identity/index.ts';
import type { CredentialKind, CredentialState, IssueRequest } from '../../domain/issuance/index.ts';
import type {
  CredentialFormat,
  IssueCredentialInput,
  KeyType,
  Resolvers,
} from './generated-types.ts';
import { lower, result, resultError, upper } from './results.ts';

const FORMATS: Record<CredentialFormat, string> = {
  EDDSA_RDFC_2022: 'eddsa-rdfc-2022',
  ECDSA_RDFC_2019: 'ecdsa-rdfc-2019',
  ECDSA_SD_2023: 'ecdsa-sd-2023',
  VC_JWT: 'vc+jwt',
};
export const formatOf = (f: string) =>
  (Object.entries(FORMATS).find(([, v]) => v === f)?.[0] ?? 'EDDSA_RDFC_2022') as CredentialFormat;
const keyType = (t: KeyType): DomainKeyType => (t === 'ED25519' ? 'Ed25519' : 'P-256');

function issueRequest(institutionId: string, i: IssueCredentialInput): IssueRequest {
  const what: IssueRequest['what'] =
    i.kind === 'ACHIEVEMENT'
      ? { kind: 'achievement', entryId: i.entryId ?? '' }
      : i.kind === 'TRANSCRIPT'
        ? { kind: 'transcript', entryIds: i.entryIds }
        : {
            kind: 'qualification',
            ...i.qualification,
            qualificationType: lower(i.qualification?.qualificationType ?? ''),
            name: i.qualification?.name ?? {},
          };
  return {
    institutionId,
    learnerId: i.learnerId,
    what,
    format: i.format ? FORMATS[i.format] : null,
    requestKey: i.requestKey,
    validUntil: i.validUntil,
  };
}

/** The GraphQL argument is text: a JSON document, or a compact JWT as it is. */
function parseCredentialText(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{')) return t;
  try {
    return JSON.parse(t);
  } catch {
    return t; // the verifier reports it as malformed
  }
}

export const credentialResolvers: Resolvers = {
  Query: {
    signingKeys: (_p, { institutionId }, { actor, services }) =>
      services.keys.list(actor, institutionId),
    institutionDid: async (_p, { institutionId }, { services }) => {
      const institution = await services.institutions.find(institutionId);
      if (!institution) return null;
      const did = services.keys.didOf(institution);
      return { did, document: JSON.stringify(await services.keys.didDocument(did)) };
    },
    credential: (_p, { id }, { actor, services }) =>
      result('IssuedCredential', () => services.credentials.get(actor, id)),
    courseClass: (_p, { institutionId, courseCode, term, first, after }, { actor, services }) =>
      result('CourseClassPage', async () => {
        const page = await services.courseClasses.find(
          actor,
          institutionId,
          { courseCode, term },
          first,
          after,
        );
        return {
          items: page.items,
          pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
        };
      }),
    institutionCredentials: (_p, { institutionId, filter, first, after }, { actor, services }) =>
      result('IssuedCredentialPage', async () => {
        const page = await services.credentials.listForInstitution(
          actor,
          institutionId,
          {
            state: filter?.status ? (lower(filter.status) as CredentialState) : null,
            kind: filter?.kind ? (lower(filter.kind) as CredentialKind) : null,
            learnerId: filter?.learnerId ?? null,
            programmeId: filter?.programmeId ?? null,
          },
          first,
          after,
        );
        return {
          items: page.items,
          pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
        };
      }),
    learnerCredentials: (_p, { learnerId }, { actor, services }) =>
      result('IssuedCredentialList', async () => ({
        items: await services.credentials.listForLearner(actor, subjectLearner(actor, learnerId)),
      })),
    verifyCredential: async (_p, { credential }, { services }) => ({
      ...(await services.credentials.verifyCredential(parseCredentialText(credential))),
      credentials: [],
    }),
    verifyPresentation: (_p, { presentation, challenge, domain }, { services }) =>
      services.credentials.verifyPresentation(parseCredentialText(presentation), {
        ...(challenge ? { challenge } : {}),
        ...(domain ? { domain } : {}),
      }),
  },
  Mutation: {
    issueCredential: (_p, { institutionId, input }, { actor, services }) =>
      result('IssuedCredential', () =>
        services.credentials.issue(actor, issueRequest(institutionId, input)),
      ),
    issueCredentials: (_p, { institutionId, inputs }, { actor, services }) =>
      result('BatchIssueOk', async () => {
        const rows = await services.credentials.issueMany(
          actor,
          inputs.map((i) => issueRequest(institutionId, i)),
        );
        return {
          issued: rows.filter((r) => 'credential' in r && r.created).length,
          existing: rows.filter((r) => 'credential' in r && !r.created).length,
          failed: rows.filter((r) => 'error' in r).length,
          rows: rows.map((r, index) =>
            'error' in r
              ? { index, created: false, credential: null, error: resultError(r.error) }
              : { index, created: r.created, credential: r.credential, error: null },
          ),
        };
      }),
    revokeCredential: (_p, { id, reason }, { actor, services }) =>
      result('IssuedCredential', () =>
        services.credentials.changeStatus(actor, id, 'revoked', reason),
      ),
    suspendCredential: (_p, { id, reason }, { actor, services }) =>
      result('IssuedCredential', () =>
        services.credentials.changeStatus(actor, id, 'suspended', reason),
      ),
    reinstateCredential: (_p, { id, reason }, { actor, services }) =>
      result('IssuedCredential', () =>
        services.credentials.changeStatus(actor, id, 'reinstated', reason),
      ),
    rotateSigningKey: (_p, { institutionId, type }, { actor, services }) =>
      result('SigningKey', () => services.keys.rotate(actor, institutionId, keyType(type))),
    revokeSigningKey: (_p, { keyId, reason, compromisedAt }, { actor, services }) =>
      result('SigningKey', () => services.keys.revoke(actor, keyId, reason, compromisedAt)),
  },
  IssuedCredential: {
    kind: (c) => upper(c.kind),
    programmeId: (c) => c.programmeId ?? null,
    format: (c) => formatOf(c.format),
    statusListCredentials: async (c, _a, { services }) => {
      const institution = await services.institutions.get(c.institutionId);
      return (['revocation', 'suspension'] as const).map((p) =>
        services.credentials.statusListUrl(institution, p, c.statusList),
      );
    },
    history: (c, _a, { actor, services }) => services.credentials.events(actor, c.id),
  },
  SigningKey: {
    type: (k) => (k.type === 'Ed25519' ? 'ED25519' : 'P256'),
  },
  VerificationReport: {
    warnings: (r) => r.checks.filter((c) => c.status === 'warning'),
    credentials: (r) =>
      'credentials' in r ? r.credentials.map((c) => ({ ...c, credentials: [] })) : [],
  },
  VerificationCheck: {
    status: (c) => upper(c.status),
  },
};
