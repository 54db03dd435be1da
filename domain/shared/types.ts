// The ledger's domain records: institutions, people, courses and the hash-chained entries.
import type {
  AchievementKind,
  CreditSystem,
  InstitutionType,
  LocalizedText,
  QualificationType,
} from './values.ts';

export interface AccreditationScope {
  qualificationType: QualificationType;
  /** Levels it may award, e.g. ISCED-like 4..8; empty means any level of that type. */
  levels: number[];
}

export interface Institution {
  id: string;
  slug: string;
  name: LocalizedText;
  type: InstitutionType;
  region: string;
  accreditation: AccreditationScope[];
  status: 'active' | 'suspended';
  createdAt: string;
}

export interface Learner {
  id: string;
  /** HMAC-SHA256 of the national ID number under a server secret: the ID itself is never stored. */
  idHash: string;
  name: string;
  birthDate?: string | undefined;
  did?: string | undefined;
  createdAt: string;
  createdBy: ActorRef;
}

export type Role = 'operator' | 'staff' | 'learner';

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  institutionId?: string | undefined;
  learnerId?: string | undefined;
  passwordHash: string;
  createdAt: string;
  /** Bumped by "sign out everywhere": a token carries the epoch it was issued in. */
  tokenEpoch?: number | undefined;
  /** Set while the operator has disabled the account: it can neither sign in nor use its tokens. */
  disabledAt?: string | null | undefined;
}

export const API_KEY_SCOPES = ['records:write', 'records:read', 'credentials:issue'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: string;
  institutionId: string;
  label: string;
  /** sha256 of the secret part; the secret is shown once, at creation. */
  secretHash: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string;
  revokedAt?: string | undefined;
  /** When the key last authenticated, to the minute (API_KEY_LAST_USE_RESOLUTION_MS). */
  lastUsedAt?: string | undefined;
}

export interface CourseVersion {
  id: string; // `${institutionId}:${code}:v${version}`
  institutionId: string;
  code: string;
  version: number;
  title: LocalizedText;
  credits: number; // hundredths
  creditSystem: CreditSystem;
  level: number;
  category: string;
  hours?: number | undefined;
  learningOutcomes: string[];
  createdAt: string;
  createdBy: string;
}

export interface ActorRef {
  kind: 'operator' | 'staff' | 'learner' | 'apikey' | 'system';
  id: string;
}

export interface Grade {
  /** 0-100 score, when the institution grades that way. */
  score?: number | undefined;
  letter?: string | undefined;
  /** Grade points on a 4-point (or 4.3/4.5) scale. */
  points?: number | undefined;
  passed: boolean;
}

/** The content of an achievement as the recording institution reported it. */
export interface AchievementContent {
  kind: AchievementKind;
  title: LocalizedText;
  courseId?: string | undefined; // a CourseVersion id
  courseCode?: string | undefined;
  credits: number; // hundredths
  creditSystem: CreditSystem;
  category: string;
  /** Cross-listed: other categories the credits may count under instead (never as well). */
  altCategories?: string[] | undefined;
  level: number;
  hours?: number | undefined;
  grade?: Grade | undefined;
  earnedAt: string; // YYYY-MM-DD
  term?: string | undefined; // e.g. 2024-fall
  expiresAt?: string | undefined; // YYYY-MM-DD: after it the credits count apart as expired
  evidenceUrl?: string | undefined;
  recognition?:
    | { ruleId: string; ruleVersion: number; sourceEntryIds: string[]; requestId?: string }
    | undefined;
}

export type EntryBody =
  | { type: 'achievement'; achievement: AchievementContent }
  | { type: 'correction'; targetEntryId: string; reason: string; achievement: AchievementContent }
  | { type: 'void'; targetEntryId: string; reason: string }
  | {
      type: 'credential';
      action: 'issued' | 'revoked' | 'suspended' | 'reinstated';
      credentialId: string;
      credentialHash?: string | undefined;
      reason?: string | undefined;
      /** For a status change: where the credential's bits are, so status lists derive from the chain. */
      statusList?: number | undefined;
      statusIndex?: number | undefined;
    }
  | {
      type: 'award';
      programmeId: string;
      programmeVersion: number;
      applicationId: string;
      credentialId?: string | undefined;
    };

export type EntryType = EntryBody['type'];

export interface LedgerEntry {
  /** The idempotency key. */
  id: string;
  /** The hash format the entry was written in (domain/shared/chain.ts); absent: version 1. */
  hashVersion?: number | undefined;
  learnerId: string;
  seq: number;
  prevHash: string;
  hash: string;
  institutionId: string;
  actor: ActorRef;
  recordedAt: string;
  /** `${institutionId}:${sourceRecordId}`: the institution's own record id, never recorded twice. */
  idempotencyKey: string;
  /** For a correction or void, the stored copy of its target that the database finds it by. */
  targetEntryId?: string | undefined;
  body: EntryBody;
}

/** One row of a batch: who it is for and what to record. */
export interface AppendRequest {
  learnerId: string;
  institutionId: string;
  sourceRecordId: string;
  body: EntryBody;
}

export type AppendOutcome =
  | { status: 'created'; entry: LedgerEntry }
  | { status: 'duplicate'; entry: LedgerEntry }
  | { status: 'conflict'; message: string };
