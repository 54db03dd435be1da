// Credit accounts: balances folded from the ledger (a projection that can always be rebuilt).
import { creditExpiry, isExpired } from './expiry.ts';
import { GENESIS_HASH } from '../shared/index.ts';
import type { AchievementContent, LedgerEntry } from '../shared/index.ts';
import type { CreditSystem } from '../shared/index.ts';

export interface CreditBucket {
  system: CreditSystem;
  category: string;
  level: number;
  institutionId: string;
  expiresAt: string | null;
  /** Credits recognised from another achievement: shown apart, so nothing counts twice. */
  recognized?: boolean;
  credits: number; // hundredths
  count: number;
}

export interface CreditAccountState {
  learnerId: string;
  /** The last ledger entry folded in: also the head of the learner's chain. */
  uptoSeq: number;
  lastHash: string;
  buckets: CreditBucket[];
  /** A keyed MAC of the rest, set by the ledger service: an edited projection is told from a folded one. */
  seal?: string | undefined;
}

export const emptyAccount = (learnerId: string): CreditAccountState => ({
  learnerId,
  uptoSeq: 0,
  lastHash: GENESIS_HASH,
  buckets: [],
});

/** The effective content of achievements touched by a correction or void, keyed by entry id (null: voided). */
export type EffectiveLookup = Map<
  string,
  { institutionId: string; achievement: AchievementContent | null }
>;

const bucketKey = (b: Omit<CreditBucket, 'credits' | 'count'>) =>
  `${b.system}|${b.category}|${b.level}|${b.institutionId}|${b.expiresAt ?? ''}${b.recognized ? '|r' : ''}`;

/**
 * Folds entries (in seq order) into an account. Corrections and voids subtract what their target
 * counted before; `effective` must hold each target's content as of just before these entries and is
 * updated as the fold goes, so that a batch may correct what it just recorded.
 */
export function foldEntries(
  state: CreditAccountState,
  entries: LedgerEntry[],
  effective: EffectiveLookup,
): CreditAccountState {
  const buckets = new Map(state.buckets.map((b) => [bucketKey(b), { ...b }]));
  const add = (institutionId: string, a: AchievementContent, sign: 1 | -1) => {
    const shape = {
      system: a.creditSystem,
      category: a.category,
      level: a.level,
      institutionId,
      expiresAt: a.expiresAt ?? null,
      ...(a.kind === 'recognized' ? { recognized: true } : {}),
    };
    const key = bucketKey(shape);
    const b = buckets.get(key) ?? { ...shape, credits: 0, count: 0 };
    b.credits += sign * a.credits;
    b.count += sign;
    if (b.count === 0) buckets.delete(key);
    else buckets.set(key, b);
  };
  let { uptoSeq, lastHash } = state;
  for (const e of entries) {
    if (e.seq <= uptoSeq) continue;
    const body = e.body;
    if (body.type === 'achievement') {
      add(e.institutionId, body.achievement, 1);
      effective.set(e.id, { institutionId: e.institutionId, achievement: body.achievement });
    } else if (body.type === 'correction' || body.type === 'void') {
      const before = effective.get(body.targetEntryId);
      if (before?.achievement) add(before.institutionId, before.achievement, -1);
      const after = body.type === 'correction' ? body.achievement : null;
      if (after && before) add(before.institutionId, after, 1);
      if (before)
        effective.set(body.targetEntryId, {
          institutionId: before.institutionId,
          achievement: after,
        });
    }
    uptoSeq = e.seq;
    lastHash = e.hash;
  }
  const sorted = [...buckets.values()].sort((a, b) => bucketKey(a).localeCompare(bucketKey(b)));
  return { learnerId: state.learnerId, uptoSeq, lastHash, buckets: sorted };
}

/** Rebuilds a learner's account from the ledger alone. */
export function rebuildAccount(learnerId: string, entries: LedgerEntry[]): CreditAccountState {
  return foldEntries(emptyAccount(learnerId), entries, new Map());
}

export interface Balance {
  system: CreditSystem;
  key: string;
  credits: number; // hundredths
}

export interface CreditAccountView {
  learnerId: string;
  asOf: string;
  achievements: number;
  totals: Balance[];
  byCategory: Balance[];
  byLevel: Balance[];
  byInstitution: Balance[];
  expired: Balance[];
  /** Credits institutions recognised from the learner's achievements, by receiving institution. */
  recognized: Balance[];
}

/** Sums the buckets by each dimension, counting credits whose expiry date has passed apart. */
export function viewAccount(state: CreditAccountState, asOf: string): CreditAccountView {
  const sums = {
    totals: new Map<string, Balance>(),
    byCategory: new Map<string, Balance>(),
    byLevel: new Map<string, Balance>(),
    byInstitution: new Map<string, Balance>(),
    expired: new Map<string, Balance>(),
    recognized: new Map<string, Balance>(),
  };
  const bump = (m: Map<string, Balance>, system: CreditSystem, key: string, credits: number) => {
    const k = `${system}|${key}`;
    const b = m.get(k) ?? { system, key, credits: 0 };
    b.credits += credits;
    m.set(k, b);
  };
  let achievements = 0;
  for (const b of state.buckets) {
    if (b.recognized) {
      bump(sums.recognized, b.system, b.institutionId, b.credits);
      continue;
    }
    achievements += b.count;
    // The audit's own rule: a credit counts through its last valid day (see creditExpiry).
    if (isExpired(creditExpiry({ expiresAt: b.expiresAt }), asOf)) {
      bump(sums.expired, b.system, 'expired', b.credits);
      continue;
    }
    bump(sums.totals, b.system, 'total', b.credits);
    bump(sums.byCategory, b.system, b.category, b.credits);
    bump(sums.byLevel, b.system, String(b.level), b.credits);
    bump(sums.byInstitution, b.system, b.institutionId, b.credits);
  }
  const list = (m: Map<string, Balance>) =>
    [...m.values()].sort((a, b) => `${a.system}|${a.key}`.localeCompare(`${b.system}|${b.key}`));
  return {
    learnerId: state.learnerId,
    asOf,
    achievements,
    totals: list(sums.totals),
    byCategory: list(sums.byCategory),
    byLevel: list(sums.byLevel),
    byInstitution: list(sums.byInstitution),
    expired: list(sums.expired),
    recognized: list(sums.recognized),
  };
}
