// The exact allocation: the audit's choice of credits as an integer program, solved by HiGHS (WebAssembly).
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { RequirementNode } from '../programmes/index.ts';
import { isGroup } from '../programmes/index.ts';
import { demandFill, scoreBound, topUp } from './construct.ts';
import {
  compareScores,
  evaluate,
  needOf,
  type Allocation,
  type AllocationProblem,
} from './problem.ts';

// The package's types are CommonJS-flavoured; its ESM build's default export is the loader.
const loadHighs = highsModule.default as unknown as () => Promise<Highs>;
const highs = await loadHighs();

export interface SolveOptions {
  /** Seconds HiGHS may spend on one solve before the verdict is "not proven". */
  timeLimitSeconds?: number;
}

export interface SolveOutcome {
  allocation: Allocation;
  /** The verdict-deciding objective was solved to proven optimality (or nothing was left to decide). */
  proven: boolean;
  /** Milliseconds spent in HiGHS (0 when nothing needed deciding). */
  solverMs: number;
  /** Integer variables and rows of the model (0 when nothing needed deciding). */
  size: { columns: number; rows: number };
}

/** A default far above any real record's need (2,000 entries with ten over-full semesters: ~10 ms). */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

type Terms = Map<number, number>;
interface Expr {
  c: number;
  t: Terms;
}
/** A 0/1 quantity of the model: a constant, or a binary column. */
type Bit = { const: 0 | 1 } | { col: number };

class Model {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly rows: Array<{ t: Terms; lo: number; hi: number }> = [];

  col(lo: number, hi: number, integer: boolean): number {
    this.lower.push(lo);
    this.upper.push(hi);
    this.integer.push(integer ? 1 : 0);
    return this.lower.length - 1;
  }
  bit(): Bit & { col: number } {
    return { col: this.col(0, 1, true) };
  }
  /** lo ≤ Σ t ≤ hi (an expression's constant moves to the bounds). */
  row(e: Expr, lo: number, hi: number): void {
    if (e.t.size === 0) return;
    this.rows.push({ t: e.t, lo: lo - e.c, hi: hi - e.c });
  }
}

const expr = (c = 0): Expr => ({ c, t: new Map() });
const add = (e: Expr, col: number, coef: number): void => {
  if (coef !== 0) e.t.set(col, (e.t.get(col) ?? 0) + coef);
};
const plus = (...es: Expr[]): Expr => {
  const out = expr();
  for (const e of es) {
    out.c += e.c;
    for (const [k, v] of e.t) add(out, k, v);
  }
  return out;
};
const scaled = (e: Expr, s: number): Expr => ({
  c: e.c * s,
  t: new Map([...e.t].map(([k, v]) => [k, v * s])),
});
const bitExpr = (b: Bit): Expr =>
  'const' in b ? expr(b.const) : { c: 0, t: new Map([[b.col, 1]]) };

interface Flex {
  mask: number;
  credits: number;
  members: number[];
  /** Per eligible bucket (bit order), the column of how many members fill it. */
  cols: number[];
}

interface Class {
  /** Unit indices, earliest first: a class keeps its first `x` members. */
  members: number[];
  x: number;
  /** Per eligible bucket (in bit order) the column of how many members fill it; absent for one bucket. */
  y?: Map<number, number>;
}

const bitsOf = (m: number): number[] => {
  const out: number[] = [];
  for (let b = 0; m >> b; b++) if ((m >> b) & 1) out.push(b);
  return out;
};

/**
 * Finds the best admissible allocation (see `admissible`), exactly, by the score of `evaluate` (root
 * met, then leaf requirements met, then progress).
 *
 * 1. A demand-driven fill (`demandFill`) is tried first: when it reaches `scoreBound`, the highest
 *    score there can be, it is provably best and no solver runs (most passing records).
 * 2. Otherwise an integer program decides. Units that nothing contests (no cap they fall under can
 *    overflow, no other unit of their learning is present) always count; the rest form classes of
 *    interchangeable units, and HiGHS chooses how many of each class count (its earliest members)
 *    and which bucket each cross-listed credit fills, maximising the score weighted so that each
 *    part outranks everything after it. Only when HiGHS reaches the time limit is the result not
 *    proven.
 * 3. Either way, every credit that still fits is then added, earliest first (`topUp`).
 * The model is built from the units in their fixed order, so the same record always gets the same
 * allocation.
 */
export function solveAllocation(p: AllocationProblem, opts: SolveOptions = {}): SolveOutcome {
  // A fill that reaches the highest possible score is the best there is: nothing left to decide.
  const fill = demandFill(p);
  if (compareScores(evaluate(p, fill).score, scoreBound(p)) === 0)
    return { allocation: topUp(p, fill), proven: true, solverMs: 0, size: { columns: 0, rows: 0 } };
  const n = p.units.length;
  const m = new Model();
  const usage = p.caps.map(() => new Map<string, number>());
  p.units.forEach((u) =>
    u.capKeys.forEach((key, k) => usage[k]!.set(key, (usage[k]!.get(key) ?? 0) + u.credits)),
  );
  const overFull = (k: number, key: string) => usage[k]!.get(key)! > p.caps[k]!;
  const contested = p.units.map(
    (u) => u.group !== undefined || u.capKeys.some((key, k) => overFull(k, key)),
  );

  // Fixed units are constants; contested units form classes of interchangeable members.
  const classes: Class[] = [];
  const classOf = new Map<string, Class>();
  const flex = new Map<string, Flex>();
  p.units.forEach((u, i) => {
    if (contested[i]) {
      const key = JSON.stringify([
        u.capKeys,
        u.mask,
        u.resident,
        u.credits,
        u.overlays,
        u.courseRefs,
        u.milliPoints ?? null,
        u.group ?? null,
      ]);
      const c = classOf.get(key);
      if (c) c.members.push(i);
      else {
        const cls: Class = { members: [i], x: -1 };
        classOf.set(key, cls);
        classes.push(cls);
      }
    } else if (!p.doubleCounting && bitsOf(u.mask).length > 1) {
      const key = `${u.mask}/${u.credits}`;
      const f = flex.get(key) ?? { mask: u.mask, credits: u.credits, members: [], cols: [] };
      f.members.push(i);
      flex.set(key, f);
    }
  });
  for (const c of classes) c.x = m.col(0, c.members.length, true);

  const unitOf = (c: Class) => p.units[c.members[0]!]!;
  /** Σ over kept units of `f(unit)` (fixed units as a constant, classes through their columns). */
  const sumOf = (f: (i: number) => number): Expr => {
    const e = expr();
    p.units.forEach((_, i) => {
      if (!contested[i]) e.c += f(i);
    });
    for (const c of classes) add(e, c.x, f(c.members[0]!));
    return e;
  };

  // Buckets.
  const bucket: Expr[] = Array.from({ length: p.bucketCount }, () => expr());
  if (p.doubleCounting) {
    for (let b = 0; b < p.bucketCount; b++)
      bucket[b] = sumOf((i) => ((p.units[i]!.mask >> b) & 1 ? p.units[i]!.credits : 0));
  } else {
    p.units.forEach((u, i) => {
      if (!contested[i] && bitsOf(u.mask).length === 1) bucket[bitsOf(u.mask)[0]!]!.c += u.credits;
    });
    for (const f of flex.values()) {
      const share = expr();
      for (const b of bitsOf(f.mask)) {
        const y = m.col(0, f.members.length, true);
        f.cols.push(y);
        add(bucket[b]!, y, f.credits);
        add(share, y, 1);
      }
      m.row(share, f.members.length, f.members.length);
    }
    for (const c of classes) {
      const u = unitOf(c);
      const bits = bitsOf(u.mask);
      if (bits.length === 1) add(bucket[bits[0]!]!, c.x, u.credits);
      else if (bits.length > 1) {
        c.y = new Map();
        const share = expr();
        add(share, c.x, -1);
        for (const b of bits) {
          const y = m.col(0, c.members.length, true);
          c.y.set(b, y);
          add(bucket[b]!, y, u.credits);
          add(share, y, 1);
        }
        m.row(share, 0, 0);
      }
    }
  }

  // Caps (only over-full keys can bind) and groups.
  p.caps.forEach((max, k) => {
    const byKey = new Map<string, Expr>();
    for (const c of classes) {
      const key = unitOf(c).capKeys[k]!;
      if (!overFull(k, key)) continue;
      const e = byKey.get(key) ?? expr();
      add(e, c.x, unitOf(c).credits);
      byKey.set(key, e);
    }
    for (const e of byKey.values()) m.row(e, -Infinity, max);
  });
  const groups = new Map<number, Class[]>();
  for (const c of classes) {
    const g = unitOf(c).group;
    if (g !== undefined) groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  for (const list of groups.values()) {
    const e = expr();
    for (const c of list) add(e, c.x, 1);
    m.row(e, -Infinity, 1);
  }

  // Leaves: a binary "met" each, and a progress column per credit requirement.
  const progress = expr();
  const leafBits = new Map<string, Bit>();
  let progressMax = 0;
  const creditLeaf = (amount: Expr, min: number): Bit => {
    progressMax += min;
    if (amount.t.size === 0) {
      progress.c += Math.min(amount.c, min);
      return { const: amount.c >= min ? 1 : 0 };
    }
    if (amount.c >= min) {
      progress.c += min;
      return { const: 1 };
    }
    const met = m.bit();
    const row = plus(amount);
    add(row, met.col, -min);
    m.row(row, 0, Infinity);
    const prog = m.col(0, min, false);
    const cap = scaled(amount, -1);
    add(cap, prog, 1);
    m.row(cap, -Infinity, 0);
    add(progress, prog, 1);
    return met;
  };
  let gpaLeaf = false;
  for (const [id, l] of p.leaves) {
    switch (l.kind) {
      case 'total':
        leafBits.set(
          id,
          creditLeaf(
            sumOf((i) => p.units[i]!.credits),
            l.min,
          ),
        );
        break;
      case 'residency':
        leafBits.set(
          id,
          creditLeaf(
            sumOf((i) => (p.units[i]!.resident ? p.units[i]!.credits : 0)),
            l.min,
          ),
        );
        break;
      case 'bucket':
        leafBits.set(id, creditLeaf(bucket[l.index]!, l.min));
        break;
      case 'overlay':
        leafBits.set(
          id,
          creditLeaf(
            sumOf((i) => (p.units[i]!.overlays.includes(l.index) ? p.units[i]!.credits : 0)),
            l.min,
          ),
        );
        break;
      case 'courses': {
        // Progress: each required course present ("allOf"), or one of them ("anyOf": the leaf itself).
        const all = l.mode === 'allOf';
        const hits: Bit[] = l.refs.map((ref) => {
          const e = sumOf((i) => (p.units[i]!.courseRefs.includes(ref) ? 1 : 0));
          if (e.c >= 1 || e.t.size === 0) return { const: e.c >= 1 ? 1 : 0 };
          const h = m.bit();
          add(e, h.col, -1);
          m.row(e, 0, Infinity);
          return h;
        });
        const met = combine(m, hits, all ? hits.length : 1);
        for (const b of all ? hits : [met]) {
          progressMax += 1;
          const e = bitExpr(b);
          progress.c += e.c;
          for (const [k, v] of e.t) add(progress, k, v);
        }
        leafBits.set(id, met);
        break;
      }
      case 'gpa': {
        const graded = sumOf((i) =>
          p.units[i]!.milliPoints !== undefined ? p.units[i]!.credits : 0,
        );
        const margin = sumOf((i) => {
          const u = p.units[i]!;
          return u.milliPoints !== undefined ? (u.milliPoints - l.milliMin) * u.credits : 0;
        });
        if (graded.t.size === 0 && margin.t.size === 0) {
          leafBits.set(id, { const: graded.c > 0 && margin.c >= 0 ? 1 : 0 });
          break;
        }
        gpaLeaf = true;
        const met = m.bit();
        // margin ≥ 0 when met: margin + M·(1 − met) ≥ 0, M the worst margin's size.
        let worst = margin.c;
        for (const [col, coef] of margin.t) if (coef < 0) worst += coef * m.upper[col]!;
        const big = Math.max(0, -worst);
        const row = plus(margin);
        add(row, met.col, -big);
        m.row(row, -big, Infinity);
        const g = plus(graded);
        add(g, met.col, -1);
        m.row(g, 0, Infinity);
        leafBits.set(id, met);
        break;
      }
      case 'always':
        leafBits.set(id, { const: 1 });
        break;
    }
  }

  // An admissible allocation leaves nothing out that would fit: stated only where it can matter
  // (a GPA requirement is the one thing that could gain from leaving a credit out).
  if (gpaLeaf) {
    for (const c of classes) {
      const u = unitOf(c);
      const size = c.members.length;
      const reason = expr();
      const full = m.bit();
      const fullRow = expr();
      add(fullRow, c.x, 1);
      add(fullRow, full.col, -size);
      m.row(fullRow, 0, Infinity);
      add(reason, full.col, 1);
      u.capKeys.forEach((key, k) => {
        if (!overFull(k, key)) return;
        const z = m.bit();
        const used = expr();
        for (const o of classes)
          if (unitOf(o).capKeys[k] === key) add(used, o.x, unitOf(o).credits);
        add(used, z.col, -(p.caps[k]! - u.credits + 1));
        m.row(used, 0, Infinity);
        add(reason, z.col, 1);
      });
      if (u.group !== undefined)
        for (const o of groups.get(u.group)!) if (o !== c || size > 1) add(reason, o.x, 1);
      m.row(reason, 1, Infinity);
    }
  }

  // The tree, and the first objective.
  const leafCount = p.leaves.size;
  const root = treeBit(m, p.tree, leafBits);
  const wLeaf = progressMax + 1;
  const wRoot = wLeaf * (leafCount + 1);
  const score = plus(scaled(bitExpr(root), wRoot), progress);
  for (const b of leafBits.values()) {
    const e = bitExpr(b);
    score.c += e.c * wLeaf;
    for (const [k, v] of e.t) add(score, k, v * wLeaf);
  }

  const allocationOf = (values: ArrayLike<number> | null): Allocation => {
    const kept = p.units.map((_, i) => !contested[i]);
    const bucketOf = new Array<number>(n).fill(-1);
    p.units.forEach((u, i) => {
      if (!contested[i] && bitsOf(u.mask).length >= 1) bucketOf[i] = bitsOf(u.mask)[0]!;
    });
    for (const c of classes) {
      const x = values ? Math.round(values[c.x]!) : 0;
      const bits = bitsOf(unitOf(c).mask);
      const shares = bits.map((b) =>
        c.y && values ? Math.round(values[c.y.get(b)!]!) : b === bits[0] ? x : 0,
      );
      const keptMembers = c.members.slice(0, x);
      for (const i of keptMembers) kept[i] = true;
      fillShares(keptMembers, bits, shares, bucketOf);
    }
    for (const f of flex.values()) {
      const shares = f.cols.map((col) => (values ? Math.round(values[col]!) : 0));
      fillShares(f.members, bitsOf(f.mask), shares, bucketOf);
    }
    return { kept, bucketOf };
  };

  if (m.lower.length === 0) {
    return {
      allocation: topUp(p, allocationOf(null)),
      proven: true,
      solverMs: 0,
      size: { columns: 0, rows: 0 },
    };
  }

  const timeLimit = opts.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const started = performance.now();
  const outcome = highs.withModel((model) => {
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0,
      time_limit: timeLimit,
      random_seed: 0,
    });
    const numCols = m.lower.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of m.rows) {
      for (const [k, v] of [...r.t].sort((a, b) => a[0] - b[0])) {
        indices.push(k);
        values.push(v);
      }
      starts.push(indices.length);
    }
    const cost = new Array<number>(numCols).fill(0);
    for (const [k, v] of score.t) cost[k] = v;
    model.passModel({
      numCols,
      numRows: m.rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cost,
      colLower: m.lower,
      colUpper: m.upper,
      rowLower: m.rows.map((r) => r.lo),
      rowUpper: m.rows.map((r) => r.hi),
      matrix: { format: 'csr', numRows: m.rows.length, numCols, starts, indices, values },
      integrality: m.integer as Array<0 | 1>,
    });
    const first = model.run();
    const optimal = first.modelStatus === highs.constants.modelStatus.optimal;
    const firstValues = hasSolution(model) ? Float64Array.from(model.getSolution().colValue) : null;
    if (!optimal || !firstValues || classes.length === 0)
      return {
        values: firstValues,
        proven: optimal,
        size: { columns: numCols, rows: m.rows.length },
      };

    return {
      values: firstValues,
      proven: optimal,
      size: { columns: numCols, rows: m.rows.length },
    };
  });
  return {
    allocation: topUp(p, allocationOf(outcome.values)),
    proven: outcome.proven,
    solverMs: performance.now() - started,
    size: outcome.size,
  };
}

function hasSolution(model: { getSolution(): { colValue: ArrayLike<number> } }): boolean {
  try {
    return model.getSolution().colValue.length > 0;
  } catch {
    return false;
  }
}

/** Members in order fill the buckets' shares in bit order; any left over go to the first bucket. */
function fillShares(members: number[], bits: number[], shares: number[], bucketOf: number[]): void {
  let s = 0;
  for (const i of members) {
    while (s < shares.length && shares[s]! <= 0) s++;
    bucketOf[i] = s < shares.length ? bits[s]! : (bits[0] ?? -1);
    if (s < shares.length) shares[s]!--;
  }
}

/** "At least `need` of `bits`" as a bit. */
function combine(m: Model, bits: Bit[], need: number): Bit {
  let left = need;
  const vars: number[] = [];
  for (const b of bits) {
    if ('const' in b) left -= b.const;
    else vars.push(b.col);
  }
  if (left <= 0) return { const: 1 };
  if (vars.length < left) return { const: 0 };
  const g = m.bit();
  const e = expr();
  add(e, g.col, left);
  for (const v of vars) add(e, v, -1);
  m.row(e, -Infinity, 0);
  return g;
}

function treeBit(m: Model, node: RequirementNode, leaves: Map<string, Bit>): Bit {
  if (!isGroup(node)) return leaves.get(node.id) ?? { const: 1 };
  const children = node.children.map((c) => treeBit(m, c, leaves));
  return combine(m, children, needOf(node));
}
