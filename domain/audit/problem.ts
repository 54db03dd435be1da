// The allocation problem in solver-neutral terms, and the one function that scores an allocation of it.
import { isGroup } from '../programmes/index.ts';
import type { RequirementNode } from '../programmes/index.ts';

/** One credit that survived the filters, as the allocation sees it. */
export interface Unit {
  /** Hundredths in the programme's credit system. */
  credits: number;
  /** Bit b set = may fill exclusive category bucket b. */
  mask: number;
  resident: boolean;
  /** One key per cap (the institution, year or semester it falls in). */
  capKeys: string[];
  /** Indices of the overlay requirements it counts toward. */
  overlays: number[];
  /** Course refs it answers to (its own, and those it is equivalent to). */
  courseRefs: string[];
  /** Grade points × 1000 (integer), when graded with points. */
  milliPoints?: number | undefined;
  /** One learning: of the units sharing a group, at most one counts. */
  group?: number | undefined;
}

/** A requirement that the allocation can meet or not; anything else (caps, filters) is always met. */
export type Leaf =
  | { kind: 'total'; min: number }
  | { kind: 'bucket'; index: number; min: number }
  | { kind: 'overlay'; index: number; min: number }
  | { kind: 'residency'; min: number }
  | { kind: 'courses'; mode: 'allOf' | 'anyOf'; refs: string[] }
  | { kind: 'gpa'; milliMin: number }
  | { kind: 'always' };

export interface AllocationProblem {
  /** In the deterministic order (earnedAt, seq, entryId): a lower index wins ties. */
  units: Unit[];
  bucketCount: number;
  overlayCount: number;
  /** The maximum of each cap, in `Unit.capKeys` order. */
  caps: number[];
  doubleCounting: boolean;
  /** Leaf requirement id → what it asks. */
  leaves: Map<string, Leaf>;
  tree: RequirementNode;
}

/** Which units count, and which exclusive bucket each fills (-1: none). */
export interface Allocation {
  kept: boolean[];
  bucketOf: number[];
}

export interface Evaluation {
  passed: boolean;
  met: Map<string, boolean>;
  /** Lexicographic, larger is better: [root met, leaf requirements met, progress]. */
  score: [number, number, number];
  total: number;
  residency: number;
  filled: number[];
  overlay: number[];
  /** Per courses leaf id: course ref → the unit index that answers to it (the first kept). */
  courseHits: Map<string, Map<string, number>>;
  gpa: { milliPoints: number; credits: number };
}

export const compareScores = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Credit-weighted mean of milli-points against a milli-minimum, in integers (no float rounding). */
export const gpaMeets = (gpa: { milliPoints: number; credits: number }, milliMin: number) =>
  gpa.credits > 0 && gpa.milliPoints >= milliMin * gpa.credits;

/**
 * Scores an allocation. Progress is the sum, over credit requirements, of min(counted, required)
 * in hundredths, plus one per required course present (at most one for "one of these courses"): the
 * allocation that leaves less missing is better when the verdicts and the numbers of met
 * requirements are equal.
 */
export function evaluate(p: AllocationProblem, a: Allocation): Evaluation {
  let total = 0;
  let residency = 0;
  const filled = new Array<number>(p.bucketCount).fill(0);
  const overlay = new Array<number>(p.overlayCount).fill(0);
  const gpa = { milliPoints: 0, credits: 0 };
  p.units.forEach((u, i) => {
    if (!a.kept[i]) return;
    total += u.credits;
    if (u.resident) residency += u.credits;
    if (p.doubleCounting) {
      for (let b = 0; b < p.bucketCount; b++) if ((u.mask >> b) & 1) filled[b]! += u.credits;
    } else if (a.bucketOf[i]! >= 0) filled[a.bucketOf[i]!]! += u.credits;
    for (const k of u.overlays) overlay[k]! += u.credits;
    if (u.milliPoints !== undefined) {
      gpa.milliPoints += u.milliPoints * u.credits;
      gpa.credits += u.credits;
    }
  });
  const courseHits = new Map<string, Map<string, number>>();
  const leafMet = new Map<string, boolean>();
  let progress = 0;
  const credit = (amount: number, min: number) => {
    progress += Math.min(amount, min);
    return amount >= min;
  };
  for (const [id, l] of p.leaves) {
    switch (l.kind) {
      case 'total':
        leafMet.set(id, credit(total, l.min));
        break;
      case 'bucket':
        leafMet.set(id, credit(filled[l.index]!, l.min));
        break;
      case 'overlay':
        leafMet.set(id, credit(overlay[l.index]!, l.min));
        break;
      case 'residency':
        leafMet.set(id, credit(residency, l.min));
        break;
      case 'courses': {
        const hits = new Map<string, number>();
        p.units.forEach((u, i) => {
          if (!a.kept[i]) return;
          for (const r of u.courseRefs) if (l.refs.includes(r) && !hits.has(r)) hits.set(r, i);
        });
        courseHits.set(id, hits);
        progress += l.mode === 'allOf' ? hits.size : Math.min(hits.size, 1);
        leafMet.set(id, l.mode === 'allOf' ? hits.size === l.refs.length : hits.size > 0);
        break;
      }
      case 'gpa':
        leafMet.set(id, gpaMeets(gpa, l.milliMin));
        break;
      case 'always':
        leafMet.set(id, true);
        break;
    }
  }
  const met = new Map<string, boolean>();
  const passed = evalTree(p.tree, (id) => leafMet.get(id) ?? true, met);
  let leavesMet = 0;
  for (const id of p.leaves.keys()) if (met.get(id)) leavesMet++;
  return {
    passed,
    met,
    score: [passed ? 1 : 0, leavesMet, progress],
    total,
    residency,
    filled,
    overlay,
    courseHits,
    gpa,
  };
}

/** Whether every node is met, bottom up; fills `out` with each node's verdict. */
export function evalTree(
  node: RequirementNode,
  leafMet: (id: string) => boolean,
  out: Map<string, boolean>,
): boolean {
  if (!isGroup(node)) {
    const m = leafMet(node.id);
    out.set(node.id, m);
    return m;
  }
  let count = 0;
  for (const c of node.children) if (evalTree(c, leafMet, out)) count++;
  const m = count >= needOf(node);
  out.set(node.id, m);
  return m;
}

export const needOf = (node: Extract<RequirementNode, { children: unknown }>): number =>
  node.kind === 'allOf' ? node.children.length : node.kind === 'anyOf' ? 1 : node.n!;

/** Credits per cap key of the kept units. */
export function capUsage(
  p: AllocationProblem,
  kept: readonly boolean[],
): Array<Map<string, number>> {
  const used = p.caps.map(() => new Map<string, number>());
  p.units.forEach((u, i) => {
    if (!kept[i]) return;
    u.capKeys.forEach((key, k) => used[k]!.set(key, (used[k]!.get(key) ?? 0) + u.credits));
  });
  return used;
}

/**
 * What makes an allocation admissible: every cap holds, at most one unit of a group counts, each
 * kept unit fills at most one bucket it is eligible for, and nothing was left out that would fit
 * (a unit stays out only because a cap it falls under is too full for it, or another unit of its
 * group counts). The last condition stops an audit from dropping a low grade to lift a GPA.
 */
export function admissible(p: AllocationProblem, a: Allocation): boolean {
  const used = capUsage(p, a.kept);
  for (let k = 0; k < p.caps.length; k++)
    for (const v of used[k]!.values()) if (v > p.caps[k]!) return false;
  const groupKept = new Map<number, number>();
  for (let i = 0; i < p.units.length; i++) {
    const u = p.units[i]!;
    const b = a.bucketOf[i]!;
    if (!a.kept[i]) {
      if (b !== -1) return false;
      continue;
    }
    if (!p.doubleCounting && b >= 0 && !((u.mask >> b) & 1)) return false;
    if (u.group !== undefined) {
      groupKept.set(u.group, (groupKept.get(u.group) ?? 0) + 1);
      if (groupKept.get(u.group)! > 1) return false;
    }
  }
  for (let i = 0; i < p.units.length; i++) {
    if (a.kept[i]) continue;
    const u = p.units[i]!;
    const blocked =
      u.capKeys.some((key, k) => (used[k]!.get(key) ?? 0) + u.credits > p.caps[k]!) ||
      (u.group !== undefined && (groupKept.get(u.group) ?? 0) > 0);
    if (!blocked) return false;
  }
  return true;
}
