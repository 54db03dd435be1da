// auditProgramme: checks a learner's credit items against one programme version and explains every credit.
import { InputValidationError } from '../shared/index.ts';
import type { ConversionRule, ValidityRule } from '../recognition/index.ts';
import { convertCredits } from '../recognition/index.ts';
import { gradeMeets } from '../recognition/index.ts';
import { ProgrammeInvalid, validateProgramme, walkRequirements } from '../programmes/index.ts';
import { isGroup } from '../programmes/index.ts';
import type {
  CategoryCredits,
  Courses,
  MaxPerInstitution,
  MaxPerPeriod,
  Programme,
  Requirement,
  RequirementKind,
  RequirementNode,
} from '../programmes/index.ts';
import { dateOnly, semesterOf, yearOf } from '../shared/index.ts';
import { creditExpiry, isExpired } from '../accounts/index.ts';
import { requirementResults } from './explain.ts';
import { capUsage, evaluate, type AllocationProblem, type Leaf, type Unit } from './problem.ts';
import { solveAllocation } from './solver.ts';
import {
  creditSystemText,
  creditsEn,
  formatCredits,
  institutionText,
  itemText,
  text,
  type AuditNames,
} from '../shared/index.ts';
import type { Allocation, AuditResult, CreditItem, Exclusion } from '../recognition/index.ts';
import { courseRefOf } from '../recognition/index.ts';

export type {
  Allocation,
  AuditResult,
  AuditTotals,
  AuditVerdict,
  Exclusion,
  ExclusionReason,
  RequirementResult,
  RequirementUnit,
} from '../recognition/index.ts';

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
  /**
   * Classes of course refs that are one learning (a course and its equivalents, transitively, under
   * any version of any rule): of a learner's credits in one class, at most one counts.
   */
  equivalentCourses?: readonly (readonly string[])[];
  /** Conversion rules bringing items of other credit systems into the programme's system. */
  conversions?: readonly ConversionRule[];
  /** Validity rules: credits older than their period at `asOf` are EXPIRED. */
  validity?: readonly ValidityRule[];
  /** Names for institutions, so that explanations name them. */
  names?: AuditNames;
  /** Seconds the solver may spend before the verdict is NOT_PROVEN. */
  solverTimeLimitSeconds?: number;
}

type CapReq = MaxPerInstitution | MaxPerPeriod;

const byEarned = (a: CreditItem, b: CreditItem): number =>
  a.earnedAt < b.earnedAt
    ? -1
    : a.earnedAt > b.earnedAt
      ? 1
      : a.seq - b.seq || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);

/** Union-find over indices, for "one learning" groups. */
class Groups {
  readonly #parent: number[];
  constructor(n: number) {
    this.#parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.#parent[r] !== r) r = this.#parent[r]!;
    while (this.#parent[i] !== r) [this.#parent[i], i] = [r, this.#parent[i]!];
    return r;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.#parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Audits `items` against one programme version at `asOf`.
 *
 * Filters run first, each item getting one stable reason: a source that a recognition present in
 * the record stands for, expiry (the entry's own date, validity rules, the programme's time limit:
 * `creditExpiry`), a failed or too-low grade, no conversion, a retake of the same course. The
 * remaining credits are allocated exactly (`solveAllocation`): caps hold, each credit fills at most
 * one category bucket (unless the programme allows double counting), and of the credits that are one
 * learning (equivalent courses; recognitions of the same source) at most one counts.
 * @throws ProgrammeInvalid when the programme does not validate.
 */
export function auditProgramme(input: AuditInput): AuditResult {
  const programme = validateProgramme(input.programme);
  const sys = programme.creditSystem;
  const asOf = dateOnly(input.asOf);
  const names = input.names;

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
  const gpaReqs = ofKind('minGpa');
  const minGrades = ofKind('minGrade');
  const timeLimits: Array<{ years: number; id?: string }> = ofKind('timeLimit').map((t) => ({
    years: t.years,
    id: t.id,
  }));
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
  const eqClassOf = new Map<string, number>();
  (input.equivalentCourses ?? []).forEach((cls, k) => cls.forEach((ref) => eqClassOf.set(ref, k)));

  for (const i of input.items) {
    if (!Number.isSafeInteger(i.credits) || i.credits < 0) {
      throw new InputValidationError(
        `item ${i.entryId}: credits must be a non-negative integer number of hundredths, got ${i.credits}`,
        { field: 'credits', entryId: i.entryId },
      );
    }
  }
  const items = [...input.items].sort(byEarned);
  const byId = new Map(items.map((i) => [i.entryId, i]));
  const describe = (i: CreditItem) => itemText(i, names);
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
  const recognisedAs = new Map<string, string>();
  for (const i of items) {
    for (const s of i.recognition?.sourceEntryIds ?? [])
      if (s !== i.entryId && byId.has(s)) recognisedAs.set(s, i.entryId);
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
      const rec = byId.get(by)!;
      const what = describe(rec);
      exclude(item, conv?.credits, {
        reason: 'USED_ELSEWHERE',
        countedEntryId: by,
        text: text(
          `Recognised as ${what.en}, which counts instead.`,
          `已认定为${what.zh}，以认定后的学分计入。`,
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
    const expiry = creditExpiry(item, { validity: input.validity ?? [], timeLimits });
    if (expiry && isExpired(expiry, asOf)) {
      const last = expiry.lastDay;
      const s = expiry.source;
      if (s.kind === 'timeLimit') {
        exclude(item, conv?.credits, {
          reason: 'OUTSIDE_TIME_LIMIT',
          lastValidDay: last,
          ...(s.requirementId ? { requirementId: s.requirementId } : {}),
          text: text(
            `Earned ${day}: the programme's ${s.years}-year time limit for it ended on ${last}.`,
            `取得于 ${day}，本项目 ${s.years} 年的修业年限已于 ${last} 届满。`,
          ),
        });
      } else {
        exclude(item, conv?.credits, {
          reason: 'EXPIRED',
          lastValidDay: last,
          ...(s.kind === 'rule' ? { ruleId: s.ruleId } : {}),
          text:
            s.kind === 'rule'
              ? text(
                  `Earned ${day}: its ${s.years}-year validity ended on ${last}.`,
                  `取得于 ${day}，${s.years} 年有效期已于 ${last} 届满。`,
                )
              : text(`Valid until ${last}: it has expired.`, `有效期至 ${last}，已过期。`),
        });
      }
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
      const byScore = item.grade?.score !== undefined && low.score !== undefined;
      const got = byScore ? `${item.grade!.score}` : `${item.grade?.points}`;
      const min = low.score !== undefined ? `${low.score}` : `${low.points}`;
      exclude(item, conv?.credits, {
        reason: 'BELOW_MIN_GRADE',
        requirementId: low.id,
        text: byScore
          ? text(
              `A score of ${got} is below the programme's minimum of ${min}.`,
              `成绩 ${got} 分，低于本项目最低要求 ${min} 分。`,
            )
          : text(
              `${got} grade points are below the programme's minimum of ${min}.`,
              `绩点 ${got}，低于本项目最低要求 ${min}。`,
            ),
      });
      continue;
    }
    if (!conv) {
      exclude(item, undefined, {
        reason: 'NOT_CONVERTIBLE',
        text: text(
          `No conversion from ${creditSystemText(item.creditSystem).en} to ${creditSystemText(sys).en} was provided.`,
          `缺少从${creditSystemText(item.creditSystem).zh}到${creditSystemText(sys).zh}的转换规则。`,
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
  const kept: Array<{ item: CreditItem; credits: number }> = [];
  for (const s of survivors) {
    const ref = courseRefOf(s.item);
    const best = ref ? bestOfRef.get(ref) : undefined;
    if (best && best !== s) {
      const what = describe(best.item);
      exclude(s.item, s.credits, {
        reason: 'USED_ELSEWHERE',
        countedEntryId: best.item.entryId,
        text: text(
          `A retake of the same course; ${what.en} counts instead (a course counts once).`,
          `同一课程重修，以${what.zh}计入（一门课程只计一次）。`,
        ),
      });
      continue;
    }
    kept.push(s);
  }

  // One learning, counted once: equivalent courses, and recognitions of the same source.
  const groups = new Groups(kept.length);
  const firstOfClass = new Map<number, number>();
  const firstOfSource = new Map<string, number>();
  kept.forEach(({ item }, i) => {
    const ref = courseRefOf(item);
    const cls = ref !== undefined ? eqClassOf.get(ref) : undefined;
    if (cls !== undefined) {
      const f = firstOfClass.get(cls);
      if (f === undefined) firstOfClass.set(cls, i);
      else groups.union(f, i);
    }
    for (const src of item.recognition?.sourceEntryIds ?? []) {
      const f = firstOfSource.get(src);
      if (f === undefined) firstOfSource.set(src, i);
      else groups.union(f, i);
    }
  });
  const groupSize = new Map<number, number>();
  kept.forEach((_, i) => groupSize.set(groups.find(i), (groupSize.get(groups.find(i)) ?? 0) + 1));

  const refsOf: string[][] = [];
  const units: Unit[] = kept.map(({ item, credits }, i) => {
    const cats = [item.category, ...(item.altCategories ?? [])];
    const fitsCat = (r: CategoryCredits) =>
      cats.some((c) => r.categories.includes(c)) &&
      (r.minLevel === undefined || (item.level ?? 0) >= r.minLevel);
    let mask = 0;
    buckets.forEach((b, k) => {
      if (fitsCat(b)) mask |= 1 << k;
    });
    const ref = courseRefOf(item);
    const refs = ref ? [ref, ...(eqTo.get(ref) ?? []).map((e) => e.to)] : [];
    refsOf.push(refs);
    const required = new Set(courseReqs.flatMap((r) => r.courses));
    const g = groups.find(i);
    return {
      credits,
      mask,
      resident: residentAt.has(item.institutionId),
      capKeys: caps.map((c) => capKey(c, item)),
      overlays: overlays.flatMap((r, k) => (fitsCat(r) ? [k] : [])),
      courseRefs: refs.filter((r) => required.has(r)),
      milliPoints:
        gpaReqs.length > 0 && item.grade?.points !== undefined
          ? Math.round(item.grade.points * 1000)
          : undefined,
      group: (groupSize.get(g) ?? 1) > 1 ? g : undefined,
    };
  });

  const leafSpecs = new Map<string, Leaf>();
  for (const l of leaves) {
    switch (l.kind) {
      case 'totalCredits':
        leafSpecs.set(l.id, { kind: 'total', min: l.min });
        break;
      case 'categoryCredits':
        leafSpecs.set(
          l.id,
          l.overlay
            ? { kind: 'overlay', index: overlays.indexOf(l), min: l.min }
            : { kind: 'bucket', index: buckets.indexOf(l), min: l.min },
        );
        break;
      case 'courses':
        leafSpecs.set(l.id, { kind: 'courses', mode: l.mode, refs: l.courses });
        break;
      case 'residency':
        leafSpecs.set(l.id, { kind: 'residency', min: l.min });
        break;
      case 'minGpa':
        leafSpecs.set(l.id, { kind: 'gpa', milliMin: Math.round(l.min * 1000) });
        break;
      default:
        leafSpecs.set(l.id, { kind: 'always' });
    }
  }
  const problem: AllocationProblem = {
    units,
    bucketCount: buckets.length,
    overlayCount: overlays.length,
    caps: caps.map((c) => c.max),
    doubleCounting: programme.allowDoubleCounting === true,
    leaves: leafSpecs,
    tree: programme.requirements,
  };
  const solved = solveAllocation(problem, {
    ...(input.solverTimeLimitSeconds !== undefined
      ? { timeLimitSeconds: input.solverTimeLimitSeconds }
      : {}),
  });
  const { kept: keptFlags, bucketOf } = solved.allocation;
  const d = evaluate(problem, solved.allocation);

  // Why each credit left out is left out.
  const used = capUsage(problem, keptFlags);
  const keptOfGroup = new Map<number, number>();
  units.forEach((u, i) => {
    if (keptFlags[i] && u.group !== undefined) keptOfGroup.set(u.group, i);
  });
  units.forEach((u, i) => {
    if (keptFlags[i]) return;
    const { item, credits } = kept[i]!;
    const other = u.group !== undefined ? keptOfGroup.get(u.group) : undefined;
    if (other !== undefined) {
      const o = kept[other]!.item;
      const what = describe(o);
      const sameSource = (item.recognition?.sourceEntryIds ?? []).some((s) =>
        o.recognition?.sourceEntryIds.includes(s),
      );
      exclude(item, credits, {
        reason: 'USED_ELSEWHERE',
        countedEntryId: o.entryId,
        text: sameSource
          ? text(
              `Recognised from the same learning as ${what.en}, which counts instead (one learning counts once).`,
              `与${what.zh}认定自同一学习成果，只计一次，以后者计入。`,
            )
          : text(
              `Equivalent to ${what.en}, which counts instead (equivalent courses count once).`,
              `与${what.zh}为同等课程，只计一次，以后者计入。`,
            ),
      });
      return;
    }
    const k = u.capKeys.findIndex((key, j) => (used[j]!.get(key) ?? 0) + u.credits > caps[j]!.max);
    if (k < 0) {
      exclude(item, credits, {
        reason: 'UNDECIDED',
        text: text(
          'The allocation search reached its time limit before deciding whether this credit counts.',
          '学分分配求解在时限内未能确定此学分是否计入。',
        ),
      });
      return;
    }
    const cap = caps[k]!;
    const key = u.capKeys[k]!;
    const now = used[k]!.get(key) ?? 0;
    const u1 = formatCredits(now);
    const max = formatCredits(cap.max);
    const inst = institutionText(key, names);
    exclude(item, credits, {
      reason: 'OVER_CAP',
      requirementId: cap.id,
      text:
        cap.kind === 'maxPerInstitution'
          ? text(
              `${creditsEn(now)} from ${inst.en} already count; at most ${creditsEn(cap.max)} may come from one institution.`,
              `来自${inst.zh}的学分已计入 ${u1}，同一机构最多 ${max} 学分。`,
            )
          : cap.period === 'calendarYear'
            ? text(
                `${creditsEn(now)} of ${key} already count; at most ${creditsEn(cap.max)} a calendar year.`,
                `${key} 年已计入 ${u1} 学分，每年最多 ${max} 学分。`,
              )
            : text(
                `${creditsEn(now)} of the ${key.replace('-', ' ')} semester already count; at most ${creditsEn(cap.max)} a semester.`,
                `${key.replace('-spring', ' 年春季').replace('-autumn', ' 年秋季')}学期已计入 ${u1} 学分，每学期最多 ${max} 学分。`,
              ),
    });
  });

  const keptList = kept.flatMap(({ item }, i) =>
    keptFlags[i]
      ? [
          {
            index: i,
            entryId: item.entryId,
            earnedAt: item.earnedAt,
            resident: units[i]!.resident,
            graded: item.grade !== undefined,
            score: item.grade?.score,
            points: item.grade?.points,
            overlays: units[i]!.overlays,
            mask: units[i]!.mask,
          },
        ]
      : [],
  );
  const requirements = requirementResults({
    programme,
    names,
    asOf,
    nodes,
    evaluation: d,
    kept: keptList,
    entryOfUnit: (i) => kept[i]!.item.entryId,
    bucketIndex: (id) => buckets.findIndex((b) => b.id === id),
    overlayIndex: (id) => overlays.findIndex((b) => b.id === id),
    capIndex: (id) => caps.findIndex((c) => c.id === id),
    capPeak: used.map((m) => Math.max(0, ...m.values())),
    doubleCounting: problem.doubleCounting,
    bucketOf,
  });

  const allocations: Allocation[] = keptList.map(({ index }) => {
    const { item, credits } = kept[index]!;
    const b = bucketOf[index] ?? -1;
    const eq = (eqTo.get(courseRefOf(item) ?? '') ?? []).filter((e) =>
      courseReqs.some((r) => r.courses.includes(e.to)),
    );
    return {
      entryId: item.entryId,
      credits,
      ...(b >= 0 ? { requirementId: buckets[b]!.id } : {}),
      ...(eq.length
        ? { viaEquivalences: eq.map((e) => ({ ruleId: e.ruleId, ruleVersion: e.ruleVersion })) }
        : {}),
    };
  });
  const sum = (key: (c: CreditItem) => string) => {
    const out: Record<string, number> = {};
    for (const { index } of keptList) {
      const { item, credits } = kept[index]!;
      out[key(item)] = (out[key(item)] ?? 0) + credits;
    }
    return out;
  };
  const order = new Map(items.map((it, i) => [it.entryId, i]));
  excluded.sort((a, b) => order.get(a.entryId)! - order.get(b.entryId)!);
  const gpa = d.gpa.credits > 0 ? Math.round(d.gpa.milliPoints / d.gpa.credits / 10) / 100 : null;
  // Without a GPA requirement the solver leaves points out of the problem; totals still show it.
  const gpaShown =
    gpaReqs.length > 0
      ? gpa
      : (() => {
          let pts = 0;
          let cr = 0;
          for (const { index } of keptList) {
            const { item, credits } = kept[index]!;
            if (item.grade?.points === undefined) continue;
            pts += Math.round(item.grade.points * 1000) * credits;
            cr += credits;
          }
          return cr > 0 ? Math.round(pts / cr / 10) / 100 : null;
        })();
  const passed = d.passed;

  return {
    programme: { id: programme.id, version: programme.version },
    asOf,
    passed,
    verdict: passed ? 'PASS' : solved.proven ? 'FAIL' : 'NOT_PROVEN',
    requirements,
    allocations,
    excluded,
    totals: {
      creditSystem: sys,
      counted: d.total,
      excluded: excludedCredits,
      residency: d.residency,
      byCategory: sum((c) => c.category),
      byInstitution: sum((c) => c.institutionId),
      byYear: sum((c) => String(yearOf(c.earnedAt))),
      gpa: gpaShown,
    },
    solver: {
      exact: solved.proven,
      candidates: units.length,
      ms: Math.round(solved.solverMs * 100) / 100,
      columns: solved.size.columns,
      rows: solved.size.rows,
    },
  };
}
