// The hash chain: how an entry's hash is computed (by format version) and how a learner's chain is checked.
import { canonicalJson, sha256Hex } from './canonical.ts';
import type { LedgerEntry } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash format new entries are written in. Version 1 (entries without `hashVersion`) left the
 * stored copy of a correction's or void's target (the field the database finds it by) and the
 * entry's id outside the hash; version 2 covers every stored field but the hash itself. Entries
 * keep the version they were written in, so chains stored before version 2 still verify.
 */
export const CURRENT_HASH_VERSION = 2;

type Hashed = Omit<LedgerEntry, 'hash'>;

/** Every field an entry stores, except its own hash, under the entry's hash format version. */
export function entryHash(e: Hashed): string {
  return sha256Hex(hashedContent(e));
}

/** The canonical JSON an entry's hash is the sha256 of (what a learner can check offline). */
export function hashedContent(e: Hashed): string {
  const version = e.hashVersion ?? 1;
  if (version === 1) {
    return canonicalJson({
      learnerId: e.learnerId,
      seq: e.seq,
      prevHash: e.prevHash,
      institutionId: e.institutionId,
      actor: e.actor,
      recordedAt: e.recordedAt,
      idempotencyKey: e.idempotencyKey,
      body: e.body,
    });
  }
  // An unknown version (a tampered one) hashes like version 2 with that number: it never matches.
  return canonicalJson({
    hashVersion: version,
    id: e.id,
    learnerId: e.learnerId,
    seq: e.seq,
    prevHash: e.prevHash,
    institutionId: e.institutionId,
    actor: e.actor,
    recordedAt: e.recordedAt,
    idempotencyKey: e.idempotencyKey,
    targetEntryId: e.targetEntryId,
    body: e.body,
  });
}

/** A new entry as the service writes it: the current hash format, the target's stored copy set. */
export function sealEntry(e: Omit<Hashed, 'hashVersion' | 'targetEntryId'>): LedgerEntry {
  const target = 'targetEntryId' in e.body ? e.body.targetEntryId : undefined;
  const partial: Hashed = {
    ...e,
    hashVersion: CURRENT_HASH_VERSION,
    ...(target !== undefined ? { targetEntryId: target } : {}),
  };
  return { ...partial, hash: entryHash(partial) };
}

/** What an idempotent replay must match: the learner and the body, not who sent it or when. */
export function contentHash(learnerId: string, body: LedgerEntry['body']): string {
  return sha256Hex(canonicalJson({ learnerId, body }));
}

export type BrokenReason =
  | 'HASH_MISMATCH'
  | 'LINK_MISMATCH'
  | 'SEQUENCE_GAP'
  /** A stored field the database looks entries up by disagrees with the hashed content. */
  | 'INDEX_MISMATCH'
  /** An entry in an older hash format after one in a newer format. */
  | 'VERSION_DOWNGRADE'
  /** The chain no longer holds the head a signed checkpoint published: deleted, truncated or rewritten. */
  | 'CHECKPOINT_MISMATCH';

export interface ChainReport {
  valid: boolean;
  entries: number;
  headHash: string;
  /** The first entry whose hash, link or sequence is wrong, and why. */
  firstBroken: {
    seq: number;
    entryId: string;
    reason: BrokenReason;
  } | null;
}

/** Recomputes every hash; `entries` must be the learner's whole ledger sorted by seq. */
export function verifyChain(entries: LedgerEntry[]): ChainReport {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let version = 1;
  for (const e of entries) {
    const broken = (reason: BrokenReason): ChainReport => ({
      valid: false,
      entries: entries.length,
      headHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      firstBroken: { seq: e.seq, entryId: e.id, reason },
    });
    if (e.seq !== expectedSeq) {
      // Name the entry that is missing, not the one after the hole (which may be an honest append).
      return {
        ...broken('SEQUENCE_GAP'),
        firstBroken: {
          seq: expectedSeq,
          entryId: `(entry ${expectedSeq} is missing)`,
          reason: 'SEQUENCE_GAP',
        },
      };
    }
    if (e.prevHash !== prev) return broken('LINK_MISMATCH');
    const v = e.hashVersion ?? 1;
    if (v !== 1 && v !== CURRENT_HASH_VERSION) return broken('HASH_MISMATCH');
    if (v < version) return broken('VERSION_DOWNGRADE');
    version = v;
    if (entryHash(e) !== e.hash) return broken('HASH_MISMATCH');
    const target = 'targetEntryId' in e.body ? e.body.targetEntryId : undefined;
    if (e.id !== e.idempotencyKey || e.targetEntryId !== target) return broken('INDEX_MISMATCH');
    prev = e.hash;
    expectedSeq++;
  }
  return { valid: true, entries: entries.length, headHash: prev, firstBroken: null };
}
