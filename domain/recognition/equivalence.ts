// Course equivalences as a graph: cycle detection and the transitive resolution the audit consumes.
import type { CourseEquivalenceRule, MinGrade, RuleCitation } from './rules.ts';

const refOf = (c: { institutionId: string; courseCode: string }) =>
  `${c.institutionId}:${c.courseCode}`;

/** A cycle of equivalences (A → B → C → A) and the rules that form it, or undefined. */
export function findEquivalenceCycle(
  rules: readonly CourseEquivalenceRule[],
): { refs: string[]; rules: RuleCitation[] } | undefined {
  const edges = new Map<string, Array<{ to: string; rule: RuleCitation }>>();
  const sorted = [...rules].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version,
  );
  for (const r of sorted) {
    const from = refOf(r.source);
    const list = edges.get(from) ?? [];
    list.push({ to: refOf(r.target), rule: { id: r.id, version: r.version } });
    edges.set(from, list);
  }
  // Iterative three-colour DFS: deep chains must not overflow the stack.
  const state = new Map<string, 1 | 2>();
  for (const start of [...edges.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: Array<{ node: string; next: number; via?: RuleCitation }> = [
      { node: start, next: 0 },
    ];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = edges.get(top.node) ?? [];
      if (top.next >= out.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const e = out[top.next++]!;
      const s = state.get(e.to);
      if (s === 1) {
        const from = stack.findIndex((f) => f.node === e.to);
        const frames = stack.slice(from);
        return {
          refs: [...frames.map((f) => f.node), e.to],
          rules: [...frames.slice(1).map((f) => f.via!), e.rule],
        };
      }
      if (s === undefined) {
        state.set(e.to, 1);
        stack.push({ node: e.to, next: 0, via: e.rule });
      }
    }
  }
  return undefined;
}

/** One course that counts as another, possibly through a chain of rules. */
export interface CourseEquivalence {
  from: string;
  to: string;
  /** The rule that produces the target course (the last link). */
  ruleId: string;
  ruleVersion: number;
  /** Every rule along the chain, first link first. */
  chain: RuleCitation[];
  /** Every course along the chain, `from` first and `to` last. */
  path: string[];
  /** Every link's rule is automatic and the chain has one link. */
  automatic: boolean;
  /** The minimum grades of every link; a source must meet all of them. */
  minGrades: MinGrade[];
  rule: CourseEquivalenceRule;
}

/**
 * The transitive closure of the equivalence rules given (pass `rulesInForce(...)` for a date): for
 * every source course, each course it reaches. Shortest chains win, then rule ids in order; cycles
 * are impossible in a validated set, and `maxDepth` bounds the work anyway.
 */
export function resolveEquivalences(
  rules: readonly CourseEquivalenceRule[],
  options: { targetInstitutionId?: string; maxDepth?: number } = {},
): CourseEquivalence[] {
  const maxDepth = options.maxDepth ?? 8;
  const out = new Map<string, CourseEquivalenceRule[]>();
  for (const r of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = out.get(refOf(r.source)) ?? [];
    list.push(r);
    out.set(refOf(r.source), list);
  }
  const result: CourseEquivalence[] = [];
  for (const from of [...out.keys()].sort()) {
    const seen = new Set<string>([from]);
    let frontier: Array<{ at: string; chain: CourseEquivalenceRule[] }> = [{ at: from, chain: [] }];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const f of frontier) {
        for (const r of out.get(f.at) ?? []) {
          const to = refOf(r.target);
          if (seen.has(to)) continue;
          seen.add(to);
          const chain = [...f.chain, r];
          next.push({ at: to, chain });
          if (options.targetInstitutionId && r.target.institutionId !== options.targetInstitutionId)
            continue;
          result.push({
            from,
            to,
            ruleId: r.id,
            ruleVersion: r.version,
            chain: chain.map((c) => ({ id: c.id, version: c.version })),
            path: [from, ...chain.map((c) => refOf(c.target))],
            automatic: chain.length === 1 && r.automatic,
            minGrades: chain.flatMap((c) => (c.minGrade ? [c.minGrade] : [])),
            rule: r,
          });
        }
      }
      frontier = next;
    }
  }
  return result;
}

/**
 * Classes of courses that are one learning: every course joined to another by an equivalence rule,
 * transitively and under any version of any rule (a course once declared equivalent stays the same
 * learning when a later version points elsewhere). Each class is sorted; classes of one are omitted.
 */
export function equivalenceClasses(rules: readonly CourseEquivalenceRule[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    while (parent.has(x) && parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const r of rules) {
    const [a, b] = [refOf(r.source), refOf(r.target)];
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const classes = new Map<string, string[]>();
  for (const ref of parent.keys()) {
    const root = find(ref);
    classes.set(root, [...(classes.get(root) ?? []), ref]);
  }
  return [...classes.values()]
    .filter((c) => c.length > 1)
    .map((c) => c.sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
