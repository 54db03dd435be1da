// evaluateRecognition: what each requested achievement would be recognised as, under which rule, or why not.
import type { CreditItem, LocalizedText } from './credit-items.ts';
import { courseRefOf } from './credit-items.ts';
import { yearOf } from '../shared/index.ts';
import { creditExpiry, isExpired } from '../accounts/index.ts';
import { categoryText, creditSystemText, formatCredits, text } from '../shared/index.ts';
import type { CreditSystem } from '../shared/index.ts';
import { convertCredits } from './conversion.ts';
import { resolveEquivalences } from './equivalence.ts';
import type { CourseEquivalence } from './equivalence.ts';
import { describeMinGrade, gradeMeets } from './grades.ts';
import { rulesInForce, validateRuleSet } from './rules.ts';
import type {
  AchievementCreditsRule,
  CapRule,
  MinGrade,
  RecognitionRule,
  RuleCitation,
} from './rules.ts';

export interface RecognitionTarget {
  institutionId: string;
  programmeId?: string;
  creditSystem: CreditSystem;
}

/** Credits recognised before this request: they use up caps and cannot be recognised again. */
export interface PriorRecognition {
  sourceEntryIds: string[];
  sourceInstitutionId: string;
  /** Hundredths, in the target's credit system. */
  credits: number;
  /** When the source was earned (for the calendar-year cap). */
  earnedAt: string;
}

export interface RecognitionRequest {
  items: readonly CreditItem[];
  /** Raw or validated rules; validated here either way. */
  rules: readonly unknown[];
  target: RecognitionTarget;
  asOf: string;
  alreadyRecognized?: readonly PriorRecognition[];
}

export type RecognitionOutcome = 'PROPOSED' | 'PARTIAL' | 'NOT_RECOGNIZED';
export type NotRecognizedReason =
  | 'NO_RULE'
  | 'BELOW_MIN_GRADE'
  | 'EXPIRED'
  | 'OVER_CAP'
  | 'NOT_CONVERTIBLE'
  | 'ALREADY_RECOGNIZED'
  | 'SAME_INSTITUTION';

export interface RecognitionProposal {
  entryId: string;
  outcome: RecognitionOutcome;
  /** Hundredths in `creditSystem` (the target's); 0 when not recognised. */
  credits: number;
  creditSystem: CreditSystem;
  category?: string;
  level?: number;
  /** The target course, for a course equivalence. */
  courseRef?: string;
  rule?: RuleCitation;
  /** Every equivalence along a chain, first link first. */
  chain?: RuleCitation[];
  conversion?: RuleCitation;
  /** Credits before a cap cut them. */
  uncappedCredits?: number;
  cap?: RuleCitation;
  /** An automatic rule matched exactly (one link, automatic conversion, no cap cut): no reviewer needed. */
  automatic: boolean;
  reason?: NotRecognizedReason;
  text: LocalizedText;
}

interface Match {
  rule: RuleCitation;
  chain?: RuleCitation[];
  credits: number;
  system: CreditSystem;
  category: string;
  level?: number;
  courseRef?: string;
  automatic: boolean;
  minGrades: MinGrade[];
}

function specificity(r: AchievementCreditsRule): number {
  const m = r.match;
  // An exact level is more specific than a minimum level.
  const fields = [m.institutionId, m.courseCode, m.titleIncludes].filter(
    (x) => x !== undefined,
  ).length;
  return fields * 2 + (m.level !== undefined ? 2 : m.minLevel !== undefined ? 1 : 0);
}

function matchAchievement(
  item: CreditItem,
  rules: readonly AchievementCreditsRule[],
): AchievementCreditsRule | undefined {
  let best: AchievementCreditsRule | undefined;
  for (const r of rules) {
    const m = r.match;
    if (m.kind !== item.kind) continue;
    if (m.institutionId !== undefined && m.institutionId !== item.institutionId) continue;
    if (m.level !== undefined && item.level !== m.level) continue;
    if (m.minLevel !== undefined && (item.level === undefined || item.level < m.minLevel)) continue;
    if (m.courseCode !== undefined && item.courseCode !== m.courseCode) continue;
    if (
      m.titleIncludes !== undefined &&
      !(item.title ?? '').toLowerCase().includes(m.titleIncludes.toLowerCase())
    ) {
      continue;
    }
    // Most specific first; rules arrive ordered by id, so ties keep the smallest id.
    if (!best || specificity(r) > specificity(best)) best = r;
  }
  return best;
}

function pickEquivalence(
  list: readonly CourseEquivalence[] | undefined,
): CourseEquivalence | undefined {
  let best: CourseEquivalence | undefined;
  for (const e of list ?? []) {
    if (
      !best ||
      e.chain.length < best.chain.length ||
      (e.chain.length === best.chain.length && Number(e.automatic) > Number(best.automatic))
    ) {
      best = e;
    }
  }
  return best;
}

const notRecognized = (
  item: CreditItem,
  system: CreditSystem,
  reason: NotRecognizedReason,
  t: LocalizedText,
  extra: Partial<RecognitionProposal> = {},
): RecognitionProposal => ({
  entryId: item.entryId,
  outcome: 'NOT_RECOGNIZED',
  credits: 0,
  creditSystem: system,
  automatic: false,
  reason,
  text: t,
  ...extra,
});

const byEarned = (a: CreditItem, b: CreditItem): number =>
  a.earnedAt < b.earnedAt
    ? -1
    : a.earnedAt > b.earnedAt
      ? 1
      : a.seq - b.seq || (a.entryId < b.entryId ? -1 : 1);

/**
 * Proposes a recognition for each item, in input order. Deterministic: rules are taken in id order,
 * caps are consumed in (earnedAt, seq) order.
 * @throws RecognitionRuleInvalid when the rule set does not validate.
 */
export function evaluateRecognition(req: RecognitionRequest): RecognitionProposal[] {
  const { target, asOf } = req;
  const sys = target.creditSystem;
  const inForce: RecognitionRule[] = rulesInForce(validateRuleSet(req.rules), asOf, target);
  const of = <K extends RecognitionRule['kind']>(k: K) =>
    inForce.filter((r): r is Extract<RecognitionRule, { kind: K }> => r.kind === k);
  const equivalences = resolveEquivalences(of('course_equivalence'), {
    targetInstitutionId: target.institutionId,
  });
  const eqByFrom = new Map<string, CourseEquivalence[]>();
  for (const e of equivalences) eqByFrom.set(e.from, [...(eqByFrom.get(e.from) ?? []), e]);
  const achievementRules = of('achievement_credits');
  const conversions = of('conversion');
  const caps = of('cap').filter((c) => c.creditSystem === undefined || c.creditSystem === sys);
  const validity = of('validity');
  const minGradeRules = of('min_grade');

  const done = new Set<string>();
  const used = {
    learner: 0,
    byInstitution: new Map<string, number>(),
    byYear: new Map<number, number>(),
  };
  const addUse = (inst: string, year: number, credits: number) => {
    used.learner += credits;
    used.byInstitution.set(inst, (used.byInstitution.get(inst) ?? 0) + credits);
    used.byYear.set(year, (used.byYear.get(year) ?? 0) + credits);
  };
  for (const p of req.alreadyRecognized ?? []) {
    p.sourceEntryIds.forEach((id) => done.add(id));
    addUse(p.sourceInstitutionId, yearOf(p.earnedAt), p.credits);
  }

  const results = new Map<string, RecognitionProposal>();
  const pending: Array<{ item: CreditItem; proposal: RecognitionProposal }> = [];

  for (const item of [...req.items].sort(byEarned)) {
    if (item.kind === 'recognized' || item.recognition || done.has(item.entryId)) {
      results.set(
        item.entryId,
        notRecognized(item, sys, 'ALREADY_RECOGNIZED', text('Already recognised.', '已认定过。')),
      );
      continue;
    }
    if (item.institutionId === target.institutionId) {
      results.set(
        item.entryId,
        notRecognized(
          item,
          sys,
          'SAME_INSTITUTION',
          text(
            'Earned at the target institution itself: it counts without recognition.',
            '在目标机构取得，无需认定。',
          ),
        ),
      );
      continue;
    }
    const ref = courseRefOf(item);
    const eq = ref ? pickEquivalence(eqByFrom.get(ref)) : undefined;
    let match: Match | undefined;
    if (eq) {
      const r = eq.rule;
      match = {
        rule: { id: eq.ruleId, version: eq.ruleVersion },
        chain: eq.chain,
        credits: r.credits ?? item.credits,
        system: r.creditSystem ?? item.creditSystem,
        category: r.category,
        courseRef: eq.to,
        automatic: eq.automatic,
        minGrades: eq.minGrades,
        ...(r.level !== undefined ? { level: r.level } : {}),
      };
    } else {
      const a = matchAchievement(item, achievementRules);
      if (a) {
        match = {
          rule: { id: a.id, version: a.version },
          credits: a.credits,
          system: a.creditSystem,
          category: a.category,
          automatic: a.automatic,
          minGrades: a.minGrade ? [a.minGrade] : [],
          ...(a.level !== undefined ? { level: a.level } : {}),
        };
      }
    }
    if (!match) {
      results.set(
        item.entryId,
        notRecognized(
          item,
          sys,
          'NO_RULE',
          text(
            `No published rule recognises this ${item.kind.replace(/_/g, ' ')} at ${target.institutionId}; a reviewer may still assess it.`,
            `没有适用的认定规则（目标机构 ${target.institutionId}），可申请人工评审。`,
          ),
        ),
      );
      continue;
    }
    const cite = { rule: match.rule, ...(match.chain ? { chain: match.chain } : {}) };
    // A rule's own minimum needs a grade to check; a general policy skips ungraded certificates.
    const general = minGradeRules.filter(
      (g) => !g.appliesToKinds || g.appliesToKinds.includes(item.kind),
    );
    const failed =
      item.grade?.passed === false
        ? 'not passed'
        : (match.minGrades.find((m) => gradeMeets(item.grade, m) !== true) ??
          general.map((g) => g.minGrade).find((m) => gradeMeets(item.grade, m) === false));
    if (failed) {
      const what = typeof failed === 'string' ? failed : `minimum ${describeMinGrade(failed)}`;
      results.set(
        item.entryId,
        notRecognized(
          item,
          sys,
          'BELOW_MIN_GRADE',
          text(`Grade below the ${what}.`, `成绩未达到要求（${what}）。`),
          cite,
        ),
      );
      continue;
    }
    // The same expiry rule as the audit and the credit account: the entry's own date, then validity.
    const expiry = creditExpiry(item, { validity });
    if (expiry && isExpired(expiry, asOf)) {
      const src = expiry.source;
      const rule = src.kind === 'rule' ? validity.find((v) => v.id === src.ruleId) : undefined;
      results.set(
        item.entryId,
        notRecognized(
          item,
          sys,
          'EXPIRED',
          rule
            ? text(
                `Earned ${item.earnedAt.slice(0, 10)}: its ${rule.years}-year validity ended on ${expiry.lastDay} (rule ${rule.id} v${rule.version}).`,
                `取得于 ${item.earnedAt.slice(0, 10)}，${rule.years} 年有效期已于 ${expiry.lastDay} 届满。`,
              )
            : text(
                `Valid until ${expiry.lastDay}: it has expired.`,
                `有效期至 ${expiry.lastDay}，已过期。`,
              ),
          cite,
        ),
      );
      continue;
    }
    const converted = convertCredits(match.credits, match.system, sys, conversions, item.hours);
    if (!converted) {
      results.set(
        item.entryId,
        notRecognized(
          item,
          sys,
          'NOT_CONVERTIBLE',
          text(
            `No published table converts ${creditSystemText(match.system).en} to ${creditSystemText(sys).en}.`,
            `没有从${creditSystemText(match.system).zh}到${creditSystemText(sys).zh}的转换表。`,
          ),
          cite,
        ),
      );
      continue;
    }
    const proposal: RecognitionProposal = {
      entryId: item.entryId,
      outcome: 'PROPOSED',
      credits: converted.credits,
      creditSystem: sys,
      category: match.category,
      ...(match.level !== undefined ? { level: match.level } : {}),
      ...(match.courseRef !== undefined ? { courseRef: match.courseRef } : {}),
      ...cite,
      ...(converted.rule ? { conversion: converted.rule } : {}),
      automatic: match.automatic && converted.automatic,
      text: text(
        `${formatCredits(converted.credits)} ${creditSystemText(sys).en} (${categoryText(match.category).en}) under rule ${match.rule.id} v${match.rule.version}.`,
        `按规则 ${match.rule.id} v${match.rule.version} 认定 ${formatCredits(converted.credits)} ${creditSystemText(sys).zh}（${categoryText(match.category).zh}）。`,
      ),
    };
    pending.push({ item, proposal });
  }

  // Caps last, in earned order, so earlier learning claims the room first.
  for (const { item, proposal } of pending) {
    const year = yearOf(item.earnedAt);
    let room = Infinity;
    let binding: CapRule | undefined;
    for (const c of caps) {
      const u =
        c.per === 'per_learner'
          ? used.learner
          : c.per === 'per_source_institution'
            ? (used.byInstitution.get(item.institutionId) ?? 0)
            : (used.byYear.get(year) ?? 0);
      const left = Math.max(0, c.max - u);
      if (left < room) {
        room = left;
        binding = c;
      }
    }
    if (binding && room < proposal.credits) {
      const capCite = { id: binding.id, version: binding.version };
      const scope = binding.per.replace(/_/g, ' ');
      if (room === 0) {
        results.set(
          item.entryId,
          notRecognized(
            item,
            sys,
            'OVER_CAP',
            text(
              `The ${scope} cap of ${formatCredits(binding.max)} credits (rule ${binding.id} v${binding.version}) is used up.`,
              `已达上限 ${formatCredits(binding.max)} 学分（${binding.id}）。`,
            ),
            { rule: proposal.rule!, uncappedCredits: proposal.credits, cap: capCite },
          ),
        );
        continue;
      }
      proposal.uncappedCredits = proposal.credits;
      proposal.credits = room;
      proposal.outcome = 'PARTIAL';
      proposal.reason = 'OVER_CAP';
      proposal.automatic = false;
      proposal.cap = capCite;
      proposal.text = text(
        `${formatCredits(room)} of ${formatCredits(proposal.uncappedCredits)} credits: the ${scope} cap of ${formatCredits(binding.max)} (rule ${binding.id} v${binding.version}) leaves no more room.`,
        `受上限 ${formatCredits(binding.max)} 学分限制，仅认定 ${formatCredits(room)} / ${formatCredits(proposal.uncappedCredits)} 学分。`,
      );
    }
    addUse(item.institutionId, year, proposal.credits);
    results.set(item.entryId, proposal);
  }
  return req.items.map((i) => results.get(i.entryId)!);
}
