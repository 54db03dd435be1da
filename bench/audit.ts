// Benchmark: the pure degree audit on synthetic learners of 200, 2,000 and 20,000 items (Korean bachelor's).
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { auditProgramme } from '../domain/audit/index.ts';
import type { CreditItem } from '../domain/recognition/index.ts';
import { KR_CB_BACHELOR, SEED_INSTITUTIONS } from '../domain/programmes/index.ts';
import { rng } from './harness.ts';

/** Deterministic PRNG (mulberry32): every run audits the same learners. */

const INSTITUTIONS = [
  SEED_INSTITUTIONS.krCreditBank,
  SEED_INSTITUTIONS.krPartnerSeoul,
  SEED_INSTITUTIONS.krPartnerBusan,
  SEED_INSTITUTIONS.krHanbitCollege,
  'kr-open-university',
  'kr-daehan-college',
  'kr-minguk-cyber-univ',
  'kr-training-centre',
];

/** A learner with `n` items over 2000–2023: mostly 3-credit courses, some cross-listed, some failed. */
export function syntheticLearner(n: number, seed = n): CreditItem[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const year = 2000 + Math.floor(r() * 24);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const category = pick(['major', 'major', 'general', 'elective']);
    const score = 50 + Math.floor(r() * 51);
    return {
      entryId: `bench-${seed}-${i}`,
      seq: i,
      institutionId: pick(INSTITUTIONS),
      kind: 'course',
      courseCode: `C${i}`,
      category,
      ...(r() < 0.1 ? { altCategories: [category === 'general' ? 'major' : 'general'] } : {}),
      level: 1 + Math.floor(r() * 4),
      credits: pick([300, 300, 300, 200, 100]),
      creditSystem: 'KR_CB',
      grade: { score, points: Math.round((score / 100) * 4.5 * 100) / 100, passed: score >= 60 },
      earnedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    } satisfies CreditItem;
  });
}

/**
 * The same learner plus ten over-full semesters (2024-spring … 2028-autumn, 12 three-credit courses
 * each against the 24-credit semester cap) and many equivalents: every fifth course is declared
 * equivalent to another institution's course that the learner also took.
 */
export function hardLearner(n: number): {
  items: CreditItem[];
  equivalentCourses: string[][];
} {
  const items = syntheticLearner(n);
  const extra: CreditItem[] = [];
  for (let s = 0; s < 10; s++) {
    const year = 2014 + Math.floor(s / 2);
    const month = s % 2 === 0 ? '04' : '10';
    for (let k = 0; k < 12; k++) {
      extra.push({
        entryId: `hard-${n}-${s}-${k}`,
        seq: n + s * 12 + k,
        institutionId: INSTITUTIONS[k % INSTITUTIONS.length]!,
        kind: 'course',
        courseCode: `H${s}-${k}`,
        category: k % 3 === 0 ? 'general' : 'major',
        ...(k % 4 === 0 ? { altCategories: ['general'] } : {}),
        level: 3,
        credits: 300,
        creditSystem: 'KR_CB',
        grade: { score: 80, points: 3.6, passed: true },
        earnedAt: `${year}-${month}-${String(1 + k).padStart(2, '0')}`,
      });
    }
  }
  const all = [...items, ...extra];
  const refs = all.map((i) => `${i.institutionId}:${i.courseCode}`);
  const equivalentCourses: string[][] = [];
  for (let i = 0; i + 1 < refs.length; i += 5) equivalentCourses.push([refs[i]!, refs[i + 1]!]);
  return { items: all, equivalentCourses };
}

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchAudit(): Promise<void> {
  const sizes: Array<[number, number]> = [
    [200, 60],
    [2_000, 30],
    [20_000, 6],
  ];
  const medians = new Map<string, number>();
  // The programme as it is, and with a total no record can reach under its caps: the second audit
  // cannot be settled by a fill, so HiGHS must prove the FAIL (its time is printed apart).
  const unreachable = {
    ...KR_CB_BACHELOR,
    id: 'kr-unreachable',
    requirements: {
      ...KR_CB_BACHELOR.requirements,
      children: [
        ...('children' in KR_CB_BACHELOR.requirements ? KR_CB_BACHELOR.requirements.children : []),
        { id: 'huge-total', kind: 'totalCredits' as const, min: 500_000 },
      ],
    },
  };
  for (const [n, runs] of sizes) {
    const { items, equivalentCourses } = hardLearner(n);
    for (const [label, programme] of [
      ['pass', KR_CB_BACHELOR],
      ['fail', unreachable],
    ] as const) {
      const audit = () =>
        auditProgramme({ items, programme, asOf: '2024-01-01', equivalentCourses });
      const first = audit();
      const times: number[] = [];
      const solver: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = audit();
        times.push(performance.now() - t0);
        solver.push(r.solver.ms);
        // Yield so that a caller's event loop (the lead's bench runner) stays responsive.
        if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
      }
      medians.set(`${label}${n}`, p50(times));
      console.log(
        `audit ${label} ${String(items.length).padStart(6)} items (10 over-full semesters, ${equivalentCourses.length} equivalences): ` +
          `p50 ${p50(times).toFixed(2)} ms, of which solver p50 ${p50(solver).toFixed(2)} ms ` +
          `(${first.solver.columns} columns, ${first.solver.rows} rows) over ${runs} runs; ` +
          `verdict ${first.verdict}, counted ${first.totals.counted / 100} credits, ${first.excluded.length} excluded`,
      );
    }
  }
  const base = medians.get('pass200')!;
  console.log(
    `ratios against the 200-item passing audit measured in this run: ` +
      [...medians].map(([k, v]) => `${k} ${(v / base).toFixed(1)}x`).join(', '),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAudit();
}
