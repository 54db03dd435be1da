// Credit-system conversion: exact rational arithmetic, then explicit rounding to a stated granularity.
import type { CreditSystem } from '../shared/index.ts';
import type { ConversionRule, RoundingMode, RuleCitation } from './rules.ts';

/**
 * Rounds num/den hundredths to a multiple of `granularity` hundredths. BigInt keeps the product of
 * large credit counts and table factors exact.
 */
export function roundRatio(
  num: bigint,
  den: bigint,
  granularity: number,
  mode: RoundingMode,
): number {
  if (den <= 0n || num < 0n) throw new RangeError('roundRatio needs num ≥ 0 and den > 0');
  const d = den * BigInt(granularity);
  let q = num / d;
  const r = num % d;
  switch (mode) {
    case 'floor':
      break;
    case 'ceil':
      if (r > 0n) q += 1n;
      break;
    case 'half_up':
      if (2n * r >= d) q += 1n;
      break;
    case 'half_even':
      if (2n * r > d || (2n * r === d && q % 2n === 1n)) q += 1n;
      break;
  }
  return Number(q) * granularity;
}

const centi = (x: number): bigint => BigInt(Math.round(x * 100));

/**
 * Applies one conversion rule to `credits` hundredths in `rule.from`.
 * With an hours table: hours = credits × hoursPerCredit[from], target = hours / hoursPerCredit[to];
 * with `useItemHours` and recorded hours, those hours are used instead of the credits.
 */
export function applyConversion(rule: ConversionRule, credits: number, hours?: number): number {
  const m = rule.method;
  if (m.type === 'factor') {
    return roundRatio(
      BigInt(credits) * BigInt(m.numerator),
      BigInt(m.denominator),
      rule.granularity,
      rule.rounding,
    );
  }
  const hTo = centi(m.hoursPerCredit[rule.to]!);
  if (m.useItemHours && hours !== undefined && hours >= 0) {
    // hours × 100 hundredths-per-credit / hoursPerCredit[to], both sides in hundredths of an hour.
    return roundRatio(centi(hours) * 100n, hTo, rule.granularity, rule.rounding);
  }
  const hFrom = centi(m.hoursPerCredit[rule.from]!);
  return roundRatio(BigInt(credits) * hFrom, hTo, rule.granularity, rule.rounding);
}

/**
 * Converts credits between systems with the first matching rule (rules ordered by id); identity when
 * the systems agree; undefined when no rule converts `from` to `to` (conversions are never chained
 * or inverted: a table is published for each direction).
 */
export function convertCredits(
  credits: number,
  from: CreditSystem,
  to: CreditSystem,
  rules: readonly ConversionRule[],
  hours?: number,
): { credits: number; rule?: RuleCitation; automatic: boolean } | undefined {
  if (from === to) return { credits, automatic: true };
  let pick: ConversionRule | undefined;
  for (const r of rules) {
    if (r.from !== from || r.to !== to) continue;
    if (!pick || r.id < pick.id || (r.id === pick.id && r.version > pick.version)) pick = r;
  }
  if (!pick) return undefined;
  return {
    credits: applyConversion(pick, credits, hours),
    rule: { id: pick.id, version: pick.version },
    automatic: pick.automatic,
  };
}
