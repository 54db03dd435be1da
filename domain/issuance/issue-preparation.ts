// An issue request made ready to sign: who may issue what to whom, its status slot and its record.
import { randomUUID } from 'node:crypto';
import {
  buildCredential,
  statusEntry,
  CREDENTIAL_FORMATS,
  accreditationTypesOf,
  isUrl,
  type CredentialFormat,
  type CredentialRecipe,
} from '../../credentials/index.ts';
import { requireInstitution, type Actor, type LearnerRegistry } from '../identity/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import { currentOf, type LedgerService } from '../ledger/index.ts';
import {
  Forbidden,
  InputValidationError,
  boundedString,
  canonicalJson,
  requireOneOf,
  sha256Hex,
  type AppendRequest,
  type Institution,
  type LocalizedTextInput,
} from '../shared/index.ts';
import {
  accreditedTypes,
  achievementRecipe,
  completeCustom,
  qualificationRecipe,
  transcriptRecipe,
} from './credential-content.ts';
import type { CredentialKind, IssuedCredentialRecord } from './credential-ports.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import type { SlotAllocator } from './slot-allocator.ts';
import type { StatusLists } from './status-lists.ts';

export type IssueWhat =
  | { kind: 'achievement'; entryId: string }
  | {
      kind: 'transcript';
      entryIds?: string[] | null | undefined;
      name?: LocalizedTextInput | null | undefined;
    }
  | {
      kind: 'qualification';
      qualificationType: string;
      name: LocalizedTextInput;
      level?: number | null | undefined;
      fieldOfStudy?: string | null | undefined;
      honours?: string | null | undefined;
      evidenceEntryIds?: string[] | null | undefined;
      awardedAt?: string | null | undefined;
    }
  /** A credential the institution wrote itself (the W3C VC API): we check, complete and sign it. */
  | {
      kind: 'custom';
      credential: Record<string, unknown>;
      /** ecdsa-sd-2023: JSON pointers the holder must always disclose (checked when signing). */
      mandatoryPointers?: unknown;
    };

export interface IssueRequest {
  institutionId: string;
  learnerId: string;
  what: IssueWhat;
  format?: string | null | undefined;
  /** Your idempotency key: the same key again returns the credential issued the first time. */
  requestKey?: string | null | undefined;
  validUntil?: string | null | undefined;
  /**
   * The programme an award's credential is for, stored to find it by (not part of what the
   * requestKey guards: it names what `what` already says).
   */
  programmeId?: string | null | undefined;
}

export interface Prepared {
  record: Omit<IssuedCredentialRecord, 'serialized' | 'hash' | 'format'>;
  credential: Record<string, unknown>;
  /** What the credential was built from, if a builder built it: what a batch worker is sent. */
  recipe?: CredentialRecipe;
  format: CredentialFormat;
  institution: Institution;
  mandatoryPointers?: unknown;
}

export interface IssuePreparationDeps {
  keys: Pick<InstitutionKeys, 'didOf'>;
  institutions: Pick<InstitutionRegistry, 'requireActive'>;
  learners: Pick<LearnerRegistry, 'require'>;
  ledger: Pick<LedgerService, 'verifiedChain'>;
  slotAllocator: Pick<SlotAllocator, 'allocate'>;
  statusLists: Pick<StatusLists, 'url'>;
  publicUrl: string;
  now: () => Date;
}

export class IssuePreparation {
  constructor(private readonly d: IssuePreparationDeps) {}

  async prepare(
    actor: Actor,
    req: IssueRequest,
    active: Map<string, Promise<Institution>> = new Map(),
  ): Promise<Prepared> {
    requireInstitution(actor, req.institutionId, 'credentials:issue');
    // Looked up once per batch, not once per credential of a class.
    let pending = active.get(req.institutionId);
    if (!pending) {
      pending = this.d.institutions.requireActive(req.institutionId);
      pending.catch(() => {});
      active.set(req.institutionId, pending);
    }
    const [institution, learner] = await Promise.all([
      pending,
      this.d.learners.require(req.learnerId),
    ]);
    // Nothing is signed from a chain that does not verify (hashes, links, latest checkpoint); what
    // stands is read from its hashed bodies, in chain order.
    const current = currentOf((await this.d.ledger.verifiedChain(learner.id)).chain);
    const format = formatOf(req.format);
    // A VC API caller's own credential id is kept (a malformed one is refused when completing it).
    const callerId = req.what.kind === 'custom' ? req.what.credential['id'] : undefined;
    const id = isUrl(callerId) ? callerId : `urn:uuid:${randomUUID()}`;
    const now = this.d.now();
    const issuer = { id: this.d.keys.didOf(institution), name: institution.name };
    const subject = { ...(learner.did ? { id: learner.did } : {}), name: learner.name };
    const { list, index } = await this.d.slotAllocator.allocate(institution.id, id);
    const status = (['revocation', 'suspension'] as const).map((purpose) =>
      statusEntry({ listUrl: this.d.statusLists.url(institution, purpose, list), index, purpose }),
    );
    const validUntil = req.validUntil ?? undefined;
    if (validUntil && !(Date.parse(validUntil) > now.getTime())) {
      throw new InputValidationError('validUntil must be a future timestamp', {
        field: 'validUntil',
      });
    }
    const common = {
      id,
      issuer,
      subject,
      validFrom: now,
      credentialStatus: status,
      ...(validUntil ? { validUntil } : {}),
    };
    const { publicUrl } = this.d;
    let credential: Record<string, unknown>;
    let recipe: CredentialRecipe | undefined;
    let kind: CredentialKind;
    const what = req.what;
    switch (what.kind) {
      case 'achievement': {
        recipe = achievementRecipe(publicUrl, common, current, learner, what.entryId, institution);
        credential = buildCredential(recipe);
        kind = 'achievement';
        break;
      }
      case 'transcript': {
        recipe = transcriptRecipe(publicUrl, common, current, what, institution);
        credential = buildCredential(recipe);
        kind = 'transcript';
        break;
      }
      case 'qualification': {
        recipe = qualificationRecipe(publicUrl, common, current, learner, what, institution);
        credential = buildCredential(recipe);
        kind = 'qualification';
        break;
      }
      case 'custom': {
        credential = completeCustom(what.credential, common);
        kind = accreditationTypesOf(credential).includes('Transcript')
          ? 'transcript'
          : 'achievement';
        break;
      }
    }
    const claimed = accreditationTypesOf(credential);
    const allowed = new Set(accreditedTypes(institution));
    const outside = claimed.filter((t) => !allowed.has(t));
    if (outside.length) {
      throw new Forbidden(
        `${institution.slug} is not accredited to issue ${outside.join(', ')} credentials`,
      );
    }
    return {
      institution,
      format,
      credential,
      ...(recipe ? { recipe } : {}),
      ...(what.kind === 'custom' && what.mandatoryPointers !== undefined
        ? { mandatoryPointers: what.mandatoryPointers }
        : {}),
      record: {
        id,
        institutionId: institution.id,
        learnerId: learner.id,
        kind,
        achievementTypes: claimed,
        statusList: list,
        statusIndex: index,
        revoked: false,
        suspended: false,
        issuedAt: now.toISOString(),
        requestKey: requestKeyOf(institution.id, req.requestKey ?? randomUUID()),
        requestHash: requestHash(req),
        ledgerEntryId: issuedEntryId(institution.id, id),
        ...(req.programmeId
          ? { programmeId: boundedString(req.programmeId, 'programmeId', 100) }
          : {}),
      },
    };
  }
}

/** A requestKey as stored: scoped to the institution, so two institutions' keys never collide. */
export function requestKeyOf(institutionId: string, key: string): string {
  return `${institutionId}:${boundedString(key, 'requestKey', 200)}`;
}

/** The request as the caller made it (not the key itself), to tell a retry from a different request. */
export function requestHash(req: IssueRequest): string {
  return sha256Hex(
    canonicalJson({
      learnerId: req.learnerId,
      what: req.what,
      format: req.format ?? null,
      validUntil: req.validUntil ?? null,
    }),
  );
}

/** The ledger entry that records an issuance: its id is its idempotency key, known before it exists. */
const issuedEntryId = (institutionId: string, credentialId: string) =>
  `${institutionId}:credential:${credentialId}`;

/** The ledger entry that records an issuance, appended when the credential is stored. */
export function issuedEntry(c: IssuedCredentialRecord): AppendRequest {
  return {
    learnerId: c.learnerId,
    institutionId: c.institutionId,
    sourceRecordId: `credential:${c.id}`,
    body: { type: 'credential', action: 'issued', credentialId: c.id, credentialHash: c.hash },
  };
}

function formatOf(format: string | null | undefined): CredentialFormat {
  return requireOneOf(format ?? 'eddsa-rdfc-2022', CREDENTIAL_FORMATS, 'format');
}
