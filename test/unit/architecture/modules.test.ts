// The domain's capability modules: the declared table is acyclic and the code imports only what it declares.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import DOMAIN_MODULES from '../../../domain/modules.json' with { type: 'json' };

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '../../..'));
const table: Record<string, string[]> = DOMAIN_MODULES;

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative import specifiers of a file (static imports, re-exports and dynamic imports). */
function relativeImports(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map(
    (m) => m[1]!,
  );
}

/** One cycle of the graph as a path that ends where it starts, or null when it has none. */
function findCycle(graph: Record<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** The modules each domain module really imports, and every import that breaks the rules. */
function actualGraph() {
  const graph: Record<string, string[]> = {};
  const violations: string[] = [];
  for (const file of tsFiles('domain')) {
    const from = file.split('/')[1]!;
    graph[from] ??= [];
    for (const spec of relativeImports(file)) {
      const target = relative(root, normalize(join(root, dirname(file), spec)));
      const parts = target.split('/');
      if (parts[0] !== 'domain') {
        if (parts[0] !== 'credentials')
          violations.push(`${file} imports ${spec} (outside domain/)`);
        continue;
      }
      const to = parts[1]!;
      if (to === from) continue;
      if (parts.length !== 3 || parts[2] !== 'index.ts')
        violations.push(`${file} imports ${spec} (not the module's index.ts)`);
      if (!table[from]?.includes(to))
        violations.push(`${file} imports ${spec} (${to} not allowed)`);
      if (!graph[from].includes(to)) graph[from].push(to);
    }
  }
  return { graph, violations };
}

describe('domain modules', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle({ a: ['b', 'c'], b: ['c'], c: [] })).toBeNull();
  });

  it('declares every folder of domain/, each with an index.ts, and nothing else', () => {
    const folders = readdirSync(join(root, 'domain')).filter((n) =>
      statSync(join(root, 'domain', n)).isDirectory(),
    );
    expect(folders.sort()).toEqual(Object.keys(table).sort());
    for (const m of folders)
      expect(statSync(join(root, 'domain', m, 'index.ts')).isFile()).toBe(true);
    for (const deps of Object.values(table)) for (const d of deps) expect(table).toHaveProperty(d);
  });

  it('declares no cycle between modules', () => {
    expect(findCycle(table)).toBeNull();
  });

  it('imports other modules only through their index.ts, only as declared, and without cycles', () => {
    const { graph, violations } = actualGraph();
    expect(violations).toEqual([]);
    expect(findCycle(graph)).toBeNull();
  });

  it('is used from outside domain/ only through the modules index.ts', () => {
    const outside = ['api', 'storage', 'scripts', 'bench', 'embedded-db'].flatMap(tsFiles);
    const deep = outside.flatMap((file) =>
      relativeImports(file)
        .filter((spec) => /(^|\/)domain\/[^/]+\/(?!index\.ts$)/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(deep).toEqual([]);
  });
});
