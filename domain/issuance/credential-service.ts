// Issuing, revoking and verifying credentials: the rules (who may issue what to whom) around credentials/.
// The service is the module's one entry for them; each concern lives in a file of its own:
// issue-preparation.ts and credential-content.ts (what a request becomes), credential-issuing.ts
// (signing and storing), credential-status.ts and status-lists.ts (status changes and the lists),
// credential-reading.ts (reading, checked against the ledger), credential-verification.ts.
import {
  STATUS_LIST_LENGTH,
  type BatchIssuer,
  type DidResolver,
  type DocumentLoader,
  type PresentationExpected,
  type PresentationReport,
  type StatusPurpose,
  type VerificationReport,
  type Verifier,
  type VerifyPool,
} from '../../credentials/index.ts';
import type { Actor, LearnerRegistry } from '../identity/index.ts';
import type { InstitutionRegistry } from '../institutions/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { Institution } from '../shared/index.ts';
import type { IssueRow, PipelineOptions } from './batch-issuance.ts';
import { CredentialIssuing } from './credential-issuing.ts';
import type {
  CredentialEvent,
  CredentialRepository,
  IssuedCredentialRecord,
  StatusSlotRepository,
} from './credential-ports.ts';
import { CredentialReading, type InstitutionCredentialPage } from './credential-reading.ts';
import { changeCredentialStatus, type CredentialStatusDeps } from './credential-status.ts';
import { CredentialVerification } from './credential-verification.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import { IssuePreparation, type IssueRequest } from './issue-preparation.ts';
import { SlotAllocator } from './slot-allocator.ts';
import { StatusLists } from './status-lists.ts';

export interface CredentialServiceDeps {
  credentials: CredentialRepository;
  slots: StatusSlotRepository;
  keys: InstitutionKeys;
  institutions: InstitutionRegistry;
  learners: LearnerRegistry;
  ledger: LedgerService;
  documentLoader: DocumentLoader;
  /** Resolves a did:web to its DID document (ours locally; foreign ones if configuration allows). */
  resolveDid: DidResolver;
  kek: Uint8Array;
  publicUrl: string;
  batchIssuer: () => BatchIssuer;
  /** Worker threads to verify on; without them, credentials are verified on this thread. */
  verifyPool?: () => VerifyPool | undefined;
  now?: () => Date;
  /** Bits a status list holds (default and minimum in production: 131,072); small only in tests. */
  statusListLength?: number;
}

export class CredentialService {
  readonly verifier: Verifier;
  readonly #statusLists: StatusLists;
  readonly #reading: CredentialReading;
  readonly #issuing: CredentialIssuing;
  readonly #verification: CredentialVerification;
  readonly #statusChanges: CredentialStatusDeps;

  constructor(d: CredentialServiceDeps) {
    const now = d.now ?? (() => new Date());
    const listLength = d.statusListLength ?? STATUS_LIST_LENGTH;
    const slotAllocator = new SlotAllocator(d.slots, listLength);
    const statusLists = new StatusLists({
      credentials: d.credentials,
      slots: d.slots,
      keys: d.keys,
      institutions: d.institutions,
      ledger: d.ledger,
      documentLoader: d.documentLoader,
      kek: d.kek,
      publicUrl: d.publicUrl,
      now,
      listLength,
    });
    const reading = new CredentialReading({ credentials: d.credentials, ledger: d.ledger });
    const preparation = new IssuePreparation({
      keys: d.keys,
      institutions: d.institutions,
      learners: d.learners,
      ledger: d.ledger,
      slotAllocator,
      statusLists,
      publicUrl: d.publicUrl,
      now,
    });
    this.#issuing = new CredentialIssuing({
      credentials: d.credentials,
      keys: d.keys,
      ledger: d.ledger,
      preparation,
      documentLoader: d.documentLoader,
      kek: d.kek,
      batchIssuer: () => d.batchIssuer(),
      now,
    });
    this.#verification = new CredentialVerification({
      keys: d.keys,
      documentLoader: d.documentLoader,
      resolveDid: (did) => d.resolveDid(did),
      verifyPool: () => d.verifyPool?.(),
      statusLists,
      now,
    });
    this.#statusChanges = { credentials: d.credentials, ledger: d.ledger, reading, statusLists };
    this.#statusLists = statusLists;
    this.#reading = reading;
    this.verifier = this.#verification.verifier;
  }

  // ---- issuing -----------------------------------------------------------------------------------

  async issue(actor: Actor, req: IssueRequest): Promise<IssuedCredentialRecord> {
    const [result] = await this.issueMany(actor, [req]);
    if (!result) throw new Error('no result');
    if ('error' in result) throw result.error;
    return result.credential;
  }

  /**
   * Issues many credentials (a graduating class): prepares each, signs them on worker threads when
   * there are enough to pay for it, stores them and records each in the learner's ledger, in
   * overlapping chunks (batch-issuance.ts). Requests whose requestKey was issued before return
   * that credential, so a re-run (after a crash, say) issues nothing new.
   */
  async issueMany(
    actor: Actor,
    reqs: IssueRequest[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<IssueRow[]> {
    return this.issueStream(actor, reqs, { ...(onProgress ? { onProgress } : {}) });
  }

  /**
   * issueMany for a class too large to hold its credentials in memory: with `collect: false`,
   * each chunk's rows go to `onRows` as they are stored and nothing is kept.
   */
  async issueStream(
    actor: Actor,
    reqs: IssueRequest[],
    opts: PipelineOptions = {},
  ): Promise<IssueRow[]> {
    return this.#issuing.issueStream(actor, reqs, opts);
  }

  // ---- status ------------------------------------------------------------------------------------

  statusListUrl(
    institution: Pick<Institution, 'slug'>,
    purpose: StatusPurpose,
    list: number,
  ): string {
    return this.#statusLists.url(institution, purpose, list);
  }

  /**
   * The signed BitstringStatusListCredential of one list; re-signed only when a bit changed. Within
   * a few seconds a list is served as signed (refreshed in the background before then, so no
   * request waits on it); a status change in this process clears it at once.
   */
  async statusListCredential(
    slug: string,
    purposeRaw: string,
    list: number,
  ): Promise<{ serialized: string; etag: string }> {
    return this.#statusLists.credential(slug, purposeRaw, list);
  }

  /** Revoke (final), suspend or reinstate; each is recorded with its reason, and in the ledger. */
  async changeStatus(
    actor: Actor,
    credentialId: string,
    action: CredentialEvent['action'],
    reason: string,
  ): Promise<IssuedCredentialRecord> {
    return changeCredentialStatus(this.#statusChanges, actor, credentialId, action, reason);
  }

  // ---- reading -----------------------------------------------------------------------------------

  async get(actor: Actor, id: string): Promise<IssuedCredentialRecord> {
    return this.#reading.get(actor, id);
  }

  /** A stored credential checked against the ledger (no access check: for services that did their own). */
  async storedCredential(id: string): Promise<IssuedCredentialRecord | null> {
    return this.#reading.storedCredential(id);
  }

  async events(actor: Actor, id: string): Promise<CredentialEvent[]> {
    return this.#reading.events(actor, id);
  }

  async listForLearner(actor: Actor, learnerId: string): Promise<IssuedCredentialRecord[]> {
    return this.#reading.listForLearner(actor, learnerId);
  }

  listForInstitution(
    ...args: Parameters<CredentialReading['listForInstitution']>
  ): Promise<InstitutionCredentialPage> {
    return this.#reading.listForInstitution(...args);
  }

  // ---- verifying (public: anyone may verify) -----------------------------------------------------

  verifyCredential(input: unknown): Promise<VerificationReport> {
    return this.#verification.verifyCredential(input);
  }

  verifyPresentation(input: unknown, opts: PresentationExpected): Promise<PresentationReport> {
    return this.#verification.verifyPresentation(input, opts);
  }
}
