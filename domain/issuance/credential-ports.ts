// Ports for the credentials capability: signing keys, issued credentials, status list slots and events.
import type { StoredKey } from '../../credentials/index.ts';
import type { ActorRef } from '../shared/index.ts';

export interface InstitutionKey extends StoredKey {
  /** The institution (or '__platform__') whose DID controls the key. */
  institutionId: string;
  /** Set when a newer key took over: what it signed still verifies. */
  retiredAt?: string | undefined;
  /** Set when the key was compromised: signatures made at or after this time are rejected. */
  revokedAt?: string | undefined;
  revocationReason?: string | undefined;
}

export interface SigningKeyRepository {
  insert(k: InstitutionKey): Promise<void>;
  findById(id: string): Promise<InstitutionKey | null>;
  listByInstitution(institutionId: string): Promise<InstitutionKey[]>;
  update(k: InstitutionKey): Promise<void>;
}

export type CredentialKind = 'achievement' | 'qualification' | 'transcript';

export interface IssuedCredentialRecord {
  id: string;
  institutionId: string;
  learnerId: string;
  kind: CredentialKind;
  /** What the accreditation check saw, e.g. ['BachelorDegree'] or ['Transcript']. */
  achievementTypes: string[];
  format: string;
  /** The exact serialised credential: JSON for Data Integrity, the compact JWS for vc+jwt. */
  serialized: string;
  hash: string;
  statusList: number;
  statusIndex: number;
  revoked: boolean;
  suspended: boolean;
  issuedAt: string;
  /** The caller's idempotency key: issuing the same request again returns this credential. */
  requestKey: string;
  /** What was asked for under that key: the same key with another request is a CONFLICT. */
  requestHash?: string | undefined;
  ledgerEntryId?: string | undefined;
  /** The programme an award's diploma or degree was issued for (absent on other credentials). */
  programmeId?: string | undefined;
}

/** Which of an institution's credentials to list: every given field must match. */
export interface InstitutionCredentialFilter {
  revoked?: boolean | undefined;
  suspended?: boolean | undefined;
  kind?: CredentialKind | undefined;
  learnerId?: string | undefined;
  programmeId?: string | undefined;
}

/** Where a page of an institution's credentials starts: after this one, newest first. */
export interface CredentialCursor {
  issuedAt: string;
  id: string;
}

export interface CredentialEvent {
  id: string;
  credentialId: string;
  /** Where the credential's status bits are: its institution's lists number `statusList`. */
  institutionId: string;
  statusList: number;
  statusIndex: number;
  action: 'revoked' | 'suspended' | 'reinstated';
  reason: string;
  actor: ActorRef;
  at: string;
}

export interface CredentialRepository {
  /** false when the requestKey (or id) exists already. */
  insert(c: IssuedCredentialRecord): Promise<boolean>;
  /** Bulk insert, in no particular order: for each record, false when its requestKey (or id) exists already. */
  insertMany(cs: IssuedCredentialRecord[]): Promise<boolean[]>;
  findById(id: string): Promise<IssuedCredentialRecord | null>;
  findByRequestKey(requestKey: string): Promise<IssuedCredentialRecord | null>;
  listByLearner(learnerId: string): Promise<IssuedCredentialRecord[]>;
  /**
   * An institution's credentials matching the filter (equalities on indexed fields), newest first
   * (issuedAt, then id), the `limit` after `after`.
   */
  pageByInstitution(
    institutionId: string,
    filter: InstitutionCredentialFilter,
    after: CredentialCursor | null,
    limit: number,
  ): Promise<IssuedCredentialRecord[]>;
  setStatus(id: string, status: { revoked: boolean; suspended: boolean }): Promise<void>;
  addEvent(e: CredentialEvent): Promise<void>;
  listEvents(credentialId: string): Promise<CredentialEvent[]>;
  /**
   * Every status change of the credentials on one status list, in no particular order. A list's
   * bits are derived from these, a few rows (status changes are rare) rather than the list's
   * credentials, up to 131,072 of them.
   */
  statusEvents(institutionId: string, list: number): Promise<CredentialEvent[]>;
}

export interface StatusSlotRepository {
  /** Claims (list, index) for a credential; false when another credential holds it. */
  claim(institutionId: string, list: number, index: number, credentialId: string): Promise<boolean>;
  /** Claims many slots in one write; for each, false when another credential holds it. */
  claimMany(
    institutionId: string,
    slots: { list: number; index: number; credentialId: string }[],
  ): Promise<boolean[]>;
  /** How many slots of that list are claimed (to resume allocation after a restart). */
  count(institutionId: string, list: number): Promise<number>;
  /** The highest list number used by an institution, or 0. */
  lastList(institutionId: string): Promise<number>;
}
