// Benchmark: the pure degree audit on synthetic learners of 200, 2,000 and 20,000 items (Korean bachelor's).
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { auditProgramme } from '../ledger/audit/audit.ts';
import type { CreditItem } from '../ledger/audit/types.ts';
import { KR_CB_BACHELOR, SEED_INSTITUTIONS } from '../ledger/programmes/seed.ts';
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

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchAudit(): Promise<void> {
  const sizes: Array<[number, number]> = [
    [200, 200],
    [2_000, 60],
    [20_000, 12],
  ];
  const medians = new Map<number, number>();
  for (const [n, runs] of sizes) {
    const items = syntheticLearner(n);
    const audit = () => auditProgramme({ items, programme: KR_CB_BACHELOR, asOf: '2024-01-01' });
    const first = audit();
    for (let i = 0; i < 3; i++) audit();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      audit();
      times.push(performance.now() - t0);
      // Yield so that a caller's event loop (the lead's bench runner) stays responsive.
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    medians.set(n, p50(times));
    console.log(
      `audit ${String(n).padStart(6)} items: p50 ${p50(times).toFixed(2)} ms over ${runs} runs ` +
        `(counted ${first.totals.counted / 100} credits, ${first.excluded.length} excluded, passed ${first.passed}, exact ${first.solver.exact})`,
    );
  }
  const ratio = (a: number, b: number) => (medians.get(a)! / medians.get(b)!).toFixed(1);
  console.log(
    `growth 2,000/200: ${ratio(2_000, 200)}x for 10x items; 20,000/2,000: ${ratio(20_000, 2_000)}x for 10x items`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAudit();
}
