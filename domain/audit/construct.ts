// Admissible allocations built directly: a demand-driven fill whose score can prove itself best, and the top-up.
import { capUsage, type Allocation, type AllocationProblem } from './problem.ts';

const bitsOf = (m: number): number[] => {
  const out: number[] = [];
  for (let b = 0; m >> b; b++) if ((m >> b) & 1) out.push(b);
  return out;
};

/**
 * The highest score any allocation could have: the root met, every leaf met, every credit
 * requirement's minimum reached and every required course present. An allocation that scores this
 * is provably the best, whatever way it was found.
 */
export function scoreBound(p: AllocationProblem): [number, number, number] {
  let progress = 0;
  for (const l of p.leaves.values()) {
    if (l.kind === 'courses') progress += l.mode === 'allOf' ? l.refs.length : 1;
    else if (l.kind !== 'gpa' && l.kind !== 'always') progress += l.min;
  }
  return [1, p.leaves.size, progress];
}

/** Keeps units while caps and groups allow; everything it skips stays blocked, so it is admissible. */
class Filler {
  readonly kept: boolean[];
  readonly #used: Array<Map<string, number>>;
  readonly #groups = new Set<number>();
  constructor(private readonly p: AllocationProblem) {
    this.kept = p.units.map(() => false);
    this.#used = p.caps.map(() => new Map<string, number>());
  }
  fits(i: number): boolean {
    const u = this.p.units[i]!;
    if (u.group !== undefined && this.#groups.has(u.group)) return false;
    return u.capKeys.every(
      (key, k) => (this.#used[k]!.get(key) ?? 0) + u.credits <= this.p.caps[k]!,
    );
  }
  keep(i: number): boolean {
    if (this.kept[i] || !this.fits(i)) return false;
    const u = this.p.units[i]!;
    this.kept[i] = true;
    u.capKeys.forEach((key, k) =>
      this.#used[k]!.set(key, (this.#used[k]!.get(key) ?? 0) + u.credits),
    );
    if (u.group !== undefined) this.#groups.add(u.group);
    return true;
  }
}

/**
 * Exclusive buckets for a kept set: single-eligible units go to their bucket; the others, in order,
 * to the eligible bucket still missing the most (the first eligible once nothing is missing).
 */
export function assignBuckets(p: AllocationProblem, kept: readonly boolean[]): number[] {
  const bucketOf = p.units.map(() => -1);
  const missing = new Array<number>(p.bucketCount).fill(0);
  for (const l of p.leaves.values()) if (l.kind === 'bucket') missing[l.index] = l.min;
  p.units.forEach((u, i) => {
    const bits = bitsOf(u.mask);
    if (!kept[i] || bits.length === 0) return;
    if (p.doubleCounting || bits.length === 1) {
      bucketOf[i] = bits[0]!;
      if (!p.doubleCounting) missing[bits[0]!]! -= u.credits;
    }
  });
  p.units.forEach((u, i) => {
    const bits = bitsOf(u.mask);
    if (!kept[i] || p.doubleCounting || bits.length < 2) return;
    let best = bits[0]!;
    for (const b of bits) if (missing[b]! > missing[best]!) best = b;
    bucketOf[i] = best;
    missing[best]! -= u.credits;
  });
  return bucketOf;
}

/**
 * A demand-driven fill: units answering required courses first, then each bucket's units (the
 * scarcest bucket first; units eligible for fewer buckets, and resident ones, before others) until
 * its minimum is in, then overlays and residency likewise, then everything else in order. Its score
 * is exact (`evaluate`); it decides nothing unless it reaches `scoreBound`.
 */
export function demandFill(p: AllocationProblem): Allocation {
  const f = new Filler(p);
  const all = p.units.map((_, i) => i);
  for (const l of p.leaves.values()) {
    if (l.kind !== 'courses') continue;
    for (const ref of l.refs) {
      const answering = all.filter((i) => p.units[i]!.courseRefs.includes(ref));
      if (answering.some((i) => f.kept[i])) continue;
      for (const i of answering) if (f.keep(i)) break;
    }
  }
  const supply = new Array<number>(p.bucketCount).fill(0);
  p.units.forEach((u) => bitsOf(u.mask).forEach((b) => (supply[b]! += u.credits)));
  const bucketLeaves = [...p.leaves.values()].flatMap((l) => (l.kind === 'bucket' ? [l] : []));
  bucketLeaves.sort(
    (a, b) => supply[a.index]! - a.min - (supply[b.index]! - b.min) || a.index - b.index,
  );
  const needsResidency = [...p.leaves.values()].some((l) => l.kind === 'residency');
  const reserved = p.units.map(() => false);
  for (const l of bucketLeaves) {
    const eligible = all
      .filter((i) => (p.units[i]!.mask >> l.index) & 1)
      .sort(
        (a, b) =>
          bitsOf(p.units[a]!.mask).length - bitsOf(p.units[b]!.mask).length ||
          (needsResidency ? Number(p.units[b]!.resident) - Number(p.units[a]!.resident) : 0) ||
          a - b,
      );
    let got = 0;
    for (const i of eligible) {
      if (got >= l.min) break;
      if (f.kept[i] && (p.doubleCounting || !reserved[i])) {
        got += p.units[i]!.credits;
        reserved[i] = true;
      }
    }
    for (const i of eligible) {
      if (got >= l.min) break;
      if (f.keep(i)) {
        got += p.units[i]!.credits;
        reserved[i] = true;
      }
    }
  }
  for (const l of p.leaves.values()) {
    if (l.kind !== 'overlay' && l.kind !== 'residency') continue;
    const eligible = all.filter((i) =>
      l.kind === 'overlay' ? p.units[i]!.overlays.includes(l.index) : p.units[i]!.resident,
    );
    let got = eligible.reduce((s, i) => s + (f.kept[i] ? p.units[i]!.credits : 0), 0);
    for (const i of eligible) {
      if (got >= l.min) break;
      if (f.keep(i)) got += p.units[i]!.credits;
    }
  }
  // With a GPA to reach, the better grades go first among the rest.
  const rest = [...p.leaves.values()].some((l) => l.kind === 'gpa')
    ? [...all].sort(
        (a, b) => (p.units[b]!.milliPoints ?? -1) - (p.units[a]!.milliPoints ?? -1) || a - b,
      )
    : all;
  for (const i of rest) f.keep(i);
  return { kept: f.kept, bucketOf: assignBuckets(p, f.kept) };
}

/**
 * Adds, earliest first, every unit that still fits (caps, groups); an added unit fills the first
 * bucket it may. More credits never lower a score without a GPA requirement; with one, the
 * allocations it is given are already maximal (nothing fits), so it adds nothing.
 */
export function topUp(p: AllocationProblem, a: Allocation): Allocation {
  const kept = [...a.kept];
  const bucketOf = [...a.bucketOf];
  const used = capUsage(p, kept);
  const groups = new Set<number>();
  p.units.forEach((u, i) => {
    if (kept[i] && u.group !== undefined) groups.add(u.group);
  });
  p.units.forEach((u, i) => {
    if (kept[i]) return;
    if (u.group !== undefined && groups.has(u.group)) return;
    if (u.capKeys.some((key, k) => (used[k]!.get(key) ?? 0) + u.credits > p.caps[k]!)) return;
    kept[i] = true;
    bucketOf[i] = bitsOf(u.mask)[0] ?? -1;
    u.capKeys.forEach((key, k) => used[k]!.set(key, (used[k]!.get(key) ?? 0) + u.credits));
    if (u.group !== undefined) groups.add(u.group);
  });
  return { kept, bucketOf };
}
