// Ports: the storage the ledger needs, declared here and implemented in storage/.
import type {
  ApiKey,
  CourseVersion,
  Institution,
  Learner,
  LedgerEntry,
  UserAccount,
} from './types.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface InstitutionRepository {
  insert(i: Institution): Promise<void>;
  findById(id: string): Promise<Institution | null>;
  findBySlug(slug: string): Promise<Institution | null>;
  list(): Promise<Institution[]>;
  update(i: Institution): Promise<void>;
}

export interface UserRepository {
  insert(u: UserAccount): Promise<void>;
  findById(id: string): Promise<UserAccount | null>;
  findByEmail(email: string): Promise<UserAccount | null>;
  findByLearnerId(learnerId: string): Promise<UserAccount | null>;
  listByInstitution(institutionId: string): Promise<UserAccount[]>;
  countByRole(role: UserAccount['role']): Promise<number>;
  setTokenEpoch(id: string, epoch: number): Promise<void>;
  setDisabledAt(id: string, at: string | null): Promise<void>;
  /** A new password hash, with the token epoch that ends every earlier token. */
  setPassword(id: string, passwordHash: string, tokenEpoch: number): Promise<void>;
}

export interface ApiKeyRepository {
  insert(k: ApiKey): Promise<void>;
  findById(id: string): Promise<ApiKey | null>;
  listByInstitution(institutionId: string): Promise<ApiKey[]>;
  markRevoked(id: string, at: string): Promise<void>;
  markUsed(id: string, at: string): Promise<void>;
}

export interface LearnerRepository {
  /** Inserts unless a learner with the same idHash exists; returns the stored one either way. */
  insertOrGet(l: Learner): Promise<{ learner: Learner; created: boolean }>;
  findById(id: string): Promise<Learner | null>;
  findByIdHash(idHash: string): Promise<Learner | null>;
  /** Which of these ids are learners' (an unknown id is left out). */
  existingIds(ids: string[]): Promise<string[]>;
  /** Every learner id (maintenance: chain checks and account rebuilds). */
  listIds(): Promise<string[]>;
}

export interface CourseRepository {
  /** Fails with a CONFLICT-style duplicate when that version already exists. */
  insertVersion(c: CourseVersion): Promise<boolean>;
  latest(institutionId: string, code: string): Promise<CourseVersion | null>;
  findVersion(id: string): Promise<CourseVersion | null>;
  listByInstitution(institutionId: string): Promise<CourseVersion[]>;
}

export interface EntryFilter {
  types?: LedgerEntry['body']['type'][] | undefined;
  institutionId?: string | undefined;
}

export interface LedgerRepository {
  /** The entry recorded under an idempotency key (which is also its id). */
  findByIdempotencyKey(key: string): Promise<LedgerEntry | null>;
  /**
   * Inserts in order and stops at the first failure, so a learner's chain never has a hole.
   * Returns how many were inserted and, if one failed, why.
   */
  insertOrdered(
    entries: LedgerEntry[],
  ): Promise<{ inserted: number; failure?: 'sequence' | 'idempotency' }>;
  findById(id: string): Promise<LedgerEntry | null>;
  /** A learner's entry by sequence number (an equality lookup on both engines). */
  findBySeq(learnerId: string, seq: number): Promise<LedgerEntry | null>;
  listByLearner(learnerId: string, afterSeq?: number): Promise<LedgerEntry[]>;
  /** Up to `limit` entries after `afterSeq`, in seq order, matching the filter (an index range on MongoDB). */
  pageByLearner(
    learnerId: string,
    afterSeq: number,
    limit: number,
    filter: EntryFilter,
  ): Promise<LedgerEntry[]>;
  /**
   * Up to `limit` entries before `beforeSeq`, newest first, matching the filter: the other way
   * through the same blocks (a learner's record shown newest first).
   */
  pageByLearnerBefore(
    learnerId: string,
    beforeSeq: number,
    limit: number,
    filter: EntryFilter,
  ): Promise<LedgerEntry[]>;
  /**
   * The corrections and voids of an entry. With the target's learner (whose chain they are on),
   * the lookup carries the ledger's shard key too and goes to one shard of a cluster.
   */
  listByTarget(targetEntryId: string, learnerId?: string): Promise<LedgerEntry[]>;
  /** Credential status entries that name this status list of the institution. */
  listCredentialStatus(institutionId: string, statusList: number): Promise<LedgerEntry[]>;
  /**
   * The results (achievements and corrections, current or not) of one course code the institution
   * recorded, in no order: one equality lookup on both engines.
   */
  listByCourse(institutionId: string, courseCode: string): Promise<LedgerEntry[]>;
  /** The learners with an entry recorded at or after `at` (an ISO timestamp): whose chain head moved. */
  learnersRecordedSince(at: string): Promise<string[]>;
  listByInstitution(
    institutionId: string,
    afterRecordedAt: string | null,
    limit: number,
  ): Promise<LedgerEntry[]>;
}
