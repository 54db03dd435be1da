// The allocation solver: which credits to keep under caps, and which category bucket each kept credit fills.
import type { CreditItem } from './types.ts';

/** One item that survived the filters, in the programme's credit system. */
export interface Candidate {
  /** Position in the deterministic order (earnedAt, seq, entryId): lower keeps first on ties. */
  order: number;
  item: CreditItem;
  credits: number;
  /** Bit b set = may count toward exclusive bucket b. */
  mask: number;
  resident: boolean;
  /** One key per cap constraint (the institution, year or semester it falls in). */
  capKeys: string[];
  /** A signature of everything else requirements look at (course refs, overlays, grade). */
  extra: string;
}

export interface Cap {
  max: number;
}

/** Lexicographic score: larger is better. */
export type Score = number[];

export function compareScores(a: Score, b: Score): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface BucketAssignment {
  /** For each kept candidate (by order), the bucket it fills, or -1. */
  bucketOf: Map<number, number>;
  /** Credits per bucket. */
  filled: number[];
  exact: boolean;
}

const popcount = (m: number): number => {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
};

const bitsOf = (m: number): number[] => {
  const out: number[] = [];
  for (let b = 0; m >> b; b++) if ((m >> b) & 1) out.push(b);
  return out;
};

/** Work bound for the exact bucket search; beyond it a greedy by largest deficit takes over. */
export const BUCKET_STATE_LIMIT = 200_000;

/**
 * Assigns kept candidates to exclusive buckets. Candidates eligible for one bucket go there (never
 * worse); the rest are grouped into classes of identical (eligible buckets, credits) and an exact
 * memoised search over classes decides how many of each class go to which bucket, maximising
 * `terminal(deficits)`. Only the deficits matter, so the state is (class, deficit vector).
 */
export function assignBuckets(
  kept: readonly Candidate[],
  mins: readonly number[],
  terminal: (deficits: readonly number[]) => Score,
  doubleCounting: boolean,
): BucketAssignment {
  const nb = mins.length;
  const filled = new Array<number>(nb).fill(0);
  const bucketOf = new Map<number, number>();
  if (nb === 0) return { bucketOf, filled, exact: true };
  if (doubleCounting) {
    for (const c of kept) {
      for (const b of bitsOf(c.mask)) filled[b]! += c.credits;
      bucketOf.set(c.order, c.mask ? bitsOf(c.mask)[0]! : -1);
    }
    return { bucketOf, filled, exact: true };
  }
  const classes = new Map<string, { mask: number; credits: number; members: Candidate[] }>();
  for (const c of kept) {
    if (c.mask === 0) {
      bucketOf.set(c.order, -1);
    } else if (popcount(c.mask) === 1) {
      const b = bitsOf(c.mask)[0]!;
      bucketOf.set(c.order, b);
      filled[b]! += c.credits;
    } else {
      const key = `${c.mask}/${c.credits}`;
      const cls = classes.get(key) ?? { mask: c.mask, credits: c.credits, members: [] };
      cls.members.push(c);
      classes.set(key, cls);
    }
  }
  const list = [...classes.values()].sort((a, b) => a.members[0]!.order - b.members[0]!.order);
  const start = mins.map((m, b) => Math.max(0, m - filled[b]!));
  let states = 0;
  let exact = true;
  const memo = new Map<string, { score: Score; take: number[] | undefined }>();

  // Each option says how many members of the class go to each eligible bucket (in bit order); the
  // rest are surplus and go to the first eligible bucket, where they change no deficit.
  const options = (cls: (typeof list)[number], d: readonly number[]): number[][] => {
    const bits = bitsOf(cls.mask);
    const n = cls.members.length;
    const caps = bits.map((b) =>
      cls.credits > 0 ? Math.min(n, Math.ceil(d[b]! / cls.credits)) : 0,
    );
    const out: number[][] = [];
    const cur = new Array<number>(bits.length).fill(0);
    const rec = (k: number, left: number) => {
      if (k === bits.length) {
        out.push([...cur]);
        return;
      }
      // Larger shares for earlier buckets first: on equal scores the first option found stays.
      for (let x = Math.min(caps[k]!, left); x >= 0; x--) {
        cur[k] = x;
        rec(k + 1, left - x);
      }
    };
    rec(0, n);
    return out;
  };
  const apply = (
    cls: (typeof list)[number],
    d: readonly number[],
    take: readonly number[],
  ): number[] => {
    const next = [...d];
    bitsOf(cls.mask).forEach((b, k) => {
      next[b] = Math.max(0, next[b]! - take[k]! * cls.credits);
    });
    return next;
  };
  const solve = (i: number, d: number[]): Score => {
    if (i === list.length) return terminal(d);
    const key = `${i}|${d.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit.score;
    if (++states > BUCKET_STATE_LIMIT) {
      exact = false;
      throw new Error('bucket search budget');
    }
    let best: { score: Score; take: number[] | undefined } = { score: [], take: undefined };
    for (const take of options(list[i]!, d)) {
      const s = solve(i + 1, apply(list[i]!, d, take));
      if (best.take === undefined || compareScores(s, best.score) > 0) best = { score: s, take };
    }
    memo.set(key, best);
    return best.score;
  };

  let takes: number[][];
  try {
    solve(0, start);
    takes = [];
    let d = start;
    for (let i = 0; i < list.length; i++) {
      const t = memo.get(`${i}|${d.join(',')}`)!.take!;
      takes.push(t);
      d = apply(list[i]!, d, t);
    }
  } catch (e) {
    if (exact) throw e;
    // Greedy fallback: each class, in order, feeds its members to the eligible bucket with the largest deficit.
    takes = [];
    const d = [...start];
    for (const cls of list) {
      const bits = bitsOf(cls.mask);
      const t = new Array<number>(bits.length).fill(0);
      for (let m = 0; m < cls.members.length; m++) {
        let k = 0;
        for (let j = 1; j < bits.length; j++) if (d[bits[j]!]! > d[bits[k]!]!) k = j;
        if (d[bits[k]!]! <= 0) break;
        t[k]!++;
        d[bits[k]!] = Math.max(0, d[bits[k]!]! - cls.credits);
      }
      takes.push(t);
    }
  }
  list.forEach((cls, i) => {
    const bits = bitsOf(cls.mask);
    const t = takes[i]!;
    let m = 0;
    bits.forEach((b, k) => {
      for (let x = 0; x < t[k]!; x++) {
        const c = cls.members[m++]!;
        bucketOf.set(c.order, b);
        filled[b]! += c.credits;
      }
    });
    for (; m < cls.members.length; m++) {
      const c = cls.members[m]!;
      bucketOf.set(c.order, bits[0]!);
      filled[bits[0]!]! += c.credits;
    }
  });
  return { bucketOf, filled, exact };
}

/** Per-cap usage of a kept set. */
export function capUsage(
  kept: readonly Candidate[],
  caps: readonly Cap[],
): Array<Map<string, number>> {
  const used = caps.map(() => new Map<string, number>());
  for (const c of kept) {
    caps.forEach((_, k) => {
      const key = c.capKeys[k]!;
      used[k]!.set(key, (used[k]!.get(key) ?? 0) + c.credits);
    });
  }
  return used;
}

/** Exhaustive keep-set search runs when the choices over capped classes number at most this. */
export const EXACT_CAP_COMBINATIONS = 4096;

/** One step of a greedy fill: keep members in order while caps allow, until `need` credits are in. */
export interface FillPhase {
  order: readonly number[];
  need: number;
  /** Credits kept for one exclusive bucket are not counted again for the next bucket's phase. */
  exclusive: boolean;
}

export interface KeepChoice {
  kept: boolean[];
  exact: boolean;
}

/**
 * Chooses which candidates to keep so that every cap holds and `evaluate` is best.
 * - No cap binds: keep everything (more credits never unmeet a requirement, GPA aside).
 * - Few choices: candidates in over-full cap groups are grouped into classes of identical
 *   eligibility; every vector of "how many of each class to keep" is tried (earliest members kept
 *   first) and the best score wins, earlier/larger vectors winning ties.
 * - Otherwise: each greedy plan (e.g. demand-driven, then chronological) fills under the caps; the
 *   best-scoring fill is kept.
 */
export function chooseKept(
  cands: readonly Candidate[],
  caps: readonly Cap[],
  evaluate: (kept: boolean[]) => Score,
  greedyPlans: () => FillPhase[][],
): KeepChoice {
  const n = cands.length;
  const all = new Array<boolean>(n).fill(true);
  const usage = capUsage(cands, caps);
  const over = caps.map(
    (cap, k) => new Set([...usage[k]!].filter(([, v]) => v > cap.max).map(([key]) => key)),
  );
  const contested = cands.filter((c) => c.capKeys.some((key, k) => over[k]!.has(key)));
  if (contested.length === 0) return { kept: all, exact: true };

  const classes = new Map<string, Candidate[]>();
  for (const c of contested) {
    const key = `${c.capKeys.join('\u0001')}|${c.mask}|${c.resident}|${c.credits}|${c.extra}`;
    classes.set(key, [...(classes.get(key) ?? []), c]);
  }
  const cls = [...classes.values()];
  let combos = 1;
  for (const c of cls) {
    combos *= c.length + 1;
    if (combos > EXACT_CAP_COMBINATIONS) break;
  }

  const fits = (used: Array<Map<string, number>>, c: Candidate): boolean =>
    caps.every((cap, k) => (used[k]!.get(c.capKeys[k]!) ?? 0) + c.credits <= cap.max);
  const take = (used: Array<Map<string, number>>, c: Candidate): void =>
    caps.forEach((_, k) =>
      used[k]!.set(c.capKeys[k]!, (used[k]!.get(c.capKeys[k]!) ?? 0) + c.credits),
    );

  let best: { kept: boolean[]; score: Score } | undefined;
  const consider = (kept: boolean[]) => {
    const score = evaluate(kept);
    if (!best || compareScores(score, best.score) > 0) best = { kept, score };
  };

  if (combos <= EXACT_CAP_COMBINATIONS) {
    const fixed = cands.filter((c) => !c.capKeys.some((key, k) => over[k]!.has(key)));
    const base = capUsage(fixed, caps);
    const counts = cls.map((c) => c.length);
    // Odometer from "keep all" downwards, so that among equal scores more (and earlier) credits win.
    for (;;) {
      const used = base.map((m) => new Map(m));
      let ok = true;
      const kept = cands.map((c) => !c.capKeys.some((key, k) => over[k]!.has(key)));
      cls.forEach((members, j) => {
        for (let m = 0; m < counts[j]! && ok; m++) {
          const c = members[m]!;
          if (!fits(used, c)) ok = false;
          take(used, c);
          kept[c.order] = true;
        }
      });
      if (ok) consider(kept);
      let j = cls.length - 1;
      while (j >= 0 && counts[j] === 0) {
        counts[j] = cls[j]!.length;
        j--;
      }
      if (j < 0) break;
      counts[j]!--;
    }
    return { kept: best!.kept, exact: true };
  }

  for (const plan of greedyPlans()) {
    const used = caps.map(() => new Map<string, number>());
    const kept = new Array<boolean>(n).fill(false);
    const reserved = new Array<boolean>(n).fill(false);
    for (const phase of plan) {
      let got = 0;
      if (phase.need !== Infinity) {
        for (const i of phase.order) {
          if (kept[i] && !(phase.exclusive && reserved[i])) {
            got += cands[i]!.credits;
            if (phase.exclusive) reserved[i] = true;
          }
        }
      }
      for (const i of phase.order) {
        if (got >= phase.need) break;
        const c = cands[i]!;
        if (kept[i] || !fits(used, c)) continue;
        take(used, c);
        kept[i] = true;
        got += c.credits;
        if (phase.exclusive) reserved[i] = true;
      }
    }
    consider(kept);
  }
  return { kept: best!.kept, exact: false };
}
