// When a credit stops counting: one function for the credit account and the degree audit alike.
import type { AchievementKind } from '../shared/index.ts';
import { addYears, dateOnly } from '../shared/index.ts';

/** What limits a credit's life: its own expiry date, a validity rule, or a programme's time limit. */
export type ExpirySource =
  | { kind: 'entry' }
  | { kind: 'rule'; ruleId: string; years: number }
  | { kind: 'timeLimit'; years: number; requirementId?: string | undefined };

export interface Expiry {
  /** The last day the credit still counts (YYYY-MM-DD). */
  lastDay: string;
  source: ExpirySource;
}

export interface ExpiryLimits {
  /** Validity rules in force: credits of the kinds they cover count for `years` after earnedAt. */
  validity?: ReadonlyArray<{
    id: string;
    years: number;
    appliesToKinds?: readonly string[] | undefined;
  }>;
  /** Programme time limits (a timeLimit requirement, the programme's timeLimitYears). */
  timeLimits?: ReadonlyArray<{ years: number; id?: string | undefined }>;
}

/**
 * The earliest of the limits that apply to a credit: its own `expiresAt`, the shortest validity rule
 * for its kind, the shortest time limit (both counted from `earnedAt`, the anniversary itself still
 * counting). On equal days the entry's own date is named first, then a rule, then a time limit.
 * Undefined: the credit never expires.
 */
export function creditExpiry(
  credit: {
    earnedAt?: string | undefined;
    expiresAt?: string | null | undefined;
    kind?: AchievementKind | undefined;
  },
  limits: ExpiryLimits = {},
): Expiry | undefined {
  const options: Expiry[] = [];
  if (credit.expiresAt)
    options.push({ lastDay: dateOnly(credit.expiresAt), source: { kind: 'entry' } });
  // Periods run from earnedAt; without it (a balance bucket) only the entry's own date applies.
  if (credit.earnedAt === undefined) return options[0];
  const earned = dateOnly(credit.earnedAt);
  for (const v of limits.validity ?? []) {
    if (v.appliesToKinds && credit.kind !== undefined && !v.appliesToKinds.includes(credit.kind))
      continue;
    options.push({
      lastDay: addYears(earned, v.years),
      source: { kind: 'rule', ruleId: v.id, years: v.years },
    });
  }
  for (const t of limits.timeLimits ?? []) {
    options.push({
      lastDay: addYears(earned, t.years),
      source: { kind: 'timeLimit', years: t.years, requirementId: t.id },
    });
  }
  let best: Expiry | undefined;
  for (const o of options) if (!best || o.lastDay < best.lastDay) best = o;
  return best;
}

/** Whether a credit with this expiry no longer counts on `asOf`. */
export const isExpired = (expiry: Expiry | undefined, asOf: string): boolean =>
  expiry !== undefined && expiry.lastDay < dateOnly(asOf);
