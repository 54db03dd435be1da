// Programme validation and the seed programmes; the solver against brute force on small random sets.
import { describe, expect, it } from 'vitest';
import { auditProgramme } from '../../../domain/audit/audit.ts';
import type { CreditItem } from '../../../domain/recognition/credit-items.ts';
import { SEED_PROGRAMMES } from '../../../domain/programmes/seed.ts';
import { ProgrammeInvalid, validateProgramme } from '../../../domain/programmes/validate.ts';
import type { Programme, Requirement, RequirementNode } from '../../../domain/programmes/types.ts';
import { item, programme } from './mother.ts';

const rejects = (p: Programme, message: RegExp) => {
  let err: unknown;
  try {
    validateProgramme(p);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ProgrammeInvalid);
  expect(err).toMatchObject({ code: 'INPUT_VALIDATION_ERROR' });
  expect((err as Error).message).toMatch(message);
};

describe('validateProgramme', () => {
  it('accepts the seed programmes', () => {
    for (const p of SEED_PROGRAMMES) expect(validateProgramme(p)).toEqual(p);
  });

  it('rejects an effectiveFrom that is not a real date', () => {
    const p = programme([{ id: 't', kind: 'totalCredits', min: 1 }]);
    for (const bad of ['2024-13-01', '2023-02-29', '2024-06-31T00:00:00Z', '2024-06-01Tnoon'])
      rejects({ ...p, effectiveFrom: bad }, /effectiveFrom: must be a real date like 2024-03-01/);
    expect(validateProgramme({ ...p, effectiveFrom: '2024-02-29' }).effectiveFrom).toBe(
      '2024-02-29',
    );
  });

  it('rejects a group needing 3 of 2 children', () => {
    const two: RequirementNode[] = [
      { id: 'a', kind: 'totalCredits', min: 100 },
      { id: 'b', kind: 'residency', min: 100 },
    ];
    rejects(
      programme([{ id: 'pick', kind: 'atLeast', n: 3, children: two }]),
      /requirements\.children\[0\] \(pick\): group needs 3 of its children but has only 2/,
    );
  });

  it('rejects negative credits, empty groups, duplicate ids and unknown kinds', () => {
    rejects(
      programme([{ id: 'neg', kind: 'categoryCredits', categories: ['major'], min: -600 }]),
      /\(neg\)\.min: min must not be negative/,
    );
    rejects(
      programme([{ id: 'empty', kind: 'anyOf', children: [] }]),
      /\(empty\): group has no children/,
    );
    rejects(
      programme([
        { id: 'dup', kind: 'totalCredits', min: 1 },
        { id: 'dup', kind: 'residency', min: 1 },
      ]),
      /duplicate requirement id dup/,
    );
    rejects(
      programme([{ id: 'x', kind: 'maxCredits', max: 1 } as unknown as Requirement]),
      /unknown requirement kind "maxCredits"/,
    );
    rejects(
      { ...programme([{ id: 't', kind: 'totalCredits', min: 1 }]), creditSystem: 'UK' as 'CN' },
      /creditSystem: Invalid option/,
    );
  });
});

/** Deterministic PRNG (mulberry32), so a failure names a reproducible seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Best (passed, leaf requirements met) over every kept subset and every bucket assignment. */
function bruteForce(items: CreditItem[], p: Programme): [number, number] {
  const root = p.requirements as { children: Requirement[] };
  const leaves = root.children;
  const buckets = leaves.filter((l) => l.kind === 'categoryCredits');
  let best: [number, number] = [-1, -1];
  const n = items.length;
  for (let s = 0; s < 1 << n; s++) {
    const kept = items.filter((_, i) => (s >> i) & 1);
    const perInst = new Map<string, number>();
    const perYear = new Map<string, number>();
    for (const k of kept) {
      perInst.set(k.institutionId, (perInst.get(k.institutionId) ?? 0) + k.credits);
      perYear.set(k.earnedAt.slice(0, 4), (perYear.get(k.earnedAt.slice(0, 4)) ?? 0) + k.credits);
    }
    const capsOk = leaves.every((l) =>
      l.kind === 'maxPerInstitution'
        ? [...perInst.values()].every((v) => v <= l.max)
        : l.kind === 'maxPerPeriod'
          ? [...perYear.values()].every((v) => v <= l.max)
          : true,
    );
    if (!capsOk) continue;
    const total = kept.reduce((a, k) => a + k.credits, 0);
    const resident = kept
      .filter((k) => k.institutionId === 'home')
      .reduce((a, k) => a + k.credits, 0);
    // Each kept item: bucket index or -1.
    const choices = kept.map((k) => [
      -1,
      ...buckets.flatMap((b, j) =>
        b.kind === 'categoryCredits' &&
        [k.category, ...(k.altCategories ?? [])].some((c) => b.categories.includes(c))
          ? [j]
          : [],
      ),
    ]);
    const idx = choices.map(() => 0);
    for (;;) {
      const filled = buckets.map(() => 0);
      kept.forEach((k, i) => {
        const b = choices[i]![idx[i]!]!;
        if (b >= 0) filled[b]! += k.credits;
      });
      let met = 0;
      for (const l of leaves) {
        if (l.kind === 'totalCredits') met += total >= l.min ? 1 : 0;
        else if (l.kind === 'residency') met += resident >= l.min ? 1 : 0;
        else if (l.kind === 'categoryCredits') met += filled[buckets.indexOf(l)]! >= l.min ? 1 : 0;
        else met += 1;
      }
      const cand: [number, number] = [met === leaves.length ? 1 : 0, met];
      if (cand[0] > best[0] || (cand[0] === best[0] && cand[1] > best[1])) best = cand;
      let j = 0;
      while (j < idx.length && ++idx[j]! >= choices[j]!.length) idx[j++] = 0;
      if (j === idx.length) break;
    }
  }
  return best;
}

describe('the solver is exact on small ambiguous sets', () => {
  it('matches brute force on 300 random learners', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const items = Array.from({ length: 3 + Math.floor(r() * 5) }, (_, i) =>
        item({
          entryId: `i${i}`,
          institutionId: pick(['home', 'u1', 'u1']),
          category: pick(['major', 'general', 'elective']),
          ...(r() < 0.4 ? { altCategories: [pick(['major', 'general'])] } : {}),
          credits: pick([100, 200, 300]),
          earnedAt: `${pick(['2020', '2021'])}-0${1 + i}-15`,
        }),
      );
      const p = programme([
        { id: 'major', kind: 'categoryCredits', categories: ['major'], min: pick([200, 300, 400]) },
        {
          id: 'general',
          kind: 'categoryCredits',
          categories: ['general'],
          min: pick([100, 200, 300]),
        },
        { id: 'total', kind: 'totalCredits', min: pick([500, 700, 900]) },
        { id: 'inst', kind: 'maxPerInstitution', max: pick([300, 500, 700]) },
        { id: 'year', kind: 'maxPerPeriod', period: 'calendarYear', max: pick([400, 600, 800]) },
        { id: 'res', kind: 'residency', min: pick([0, 200, 300]) },
      ]);
      const got = auditProgramme({ items, programme: p, asOf: '2022-01-01' });
      const leavesMet = got.requirements.filter((q) => q.id !== 'root' && q.met).length;
      expect([seed, got.passed ? 1 : 0, leavesMet]).toEqual([seed, ...bruteForce(items, p)]);
    }
  });
});
