// The hash chain: how an entry's hash is computed and how a learner's chain is checked.
import { canonicalJson, sha256Hex } from './canonical.ts';
import type { LedgerEntry } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry says, except its own hash. */
export function entryHash(e: Omit<LedgerEntry, 'hash' | 'id'>): string {
  return sha256Hex(
    canonicalJson({
      learnerId: e.learnerId,
      seq: e.seq,
      prevHash: e.prevHash,
      institutionId: e.institutionId,
      actor: e.actor,
      recordedAt: e.recordedAt,
      idempotencyKey: e.idempotencyKey,
      body: e.body,
    }),
  );
}

/** What an idempotent replay must match: the learner and the body, not who sent it or when. */
export function contentHash(learnerId: string, body: LedgerEntry['body']): string {
  return sha256Hex(canonicalJson({ learnerId, body }));
}

export interface ChainReport {
  valid: boolean;
  entries: number;
  headHash: string;
  /** The first entry whose hash, link or sequence is wrong, and why. */
  firstBroken: {
    seq: number;
    entryId: string;
    reason: 'HASH_MISMATCH' | 'LINK_MISMATCH' | 'SEQUENCE_GAP';
  } | null;
}

/** Recomputes every hash; `entries` must be the learner's whole ledger sorted by seq. */
export function verifyChain(entries: LedgerEntry[]): ChainReport {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const broken = (reason: NonNullable<ChainReport['firstBroken']>['reason']): ChainReport => ({
      valid: false,
      entries: entries.length,
      headHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      firstBroken: { seq: e.seq, entryId: e.id, reason },
    });
    if (e.seq !== expectedSeq) return broken('SEQUENCE_GAP');
    if (e.prevHash !== prev) return broken('LINK_MISMATCH');
    if (entryHash(e) !== e.hash) return broken('HASH_MISMATCH');
    prev = e.hash;
    expectedSeq++;
  }
  return { valid: true, entries: entries.length, headHash: prev, firstBroken: null };
}
