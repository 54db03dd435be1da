// auditProgramme: checks a learner's credit items against one programme version and explains every credit.
import { InputValidationError } from '../errors.ts';
import type { LocalizedText } from '../values.ts';
import type { ConversionRule, ValidityRule } from '../recognition/rules.ts';
import { convertCredits } from '../recognition/conversion.ts';
import { gradeMeets } from '../recognition/grades.ts';
import { ProgrammeInvalid, validateProgramme, walkRequirements } from '../programmes/validate.ts';
import { isGroup } from '../programmes/types.ts';
import type {
  CategoryCredits,
  Courses,
  GroupKind,
  MaxPerInstitution,
  MaxPerPeriod,
  MinGpa,
  MinGradeRequirement,
  Programme,
  Requirement,
  RequirementKind,
  RequirementNode,
  Residency,
  TimeLimit,
  TotalCredits,
} from '../programmes/types.ts';
import { assignBuckets, capUsage, chooseKept } from './allocate.ts';
import type { Candidate, FillPhase, Score } from './allocate.ts';
import { dateOnly, semesterOf, withinYears, yearOf } from './dates.ts';
import { categoryText, courseLabel, formatCredits, text } from './text.ts';
import type { CreditItem } from './types.ts';
import { courseRefOf } from './types.ts';

/** A course that counts as another (from `resolveEquivalences`, or any source with these fields). */
export interface ResolvedEquivalence {
  from: string;
  to: string;
  ruleId: string;
  ruleVersion: number;
}

export interface AuditInput {
  items: readonly CreditItem[];
  programme: Programme;
  /** The audit date: validity periods and time limits are measured up to it. */
  asOf: string;
  equivalences?: readonly ResolvedEquivalence[];
  /** Conversion rules bringing items of other credit systems into the programme's system. */
  conversions?: readonly ConversionRule[];
  /** Validity rules: credits older than their period at `asOf` are EXPIRED. */
  validity?: readonly ValidityRule[];
}

export type ExclusionReason =
  | 'EXPIRED'
  | 'OVER_CAP'
  | 'BELOW_MIN_GRADE'
  | 'USED_ELSEWHERE'
  | 'OUTSIDE_TIME_LIMIT'
  | 'NOT_CONVERTIBLE';

export interface Exclusion {
  entryId: string;
  reason: ExclusionReason;
  text: LocalizedText;
  /** The requirement (cap, filter) or rule behind the exclusion, when there is one. */
  requirementId?: string;
  ruleId?: string;
  /** The entry that counts instead (USED_ELSEWHERE). */
  countedEntryId?: string;
}

export type RequirementUnit = 'credits' | 'courses' | 'gpa' | 'grade' | 'years' | 'requirements';

export interface RequirementResult {
  id: string;
  kind: RequirementKind | GroupKind;
  parentId?: string;
  label: LocalizedText;
  met: boolean;
  unit: RequirementUnit;
  /** Hundredths of a credit when `unit` is 'credits'; for caps, the maximum. */
  required: number;
  /** For caps, the highest amount counted in any one institution or period. */
  counted: number;
  missing: { amount?: number; text: LocalizedText };
  entries: string[];
}

export interface Allocation {
  entryId: string;
  /** Hundredths in the programme's credit system. */
  credits: number;
  /** The exclusive category bucket the credits fill, if any (they always count toward totals). */
  requirementId?: string;
  /** Equivalence rules the item was matched to a required course through. */
  viaEquivalences?: Array<{ ruleId: string; ruleVersion: number }>;
}

export interface AuditTotals {
  creditSystem: Programme['creditSystem'];
  counted: number;
  /** Excluded credits, converted where a conversion exists. */
  excluded: number;
  residency: number;
  byCategory: Record<string, number>;
  byInstitution: Record<string, number>;
  byYear: Record<string, number>;
  /** Credit-weighted grade points of the counted graded items, two decimals; null without any. */
  gpa: number | null;
}

export interface AuditResult {
  programme: { id: string; version: number };
  asOf: string;
  passed: boolean;
  requirements: RequirementResult[];
  allocations: Allocation[];
  excluded: Exclusion[];
  totals: AuditTotals;
  /** Whether the allocation is provably the best (false: a greedy fill decided over-full caps). */
  solver: { exact: boolean; candidates: number };
}

type CapReq = MaxPerInstitution | MaxPerPeriod;

const byEarned = (a: CreditItem, b: CreditItem): number =>
  a.earnedAt < b.earnedAt
    ? -1
    : a.earnedAt > b.earnedAt
      ? 1
      : a.seq - b.seq || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);

const catsText = (cats: readonly string[]): LocalizedText => ({
  en: cats.map((c) => categoryText(c).en).join(' or '),
  zh: cats.map((c) => categoryText(c).zh).join('或'),
});

function defaultLabel(n: RequirementNode, p: Programme): LocalizedText {
  if (n.label) return n.label;
  if (isGroup(n)) {
    const en = n.kind === 'allOf' ? 'All of' : n.kind === 'anyOf' ? 'One of' : `At least ${n.n} of`;
    const zh =
      n.kind === 'allOf' ? '全部满足' : n.kind === 'anyOf' ? '满足其一' : `至少满足 ${n.n} 项`;
    return text(en, zh);
  }
  switch (n.kind) {
    case 'totalCredits':
      return text(
        `${formatCredits(n.min)} credits in total`,
        `总学分不少于 ${formatCredits(n.min)}`,
      );
    case 'categoryCredits': {
      const c = catsText(n.categories);
      return text(
        `${formatCredits(n.min)} ${c.en} credits${n.minLevel ? ` at level ${n.minLevel} or above` : ''}`,
        `${c.zh}学分不少于 ${formatCredits(n.min)}${n.minLevel ? `（${n.minLevel} 级及以上）` : ''}`,
      );
    }
    case 'courses': {
      const codes = n.courses.map(courseLabel);
      return n.mode === 'allOf'
        ? text(`Courses ${codes.join(', ')}`, `课程 ${codes.join('、')}`)
        : text(`One of ${codes.join(', ')}`, `以下课程之一：${codes.join('、')}`);
    }
    case 'maxPerInstitution':
      return text(
        `At most ${formatCredits(n.max)} credits from one institution`,
        `同一机构最多 ${formatCredits(n.max)} 学分`,
      );
    case 'maxPerPeriod':
      return n.period === 'calendarYear'
        ? text(
            `At most ${formatCredits(n.max)} credits a calendar year`,
            `每年最多 ${formatCredits(n.max)} 学分`,
          )
        : text(
            `At most ${formatCredits(n.max)} credits a semester`,
            `每学期最多 ${formatCredits(n.max)} 学分`,
          );
    case 'residency':
      return text(
        `${formatCredits(n.min)} credits at ${p.institutionId} or its partners`,
        `在 ${p.institutionId} 或其合作机构取得不少于 ${formatCredits(n.min)} 学分`,
      );
    case 'minGrade': {
      const g = n.score !== undefined ? `a score of ${n.score}` : `${n.points} grade points`;
      const gz = n.score !== undefined ? `${n.score} 分` : `${n.points} 绩点`;
      return text(`Only grades of at least ${g} count`, `成绩不低于 ${gz} 方可计入`);
    }
    case 'minGpa':
      return text(`GPA of at least ${n.min.toFixed(2)}`, `平均学分绩点不低于 ${n.min.toFixed(2)}`);
    case 'timeLimit':
      return text(`All credits earned within ${n.years} years`, `所有学分须在 ${n.years} 年内取得`);
  }
}

const NONE: LocalizedText = { en: '', zh: '' };

/** Evaluates the tree: whether the root is met, and how many leaf requirements are. */
function evalTree(
  node: RequirementNode,
  met: (id: string) => boolean,
  out: Map<string, boolean>,
): boolean {
  if (!isGroup(node)) {
    const m = met(node.id);
    out.set(node.id, m);
    return m;
  }
  let count = 0;
  for (const c of node.children) if (evalTree(c, met, out)) count++;
  const need = node.kind === 'allOf' ? node.children.length : node.kind === 'anyOf' ? 1 : node.n!;
  const m = count >= need;
  out.set(node.id, m);
  return m;
}

interface Detail {
  score: Score;
  kept: Candidate[];
  bucketOf: Map<number, number>;
  filled: number[];
  exact: boolean;
  total: number;
  residency: number;
  overlay: number[];
  /** Per courses requirement: ref → the candidate (order) that satisfies it. */
  courseHits: Array<Map<string, number>>;
  gpa: { points: number; credits: number };
  met: Map<string, boolean>;
}

/**
 * Audits `items` against one programme version at `asOf`.
 *
 * Counting model: category requirements are exclusive buckets (a credit fills at most one, unless the
 * programme allows double counting); totals, residency, overlays, course presence, GPA and caps look
 * at the whole counted set, so a major course counts toward "major ≥ 60" and "total ≥ 140" alike.
 * Filters (validity, time limit, minimum grade, conversion, recognition sources, retakes) run first;
 * caps then decide which credits to keep, maximising (root met, leaf requirements met, progress,
 * credits), ties going to earlier credits (earnedAt, seq, entryId).
 * @throws ProgrammeInvalid when the programme does not validate.
 */
export function auditProgramme(input: AuditInput): AuditResult {
  const programme = validateProgramme(input.programme);
  const sys = programme.creditSystem;
  const asOf = dateOnly(input.asOf);

  const nodes: Array<{ node: RequirementNode; parentId?: string }> = [];
  walkRequirements(programme.requirements, (n, parent) =>
    nodes.push({ node: n, ...(parent ? { parentId: parent.id } : {}) }),
  );
  const leaves = nodes.map((x) => x.node).filter((n): n is Requirement => !isGroup(n));
  const ofKind = <K extends RequirementKind>(k: K) =>
    leaves.filter((l): l is Extract<Requirement, { kind: K }> => l.kind === k);
  const categoryReqs = ofKind('categoryCredits');
  const buckets: CategoryCredits[] = categoryReqs.filter((c) => !c.overlay);
  const overlays: CategoryCredits[] = categoryReqs.filter((c) => c.overlay);
  if (buckets.length > 30)
    throw new ProgrammeInvalid(`programme ${programme.id}: more than 30 category requirements`);
  const courseReqs: Courses[] = ofKind('courses');
  const totals: TotalCredits[] = ofKind('totalCredits');
  const residencies: Residency[] = ofKind('residency');
  const gpaReqs: MinGpa[] = ofKind('minGpa');
  const minGrades: MinGradeRequirement[] = ofKind('minGrade');
  const timeLimits: Array<Pick<TimeLimit, 'years'> & { id?: string }> = [...ofKind('timeLimit')];
  if (programme.timeLimitYears !== undefined) timeLimits.push({ years: programme.timeLimitYears });
  const caps: CapReq[] = [...ofKind('maxPerInstitution'), ...ofKind('maxPerPeriod')];
  const capKey = (cap: CapReq, item: CreditItem): string =>
    cap.kind === 'maxPerInstitution'
      ? item.institutionId
      : cap.period === 'calendarYear'
        ? String(yearOf(item.earnedAt))
        : semesterOf(item.earnedAt);
  const residentAt = new Set([programme.institutionId, ...programme.partnerInstitutionIds]);

  const eqTo = new Map<string, ResolvedEquivalence[]>();
  for (const e of input.equivalences ?? []) eqTo.set(e.from, [...(eqTo.get(e.from) ?? []), e]);

  for (const i of input.items) {
    if (!Number.isSafeInteger(i.credits) || i.credits < 0) {
      throw new InputValidationError(
        `item ${i.entryId}: credits must be a non-negative integer number of hundredths, got ${i.credits}`,
        { field: 'credits', entryId: i.entryId },
      );
    }
  }
  const items = [...input.items].sort(byEarned);
  const excluded: Exclusion[] = [];
  let excludedCredits = 0;
  const exclude = (
    item: CreditItem,
    credits: number | undefined,
    e: Omit<Exclusion, 'entryId'>,
  ) => {
    excluded.push({ entryId: item.entryId, ...e });
    excludedCredits += credits ?? 0;
  };
  const present = new Set(items.map((i) => i.entryId));
  const recognisedAs = new Map<string, string>();
  for (const i of items) {
    for (const s of i.recognition?.sourceEntryIds ?? [])
      if (s !== i.entryId && present.has(s)) recognisedAs.set(s, i.entryId);
  }

  // Filters, in a fixed order so that each item gets one, stable reason.
  const survivors: Array<{ item: CreditItem; credits: number }> = [];
  for (const item of items) {
    const conv = convertCredits(
      item.credits,
      item.creditSystem,
      sys,
      input.conversions ?? [],
      item.hours,
    );
    const day = dateOnly(item.earnedAt);
    const by = recognisedAs.get(item.entryId);
    if (by) {
      exclude(item, conv?.credits, {
        reason: 'USED_ELSEWHERE',
        countedEntryId: by,
        text: text(
          `Recognised as entry ${by}, which counts instead.`,
          `已认定为记录 ${by}，以该记录计入。`,
        ),
      });
      continue;
    }
    const expired = (input.validity ?? [])
      .filter((v) => !v.appliesToKinds || v.appliesToKinds.includes(item.kind))
      .sort((a, b) => a.years - b.years)
      .find((v) => !withinYears(day, v.years, asOf));
    if (expired) {
      exclude(item, conv?.credits, {
        reason: 'EXPIRED',
        ruleId: expired.id,
        text: text(
          `Earned ${day}: past its ${expired.years}-year validity on ${asOf}.`,
          `取得于 ${day}，截至 ${asOf} 已超过 ${expired.years} 年有效期。`,
        ),
      });
      continue;
    }
    if (day > asOf) {
      exclude(item, conv?.credits, {
        reason: 'OUTSIDE_TIME_LIMIT',
        text: text(
          `Earned ${day}, after the audit date ${asOf}.`,
          `取得于 ${day}，晚于审核日期 ${asOf}。`,
        ),
      });
      continue;
    }
    const late = timeLimits.find((t) => !withinYears(day, t.years, asOf));
    if (late) {
      exclude(item, conv?.credits, {
        reason: 'OUTSIDE_TIME_LIMIT',
        ...(late.id ? { requirementId: late.id } : {}),
        text: text(
          `Earned ${day}: more than ${late.years} years before ${asOf}, outside the programme's time limit.`,
          `取得于 ${day}，超出本项目 ${late.years} 年的修业年限。`,
        ),
      });
      continue;
    }
    if (item.grade && !item.grade.passed) {
      exclude(item, conv?.credits, {
        reason: 'BELOW_MIN_GRADE',
        text: text('Not passed.', '未通过。'),
      });
      continue;
    }
    const low = minGrades.find(
      (g) => gradeMeets(item.grade, { score: g.score, points: g.points }) === false,
    );
    if (low) {
      const got =
        item.grade?.score !== undefined && low.score !== undefined
          ? `score ${item.grade.score}`
          : `${item.grade?.points} points`;
      const min = low.score !== undefined ? `score ${low.score}` : `${low.points} points`;
      exclude(item, conv?.credits, {
        reason: 'BELOW_MIN_GRADE',
        requirementId: low.id,
        text: text(
          `Grade (${got}) below the programme's minimum ${min}.`,
          `成绩（${got}）低于本项目最低要求 ${min}。`,
        ),
      });
      continue;
    }
    if (!conv) {
      exclude(item, undefined, {
        reason: 'NOT_CONVERTIBLE',
        text: text(
          `No conversion from ${item.creditSystem} to ${sys} credits was provided.`,
          `缺少从 ${item.creditSystem} 到 ${sys} 的学分转换规则。`,
        ),
      });
      continue;
    }
    survivors.push({ item, credits: conv.credits });
  }

  // A course taken twice counts once: the better grade, then the earlier attempt.
  const gradeRank = (i: CreditItem): number =>
    i.grade?.score ?? (i.grade?.points !== undefined ? i.grade.points * 1000 : -1);
  const bestOfRef = new Map<string, { item: CreditItem; credits: number }>();
  for (const s of survivors) {
    const ref = courseRefOf(s.item);
    if (!ref) continue;
    const cur = bestOfRef.get(ref);
    if (!cur || gradeRank(s.item) > gradeRank(cur.item)) bestOfRef.set(ref, s);
  }
  const cands: Candidate[] = [];
  const refsOf: string[][] = [];
  for (const s of survivors) {
    const ref = courseRefOf(s.item);
    const best = ref ? bestOfRef.get(ref) : undefined;
    if (best && best !== s) {
      exclude(s.item, s.credits, {
        reason: 'USED_ELSEWHERE',
        countedEntryId: best.item.entryId,
        text: text(
          `The same course as entry ${best.item.entryId}, which counts instead (a course counts once).`,
          `与记录 ${best.item.entryId} 为同一课程，只计一次。`,
        ),
      });
      continue;
    }
    const item = s.item;
    const cats = [item.category, ...(item.altCategories ?? [])];
    const fitsCat = (r: CategoryCredits) =>
      cats.some((c) => r.categories.includes(c)) &&
      (r.minLevel === undefined || (item.level ?? 0) >= r.minLevel);
    let mask = 0;
    buckets.forEach((b, k) => {
      if (fitsCat(b)) mask |= 1 << k;
    });
    const refs = ref ? [ref, ...(eqTo.get(ref) ?? []).map((e) => e.to)] : [];
    const hits = courseReqs.flatMap((r, k) =>
      r.courses.filter((c) => refs.includes(c)).map((c) => `${k}:${c}`),
    );
    const ov = overlays.flatMap((r, k) => (fitsCat(r) ? [k] : []));
    const pts = gpaReqs.length > 0 ? (item.grade?.points ?? '') : '';
    refsOf.push(refs);
    cands.push({
      order: cands.length,
      item,
      credits: s.credits,
      mask,
      resident: residentAt.has(item.institutionId),
      capKeys: caps.map((c) => capKey(c, item)),
      extra: `${hits.join(',')}|${ov.join(',')}|${pts}`,
    });
  }
  const overlayFits = overlays.map((r) =>
    cands.map((c) => {
      const cats = [c.item.category, ...(c.item.altCategories ?? [])];
      return (
        cats.some((x) => r.categories.includes(x)) &&
        (r.minLevel === undefined || (c.item.level ?? 0) >= r.minLevel)
      );
    }),
  );

  const bucketMins = buckets.map((b) => b.min);
  const doubleCounting = programme.allowDoubleCounting === true;

  const detail = (keptFlags: boolean[]): Detail => {
    const kept = cands.filter((_, i) => keptFlags[i]);
    let total = 0;
    let residency = 0;
    const gpa = { points: 0, credits: 0 };
    for (const c of kept) {
      total += c.credits;
      if (c.resident) residency += c.credits;
      if (c.item.grade?.points !== undefined) {
        gpa.points += c.item.grade.points * c.credits;
        gpa.credits += c.credits;
      }
    }
    const overlay = overlays.map((_, k) =>
      kept.reduce((s, c) => s + (overlayFits[k]![c.order] ? c.credits : 0), 0),
    );
    const courseHits = courseReqs.map((r) => {
      const m = new Map<string, number>();
      for (const c of kept) {
        for (const ref of refsOf[c.order]!)
          if (r.courses.includes(ref) && !m.has(ref)) m.set(ref, c.order);
      }
      return m;
    });
    const fixed = new Map<string, boolean>();
    let progress = 0;
    for (const t of totals) {
      fixed.set(t.id, total >= t.min);
      progress += Math.min(total, t.min);
    }
    for (const r of residencies) {
      fixed.set(r.id, residency >= r.min);
      progress += Math.min(residency, r.min);
    }
    overlays.forEach((r, k) => {
      fixed.set(r.id, overlay[k]! >= r.min);
      progress += Math.min(overlay[k]!, r.min);
    });
    courseReqs.forEach((r, k) => {
      const n = courseHits[k]!.size;
      fixed.set(r.id, r.mode === 'allOf' ? n === r.courses.length : n > 0);
    });
    for (const g of gpaReqs)
      fixed.set(g.id, gpa.credits > 0 && gpa.points >= g.min * gpa.credits - 1e-9);
    const terminalTree = (deficits: readonly number[]) => {
      const out = new Map<string, boolean>();
      const metB = new Map(buckets.map((b, k) => [b.id, deficits[k] === 0]));
      const passed = evalTree(
        programme.requirements,
        (id) => metB.get(id) ?? fixed.get(id) ?? true,
        out,
      );
      let leavesMet = 0;
      for (const l of leaves) if (out.get(l.id)) leavesMet++;
      return { passed, leavesMet, out };
    };
    const terminal = (deficits: readonly number[]): Score => {
      const t = terminalTree(deficits);
      let p = 0;
      buckets.forEach((b, k) => (p += b.min - deficits[k]!));
      return [t.passed ? 1 : 0, t.leavesMet, p];
    };
    const a = assignBuckets(kept, bucketMins, terminal, doubleCounting);
    const deficits = bucketMins.map((m, k) => Math.max(0, m - a.filled[k]!));
    const t = terminalTree(deficits);
    let bucketProgress = 0;
    buckets.forEach((b, k) => (bucketProgress += Math.min(a.filled[k]!, b.min)));
    const coursesProgress = courseHits.reduce((s, m) => s + m.size, 0);
    return {
      score: [t.passed ? 1 : 0, t.leavesMet, progress + bucketProgress, coursesProgress, total],
      kept,
      bucketOf: a.bucketOf,
      filled: a.filled,
      exact: a.exact,
      total,
      residency,
      overlay,
      courseHits,
      gpa,
      met: t.out,
    };
  };

  // Greedy plans for large over-full cap sets: first what requirements need (required courses, the
  // scarcest bucket first, residency), then everything else chronologically; and plain chronological.
  const greedyPlans = (): FillPhase[][] => {
    const all = cands.map((c) => c.order);
    const phases: FillPhase[] = [];
    courseReqs.forEach((r) => {
      for (const ref of r.courses) {
        phases.push({
          order: all.filter((i) => refsOf[i]!.includes(ref)),
          need: 1,
          exclusive: false,
        });
      }
    });
    const supply = buckets.map((_, k) =>
      cands.reduce((s, c) => s + ((c.mask >> k) & 1 ? c.credits : 0), 0),
    );
    const byScarcity = buckets
      .map((_, k) => k)
      .sort((a, b) => supply[a]! - bucketMins[a]! - (supply[b]! - bucketMins[b]!) || a - b);
    const needsResidency = residencies.length > 0;
    const bits = (m: number) => m.toString(2).replace(/0/g, '').length;
    for (const k of byScarcity) {
      const order = all
        .filter((i) => (cands[i]!.mask >> k) & 1)
        .sort(
          (a, b) =>
            bits(cands[a]!.mask) - bits(cands[b]!.mask) ||
            (needsResidency ? Number(cands[b]!.resident) - Number(cands[a]!.resident) : 0) ||
            a - b,
        );
      phases.push({ order, need: bucketMins[k]!, exclusive: !doubleCounting });
    }
    overlays.forEach((r, k) =>
      phases.push({ order: all.filter((i) => overlayFits[k]![i]), need: r.min, exclusive: false }),
    );
    for (const r of residencies)
      phases.push({ order: all.filter((i) => cands[i]!.resident), need: r.min, exclusive: false });
    phases.push({ order: all, need: Infinity, exclusive: false });
    return [phases, [{ order: all, need: Infinity, exclusive: false }]];
  };

  const capLimits = caps.map((c) => ({ max: c.max }));
  const choice = chooseKept(cands, capLimits, (k) => detail(k).score, greedyPlans);
  // Top up: anything that still fits under every cap is kept (more credits never unmeet a requirement).
  const keptFlags = choice.kept;
  const used = capUsage(
    cands.filter((_, i) => keptFlags[i]),
    capLimits,
  );
  for (const c of cands) {
    if (keptFlags[c.order]) continue;
    if (caps.every((cap, k) => (used[k]!.get(c.capKeys[k]!) ?? 0) + c.credits <= cap.max)) {
      keptFlags[c.order] = true;
      caps.forEach((_, k) =>
        used[k]!.set(c.capKeys[k]!, (used[k]!.get(c.capKeys[k]!) ?? 0) + c.credits),
      );
    }
  }
  const d = detail(keptFlags);

  for (const c of cands) {
    if (keptFlags[c.order]) continue;
    const k = caps.findIndex((cap, j) => (used[j]!.get(c.capKeys[j]!) ?? 0) + c.credits > cap.max);
    const cap = caps[k]!;
    const key = c.capKeys[k]!;
    const u = formatCredits(used[k]!.get(key) ?? 0);
    const max = formatCredits(cap.max);
    const t =
      cap.kind === 'maxPerInstitution'
        ? text(
            `${u} credits from ${key} already count; at most ${max} may come from one institution.`,
            `来自 ${key} 的学分已计入 ${u}，同一机构最多 ${max} 学分。`,
          )
        : cap.period === 'calendarYear'
          ? text(
              `${u} credits of ${key} already count; at most ${max} a calendar year.`,
              `${key} 年已计入 ${u} 学分，每年最多 ${max} 学分。`,
            )
          : text(
              `${u} credits of the ${key.replace('-', ' ')} semester already count; at most ${max} a semester.`,
              `${key.replace('-spring', ' 年春季').replace('-autumn', ' 年秋季')}学期已计入 ${u} 学分，每学期最多 ${max} 学分。`,
            );
    exclude(c.item, c.credits, { reason: 'OVER_CAP', requirementId: cap.id, text: t });
  }

  // Explanations per requirement.
  const usedFinal = capUsage(d.kept, capLimits);
  const gpaValue =
    d.gpa.credits > 0 ? Math.round((d.gpa.points / d.gpa.credits) * 100) / 100 : null;
  const entryOf = (order: number) => cands[order]!.item.entryId;
  const requirements: RequirementResult[] = nodes.map(({ node, parentId }) => {
    const label = defaultLabel(node, programme);
    const met = d.met.get(node.id) ?? false;
    const base = { id: node.id, kind: node.kind, ...(parentId ? { parentId } : {}), label, met };
    const credits = (
      required: number,
      counted: number,
      entries: string[],
      missing: (m: string) => LocalizedText,
    ) => ({
      ...base,
      unit: 'credits' as const,
      required,
      counted,
      missing:
        counted >= required
          ? { text: NONE }
          : { amount: required - counted, text: missing(formatCredits(required - counted)) },
      entries,
    });
    if (isGroup(node)) {
      const need =
        node.kind === 'allOf' ? node.children.length : node.kind === 'anyOf' ? 1 : node.n!;
      const unmet = node.children.filter((c) => !d.met.get(c.id));
      const count = node.children.length - unmet.length;
      const labels = unmet.map((c) => defaultLabel(c, programme));
      return {
        ...base,
        unit: 'requirements',
        required: need,
        counted: count,
        missing: met
          ? { text: NONE }
          : {
              amount: need - count,
              text: text(
                `${need - count} more of: ${labels.map((l) => l.en).join('; ')}`,
                `还需满足 ${need - count} 项：${labels.map((l) => l.zh).join('；')}`,
              ),
            },
        entries: [],
      };
    }
    switch (node.kind) {
      case 'totalCredits':
        return credits(
          node.min,
          d.total,
          d.kept.map((c) => c.item.entryId),
          (m) => text(`${m} more credits`, `还差 ${m} 学分`),
        );
      case 'categoryCredits': {
        const c = catsText(node.categories);
        const lvl = node.minLevel
          ? text(` at level ${node.minLevel} or above`, `（${node.minLevel} 级及以上）`)
          : NONE;
        const missing = (m: string) =>
          text(`${m} more ${c.en} credits${lvl.en}`, `还差 ${m} ${c.zh}学分${lvl.zh}`);
        if (node.overlay) {
          const k = overlays.indexOf(node);
          return credits(
            node.min,
            d.overlay[k]!,
            d.kept.filter((x) => overlayFits[k]![x.order]).map((x) => x.item.entryId),
            missing,
          );
        }
        const k = buckets.indexOf(node);
        const entries = doubleCounting
          ? d.kept.filter((x) => (x.mask >> k) & 1).map((x) => x.item.entryId)
          : d.kept.filter((x) => d.bucketOf.get(x.order) === k).map((x) => x.item.entryId);
        return credits(node.min, d.filled[k]!, entries, missing);
      }
      case 'courses': {
        const hits = d.courseHits[courseReqs.indexOf(node)]!;
        const lacking = node.courses.filter((r) => !hits.has(r)).map(courseLabel);
        const required = node.mode === 'allOf' ? node.courses.length : 1;
        const missing =
          met || lacking.length === 0
            ? { text: NONE }
            : node.mode === 'allOf'
              ? {
                  amount: lacking.length,
                  text: text(
                    `${lacking.join(' and ')} ${lacking.length > 1 ? '(or equivalents)' : 'or an equivalent'}`,
                    `${lacking.join('、')}（或同等课程）`,
                  ),
                }
              : {
                  amount: 1,
                  text: text(
                    `${lacking.join(' or ')} or an equivalent`,
                    `${lacking.join('或')}（或同等课程）`,
                  ),
                };
        return {
          ...base,
          unit: 'courses',
          required,
          counted: Math.min(hits.size, node.mode === 'allOf' ? hits.size : 1),
          missing,
          entries: [...new Set([...hits.values()].map(entryOf))],
        };
      }
      case 'maxPerInstitution':
      case 'maxPerPeriod': {
        const k = caps.indexOf(node);
        return {
          ...base,
          unit: 'credits',
          required: node.max,
          counted: Math.max(0, ...usedFinal[k]!.values()),
          missing: { text: NONE },
          entries: [],
        };
      }
      case 'residency':
        return credits(
          node.min,
          d.residency,
          d.kept.filter((c) => c.resident).map((c) => c.item.entryId),
          (m) =>
            text(
              `${m} more credits at ${programme.institutionId} or its partners`,
              `还需在 ${programme.institutionId} 或其合作机构取得 ${m} 学分`,
            ),
        );
      case 'minGpa':
        return {
          ...base,
          unit: 'gpa',
          required: node.min,
          counted: gpaValue ?? 0,
          missing: met
            ? { text: NONE }
            : gpaValue === null
              ? {
                  amount: node.min,
                  text: text('No graded credits count yet.', '尚无计入的有成绩学分。'),
                }
              : {
                  amount: Math.round((node.min - gpaValue) * 100) / 100,
                  text: text(
                    `GPA ${gpaValue.toFixed(2)} is below ${node.min.toFixed(2)}`,
                    `平均学分绩点 ${gpaValue.toFixed(2)} 低于 ${node.min.toFixed(2)}`,
                  ),
                },
          entries: d.kept
            .filter((c) => c.item.grade?.points !== undefined)
            .map((c) => c.item.entryId),
        };
      case 'minGrade': {
        const grades = d.kept
          .map((c) => (node.score !== undefined ? c.item.grade?.score : c.item.grade?.points))
          .filter((g): g is number => g !== undefined);
        const req = node.score ?? node.points ?? 0;
        return {
          ...base,
          unit: 'grade',
          required: req,
          counted: grades.length ? Math.min(...grades) : req,
          missing: { text: NONE },
          entries: [],
        };
      }
      case 'timeLimit': {
        const oldest = d.kept.reduce((m, c) => (c.item.earnedAt < m ? c.item.earnedAt : m), asOf);
        const span =
          yearOf(asOf) - yearOf(oldest) - (asOf.slice(5) < dateOnly(oldest).slice(5) ? 1 : 0);
        return {
          ...base,
          unit: 'years',
          required: node.years,
          counted: span,
          missing: { text: NONE },
          entries: [],
        };
      }
    }
  });

  const allocations: Allocation[] = d.kept.map((c) => {
    const b = d.bucketOf.get(c.order) ?? -1;
    const eq = (eqTo.get(courseRefOf(c.item) ?? '') ?? []).filter((e) =>
      courseReqs.some((r) => r.courses.includes(e.to)),
    );
    return {
      entryId: c.item.entryId,
      credits: c.credits,
      ...(b >= 0 ? { requirementId: buckets[b]!.id } : {}),
      ...(eq.length
        ? { viaEquivalences: eq.map((e) => ({ ruleId: e.ruleId, ruleVersion: e.ruleVersion })) }
        : {}),
    };
  });
  const sum = (key: (c: Candidate) => string) => {
    const out: Record<string, number> = {};
    for (const c of d.kept) out[key(c)] = (out[key(c)] ?? 0) + c.credits;
    return out;
  };
  const order = new Map(items.map((it, i) => [it.entryId, i]));
  excluded.sort((a, b) => order.get(a.entryId)! - order.get(b.entryId)!);

  return {
    programme: { id: programme.id, version: programme.version },
    asOf,
    passed: d.met.get(programme.requirements.id) ?? false,
    requirements,
    allocations,
    excluded,
    totals: {
      creditSystem: sys,
      counted: d.total,
      excluded: excludedCredits,
      residency: d.residency,
      byCategory: sum((c) => c.item.category),
      byInstitution: sum((c) => c.item.institutionId),
      byYear: sum((c) => String(yearOf(c.item.earnedAt))),
      gpa: gpaValue,
    },
    solver: { exact: choice.exact && d.exact, candidates: cands.length },
  };
}
