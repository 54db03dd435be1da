// `npm run bench -- scale` (not in CI): grows the database to 10k / 100k / 1M entries by bulk import and times a learner's hot paths at each size.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { seedDemo } from '../domain/demo/index.ts';
import { SYSTEM, type Actor } from '../domain/identity/index.ts';
import { benchEnv, fmt, percentile, rng, row, type BenchEnv } from './harness.ts';

export const ENTRIES_PER_LEARNER = 10;
const SAMPLES = 40;

/**
 * Learners inserted straight into the collection, with the credit accounts registration opens for
 * them (on another app node, so the importing one has not seen them): the import, not
 * registration, is measured.
 */
export async function addLearners(
  env: BenchEnv,
  from: number,
  to: number,
  ids: string[],
): Promise<void> {
  const now = new Date().toISOString();
  for (let start = from; start < to; start += 2000) {
    const docs = [];
    for (let i = start; i < Math.min(to, start + 2000); i++) {
      const id = randomUUID();
      ids.push(id);
      docs.push({
        _id: id,
        idHash: `scale-${i}`,
        name: `Learner ${i}`,
        createdAt: now,
        createdBy: { kind: 'system', id: 'bench' },
      });
    }
    await env.db.models.Learner.collection.insertMany(docs as never[], { ordered: false });
    await env.otherNode().ledger.openAccounts(docs.map((d) => d._id));
  }
}

/** JSON lines as a student information system exports them: each learner's records together. */
export function* importRows(ids: string[], from: number, to: number): Generator<string> {
  const categories = ['major', 'general', 'elective'];
  for (let i = from; i < to; i++) {
    let chunk = '';
    for (let k = 0; k < ENTRIES_PER_LEARNER; k++) {
      chunk += `${JSON.stringify({
        sourceRecordId: `S-${i}-${k}`,
        learnerId: ids[i],
        kind: 'training',
        titleZh: `培训 ${k}`,
        titleEn: `Training ${k}`,
        credits: 3,
        creditSystem: 'CN',
        category: categories[k % 3],
        level: 6,
        earnedAt: `20${10 + (k % 10)}-06-30`,
      })}\n`;
    }
    yield chunk;
  }
}

async function sample(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const figures = new Map<string, number[]>();

function report(label: string, ms: number[], size: number, first: number): void {
  const p50 = percentile(ms, 50);
  const p99 = percentile(ms, 99);
  const key = label;
  const base = figures.get(key);
  if (size === first) figures.set(key, [p50, p99]);
  const ratio = base ? `${(p50 / base[0]!).toFixed(2)}x` : '1.00x';
  row(
    `  ${label} p50 / p99`,
    `${fmt(p50, 1)} / ${fmt(p99, 1)} ms`,
    ratio,
    base ? 'target ≤ 2x' : '',
  );
}

export async function benchScale(): Promise<void> {
  const sizes = (process.env['SCALE_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
  const deadline = Date.now() + Number(process.env['SCALE_MINUTES'] ?? 60) * 60_000;
  const env = await benchEnv('scale');
  const s = env.services;
  try {
    await seedDemo(s, () => {});
    const inst = await s.institutions.register(SYSTEM, {
      slug: 'scale-open-u',
      name: { zh: '规模开放大学', en: 'Scale Open University' },
      type: 'open_university',
      region: 'CN',
      accreditation: [{ qualificationType: 'bachelor', levels: [] }],
    });
    const staff: Actor = { kind: 'staff', userId: 'bench', institutionId: inst.id };
    const programmeId = 'kr-cb-ba-business';
    const ids: string[] = [];
    const random = rng(20);
    console.log(
      `A province on one machine: ${ENTRIES_PER_LEARNER} entries per learner, imported as JSON lines through BulkImporter; ${SAMPLES} sampled learners per figure (ratios: p50 against the first size)`,
    );
    let extra = 0;
    for (const size of sizes) {
      if (Date.now() > deadline) {
        console.log(`\n(stopped before ${fmt(size, 0)} entries: SCALE_MINUTES ran out)`);
        break;
      }
      const learnersBefore = ids.length;
      const learnersAfter = size / ENTRIES_PER_LEARNER;
      await addLearners(env, learnersBefore, learnersAfter, ids);
      let peak = process.memoryUsage.rss();
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
      const t0 = performance.now();
      const imported = await s.importer.import(
        staff,
        inst.id,
        Readable.from(importRows(ids, learnersBefore, learnersAfter)),
        { format: 'jsonl', batchSize: 2000 },
      );
      const importMs = performance.now() - t0;
      clearInterval(timer);
      if (imported.failed) throw new Error(`import failed: ${JSON.stringify(imported.errors[0])}`);
      const rowsPerS = imported.rows / (importMs / 1000);
      const total = size + extra;
      console.log(`\n${fmt(total, 0)} entries, ${fmt(ids.length, 0)} learners`);
      row(
        `  import of ${fmt(imported.rows, 0)} rows`,
        `${fmt(rowsPerS, 0)} rows/s`,
        '',
        'target ≥ 5,000 rows/s',
      );
      row('  peak RSS during the import', `${fmt(peak / 2 ** 20, 0)} MB`);

      const pick = () => ids[Math.floor(random() * ids.length)]!;
      const learners = Array.from({ length: SAMPLES }, pick);
      const first = sizes[0]!;
      report(
        'append (one achievement)',
        await sample(SAMPLES, (i) =>
          s.ledger.recordAchievement(staff, inst.id, {
            learnerId: learners[i]!,
            sourceRecordId: `A-${size}-${i}`,
            kind: 'training',
            title: { en: 'Extra training' },
            credits: 1,
            creditSystem: 'CN',
            category: 'general',
            level: 6,
            earnedAt: '2024-06-30',
          }),
        ),
        size,
        first,
      );
      extra += SAMPLES;
      const asLearner = (id: string): Actor => ({
        kind: 'learner',
        userId: 'bench',
        learnerId: id,
      });
      report(
        'record page (first 50)',
        await sample(SAMPLES, (i) =>
          s.ledger.record(asLearner(learners[i]!), learners[i]!, { first: 50 }),
        ),
        size,
        first,
      );
      report(
        'credit account',
        await sample(SAMPLES, (i) => s.ledger.account(asLearner(learners[i]!), learners[i]!)),
        size,
        first,
      );
      report(
        'chain check',
        await sample(SAMPLES, (i) => s.ledger.verify(asLearner(learners[i]!), learners[i]!)),
        size,
        first,
      );
      // Cold: the learner's first audit after a new entry; warm: the same audit again.
      const coldLearners = Array.from({ length: SAMPLES }, pick);
      for (const [i, id] of coldLearners.entries()) {
        await s.ledger.recordAchievement(staff, inst.id, {
          learnerId: id,
          sourceRecordId: `C-${size}-${i}`,
          kind: 'training',
          title: { en: 'Another training' },
          credits: 1,
          creditSystem: 'CN',
          category: 'major',
          level: 6,
          earnedAt: '2024-06-30',
        });
      }
      extra += SAMPLES;
      report(
        'audit, cold (after a new entry)',
        await sample(SAMPLES, (i) => s.audits.audit(SYSTEM, coldLearners[i]!, programmeId)),
        size,
        first,
      );
      report(
        'audit, warm (again)',
        await sample(SAMPLES, (i) => s.audits.audit(SYSTEM, coldLearners[i]!, programmeId)),
        size,
        first,
      );
      const issued: string[] = [];
      report(
        'issue one credential',
        await sample(SAMPLES, async (i) => {
          const c = await s.credentials.issue(staff, {
            institutionId: inst.id,
            learnerId: learners[i]!,
            requestKey: `D-${size}-${i}`,
            what: {
              kind: 'qualification',
              qualificationType: 'bachelor',
              name: { en: 'Bachelor of Arts' },
            },
          });
          issued.push(c.serialized);
        }),
        size,
        first,
      );
      extra += SAMPLES;
      report(
        'verify one credential',
        await sample(SAMPLES, async (i) => {
          const r = await s.credentials.verifyCredential(JSON.parse(issued[i]!));
          if (!r.verified) throw new Error('a credential did not verify');
        }),
        size,
        first,
      );
    }
  } finally {
    await env.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScale();
  process.exit(0);
}
