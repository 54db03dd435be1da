// `npm install` on the oldest Node the docs name prints no engine warning: every locked package accepts it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];

const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `v` satisfies an npm engines range. Enough of node-semver's grammar for what package
 * authors write there (`>=18`, `^20.19.0 || >=22.12.0`, `18 || 20 || >=22`, `6.* || >= 10.x`, `*`);
 * anything else throws, so that a new form fails this test instead of passing it unread.
 */
function satisfies(v: Version, range: string): boolean {
  // Every comparator is read (no short cut), so that one not understood throws wherever it stands.
  const alternatives = range.split('||').map((alternative) =>
    alternative
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .map((c) => comparatorHolds(v, c)),
  );
  return alternatives.some((holds) => holds.every(Boolean));
}

function comparatorHolds(v: Version, comparator: string): boolean {
  if (comparator === '' || comparator === '*' || comparator === 'x') return true;
  const m = /^(>=|<=|>|<|=|\^|~)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(comparator);
  if (!m) throw new Error(`engines range not understood: ${comparator}`);
  const op = m[1] ?? '';
  const parts = [m[2], m[3], m[4]].map((p) =>
    p === undefined || p === 'x' || p === '*' ? null : Number(p),
  );
  const given = parts.findIndex((p) => p === null);
  const precision = given === -1 ? 3 : given; // how many components were written
  const low: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  // The first version past a partial one: 20 → 21.0.0, 20.19 → 20.20.0.
  const next = (at: number): Version =>
    at === 0
      ? [low[0] + 1, 0, 0]
      : at === 1
        ? [low[0], low[1] + 1, 0]
        : [low[0], low[1], low[2] + 1];
  switch (op) {
    case '>=':
      return cmp(v, low) >= 0;
    case '>':
      return precision === 3 ? cmp(v, low) > 0 : cmp(v, next(precision - 1)) >= 0;
    case '<':
      return cmp(v, low) < 0;
    case '<=':
      return precision === 3 ? cmp(v, low) <= 0 : cmp(v, next(precision - 1)) < 0;
    case '^': {
      const upTo =
        low[0] > 0 || precision === 1 ? next(0) : low[1] > 0 || precision === 2 ? next(1) : next(2);
      return cmp(v, low) >= 0 && cmp(v, upTo) < 0;
    }
    case '~':
      return cmp(v, low) >= 0 && cmp(v, next(precision === 1 ? 0 : 1)) < 0;
    default:
      return precision === 3
        ? cmp(v, low) === 0
        : cmp(v, low) >= 0 && cmp(v, next(precision - 1)) < 0;
  }
}

const json = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('the Node version we document', () => {
  it('reads engines ranges as npm does', () => {
    const v = (s: string) => s.split('.').map(Number) as Version;
    expect(satisfies(v('20.19.0'), '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies(v('20.18.3'), '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies(v('20.19.0'), '>=22')).toBe(false);
    expect(satisfies(v('20.19.0'), '18 || 20 || >=22')).toBe(true);
    expect(satisfies(v('21.0.0'), '18 || 20 || >=22')).toBe(false);
    expect(satisfies(v('20.19.0'), '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies(v('20.19.0'), '^14.21.3 || >=16')).toBe(true);
    expect(satisfies(v('20.19.0'), '>=20.16.0 || >=22.3.0')).toBe(true);
    expect(satisfies(v('20.19.0'), '^18.17.0')).toBe(false);
    expect(satisfies(v('20.19.0'), '~20.18')).toBe(false);
    expect(satisfies(v('20.19.0'), '<20.19')).toBe(false);
    expect(() => satisfies(v('20.19.0'), '20.1 - 22')).toThrow(/not understood/);
  });

  it('is what package.json requires, the README and the operator guide say, and every locked package accepts', async () => {
    const pkg = await json('package.json');
    const required = (pkg['engines'] as { node: string }).node;
    const m = /^>=(\d+)\.(\d+)$/.exec(required);
    expect(m, `engines.node is ${required}`).not.toBeNull();
    const oldest: Version = [Number(m![1]), Number(m![2]), 0];
    const stated = `Node.js ${oldest[0]}.${oldest[1]} or later`;
    expect(await readFile('README.md', 'utf8')).toContain(stated);
    expect(await readFile('docs/guides/operator.md', 'utf8')).toContain(stated);

    // What `npm install` warns about (EBADENGINE) is the engines of each package in the lock file.
    const lock = await json('package-lock.json');
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(
      lock['packages'] as Record<string, { engines?: unknown }>,
    )) {
      const engines = entry.engines;
      const node =
        engines && typeof engines === 'object' && !Array.isArray(engines)
          ? (engines as { node?: unknown }).node
          : undefined;
      if (typeof node === 'string' && !satisfies(oldest, node))
        refusing.push(`${where}: node ${node}`);
    }
    expect(refusing).toEqual([]);
  });
});
