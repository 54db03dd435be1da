// The exact allocation against brute force on small random records, and against constructed allocations on large ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admissible,
  compareScores,
  evaluate,
  type Allocation,
  type AllocationProblem,
  type Leaf,
  type Unit,
} from '../../../domain/audit/problem.ts';
import { solveAllocation } from '../../../domain/audit/solver.ts';
import type { RequirementNode } from '../../../domain/programmes/types.ts';

const bitsOf = (m: number): number[] => {
  const out: number[] = [];
  for (let b = 0; m >> b; b++) if ((m >> b) & 1) out.push(b);
  return out;
};

/** A random problem: units over a few institutions and semesters, buckets, caps, groups, a tree. */
const problemArb = (maxUnits: number, minUnits = 1) =>
  fc
    .record({
      bucketCount: fc.integer({ min: 1, max: 3 }),
      capCount: fc.integer({ min: 0, max: 2 }),
      doubleCounting: fc.boolean(),
      withGpa: fc.boolean(),
      withCourses: fc.boolean(),
      withResidency: fc.boolean(),
      groupKind: fc.constantFrom<'allOf' | 'anyOf' | 'atLeast'>(
        'allOf',
        'allOf',
        'anyOf',
        'atLeast',
      ),
      units: fc.array(
        fc.record({
          credits: fc.constantFrom(100, 200, 300, 300, 300, 400),
          mask: fc.integer({ min: 0, max: 7 }),
          resident: fc.boolean(),
          keys: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })),
          points: fc.option(fc.integer({ min: 1000, max: 4500 }), { nil: undefined }),
          group: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 3 }),
          course: fc.option(fc.constantFrom('u:A', 'u:B'), { nil: undefined, freq: 2 }),
        }),
        { minLength: minUnits, maxLength: maxUnits },
      ),
      mins: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 4, maxLength: 4 }),
      capMax: fc.tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 3, max: 12 })),
      gpaMin: fc.integer({ min: 2000, max: 3800 }),
    })
    .map((r): AllocationProblem => {
      const mask = (1 << r.bucketCount) - 1;
      const units: Unit[] = r.units.map((u) => ({
        credits: u.credits,
        mask: u.mask & mask,
        resident: u.resident,
        capKeys: [`i${u.keys[0]}`, `s${u.keys[1]}`].slice(0, r.capCount),
        overlays: [],
        courseRefs: r.withCourses && u.course ? [u.course] : [],
        milliPoints: r.withGpa ? u.points : undefined,
        group: u.group,
      }));
      const leaves = new Map<string, Leaf>();
      const children: RequirementNode[] = [];
      const leaf = (id: string, l: Leaf) => {
        leaves.set(id, l);
        // The tree only names a leaf's id and kind; what it asks is in `leaves`.
        children.push({ id, kind: 'totalCredits', min: 0 });
      };
      for (let b = 0; b < r.bucketCount; b++)
        leaf(`b${b}`, { kind: 'bucket', index: b, min: r.mins[b]! * 100 });
      leaf('total', { kind: 'total', min: (r.mins[0]! + r.mins[1]! + r.mins[3]!) * 100 });
      if (r.withResidency) leaf('res', { kind: 'residency', min: r.mins[3]! * 100 });
      if (r.withCourses) leaf('courses', { kind: 'courses', mode: 'allOf', refs: ['u:A', 'u:B'] });
      if (r.withGpa) leaf('gpa', { kind: 'gpa', milliMin: r.gpaMin });
      const tree: RequirementNode =
        r.groupKind === 'atLeast'
          ? { id: 'root', kind: 'atLeast', n: Math.max(1, children.length - 1), children }
          : { id: 'root', kind: r.groupKind, children };
      return {
        units,
        bucketCount: r.bucketCount,
        overlayCount: 0,
        caps: [r.capMax[0] * 100, r.capMax[1] * 100].slice(0, r.capCount),
        doubleCounting: r.doubleCounting,
        leaves,
        tree,
      };
    });

/** Every admissible allocation's score, the best of them: 2^n keep sets × bucket choices. */
function bruteForceBest(p: AllocationProblem): number[] {
  const n = p.units.length;
  let best: number[] | undefined;
  for (let set = 0; set < 1 << n; set++) {
    const kept = p.units.map((_, i) => ((set >> i) & 1) === 1);
    const choices = p.units.map((u, i) =>
      !kept[i]
        ? [-1]
        : p.doubleCounting || u.mask === 0
          ? [bitsOf(u.mask)[0] ?? -1]
          : bitsOf(u.mask),
    );
    const idx = choices.map(() => 0);
    for (;;) {
      const a: Allocation = { kept, bucketOf: choices.map((c, i) => c[idx[i]!]!) };
      if (admissible(p, a)) {
        const s = evaluate(p, a).score;
        if (!best || compareScores(s, best) > 0) best = s;
      }
      let k = 0;
      while (k < n && idx[k] === choices[k]!.length - 1) idx[k++] = 0;
      if (k === n) break;
      idx[k]!++;
    }
  }
  return best!;
}

/** An admissible allocation built by keeping units in a random order while they fit. */
function constructed(p: AllocationProblem, order: number[], pick: number[]): Allocation {
  const kept = p.units.map(() => false);
  const bucketOf = p.units.map(() => -1);
  const used = p.caps.map(() => new Map<string, number>());
  const groupTaken = new Set<number>();
  for (const i of order) {
    const u = p.units[i]!;
    if (u.group !== undefined && groupTaken.has(u.group)) continue;
    if (u.capKeys.some((key, k) => (used[k]!.get(key) ?? 0) + u.credits > p.caps[k]!)) continue;
    kept[i] = true;
    u.capKeys.forEach((key, k) => used[k]!.set(key, (used[k]!.get(key) ?? 0) + u.credits));
    if (u.group !== undefined) groupTaken.add(u.group);
    const bits = bitsOf(u.mask);
    bucketOf[i] = bits.length ? bits[pick[i]! % bits.length]! : -1;
  }
  return { kept, bucketOf };
}

describe('the exact allocation (HiGHS)', () => {
  it('finds the same best score as brute force on small random records', () => {
    fc.assert(
      fc.property(problemArb(7), (p) => {
        const solved = solveAllocation(p);
        expect(solved.proven).toBe(true);
        expect(admissible(p, solved.allocation)).toBe(true);
        const got = evaluate(p, solved.allocation).score;
        const best = bruteForceBest(p);
        expect(got).toEqual(best);
      }),
      { numRuns: 150, seed: 20261205 },
    );
  });

  it('is never beaten by an allocation the test constructs, on large random records', () => {
    fc.assert(
      fc.property(
        problemArb(120, 60),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 120, maxLength: 120 }),
        (p, noise) => {
          const solved = solveAllocation(p);
          expect(solved.proven).toBe(true);
          expect(admissible(p, solved.allocation)).toBe(true);
          const got = evaluate(p, solved.allocation).score;
          for (let t = 0; t < 25; t++) {
            const order = p.units
              .map((_, i) => i)
              .sort((a, b) => ((noise[a]! * (t + 7)) % 1009) - ((noise[b]! * (t + 7)) % 1009));
            const pick = p.units.map((_, i) => (noise[i]! >> t) & 3);
            const a = constructed(p, order, pick);
            expect(admissible(p, a)).toBe(true);
            expect(compareScores(evaluate(p, a).score, got)).toBeLessThanOrEqual(0);
          }
        },
      ),
      { numRuns: 25, seed: 20261205 },
    );
  });

  it('returns the same allocation for the same record, whatever else ran before', () => {
    fc.assert(
      fc.property(problemArb(40, 20), (p) => {
        const a = solveAllocation(p).allocation;
        const b = solveAllocation(p).allocation;
        expect(b).toEqual(a);
      }),
      { numRuns: 10, seed: 7 },
    );
  });
});
