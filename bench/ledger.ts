// Ledger benchmark: hash-chained appends vs a raw insertMany, and the credit account at 1k vs 10k entries.
import { randomUUID } from 'node:crypto';
import { SYSTEM } from '../domain/identity/index.ts';
import type { AchievementInput } from '../domain/ledger/index.ts';
import { benchEnv, fmt, percentile, row, time } from './harness.ts';

const N = 20_000;
const LEARNERS = 200;
const BATCH = 1000; // what the bulk import uses (domain/ledger/importer.ts)

function rows(learners: string[], prefix: string, count: number): AchievementInput[] {
  return Array.from({ length: count }, (_, i) => ({
    learnerId: learners[i % learners.length]!,
    sourceRecordId: `${prefix}-${i}`,
    kind: 'training',
    title: { zh: `培训模块 ${i}`, en: `Training module ${i}` },
    credits: 1 + (i % 4) * 0.5,
    creditSystem: 'CN',
    category: i % 3 ? 'major' : 'general',
    level: 3 + (i % 3),
    hours: 16,
    grade: { score: 60 + (i % 40) },
    earnedAt: `20${10 + (i % 14)}-0${1 + (i % 9)}-15`,
  }));
}

export async function benchLedger(): Promise<void> {
  const env = await benchEnv('ledger');
  try {
    const s = env.services;
    const inst = await s.institutions.register(SYSTEM, {
      slug: 'bench-u',
      name: { zh: '基准大学', en: 'Bench University' },
      type: 'university',
      region: 'CN',
      accreditation: [],
    });
    const learners: string[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      learners.push(
        (
          await s.learners.register(SYSTEM, {
            nationalId: `BENCH${String(i).padStart(8, '0')}`,
            name: `L${i}`,
          })
        ).learner.id,
      );
    }

    // Baseline: the same documents (shape and size), with the same indexes, inserted raw.
    const baseline = env.db.connection.collection('bench_raw_entries');
    await baseline.createIndexes([
      { key: { learnerId: 1, seq: 1 }, unique: true },
      { key: { idempotencyKey: 1 }, unique: true },
      { key: { institutionId: 1, recordedAt: 1 } },
      { key: { targetEntryId: 1 } },
      { key: { institutionId: 1, 'body.statusList': 1 } },
    ]);
    const sample = await s.ledger.recordBatch(
      SYSTEM,
      inst.id,
      rows(learners.slice(0, 1), 'warm', 1),
    );
    const template = sample[0]!.status === 'created' ? sample[0]!.entry : null;
    const docs = rows(learners, 'raw', N).map((r, i) => ({
      _id: `${r.learnerId}:${i}`,
      learnerId: r.learnerId,
      seq: i,
      prevHash: template!.prevHash,
      hash: template!.hash,
      institutionId: inst.id,
      actor: { kind: 'system', id: 'system' },
      recordedAt: new Date().toISOString(),
      idempotencyKey: `${inst.id}:${r.sourceRecordId}`,
      body: { ...template!.body, id: randomUUID() },
    }));
    const raw = await time(async () => {
      for (let i = 0; i < docs.length; i += BATCH)
        await baseline.insertMany(docs.slice(i, i + BATCH) as never[], { ordered: true });
    });

    const input = rows(learners, 'chain', N);
    const ours = await time(async () => {
      for (let i = 0; i < input.length; i += BATCH)
        await s.ledger.recordBatch(SYSTEM, inst.id, input.slice(i, i + BATCH));
    });
    const rawRate = N / (raw.ms / 1000);
    const ourRate = N / (ours.ms / 1000);
    console.log(
      `\nLedger appends (${fmt(N, 0)} achievements, ${LEARNERS} learners, batches of ${BATCH})`,
    );
    row('baseline: raw insertMany of equivalent documents', `${fmt(rawRate, 0)} docs/s`, '1.00x');
    row(
      'ours: recordBatch (validated, idempotent, hash-chained)',
      `${fmt(ourRate, 0)} docs/s`,
      `${(ourRate / rawRate).toFixed(2)}x`,
      'target >= 0.5x',
    );

    // Credit account through GraphQL at 1,000 and 10,000 entries.
    const sizes = [1_000, 10_000];
    const p50: number[] = [];
    for (const size of sizes) {
      const { learner } = await s.learners.register(SYSTEM, {
        nationalId: `BIGACCOUNT${size}`,
        name: `Big ${size}`,
      });
      const big = rows([learner.id], `big${size}`, size);
      for (let i = 0; i < big.length; i += 1000)
        await s.ledger.recordBatch(SYSTEM, inst.id, big.slice(i, i + 1000));
      const query = JSON.stringify({
        query: `query($l: ID!) { creditAccount(learnerId: $l) { ... on CreditAccount { achievements totals { credits } byCategory { key credits } byLevel { key credits } byInstitution { key credits } expired { credits } } } }`,
        variables: { l: learner.id },
      });
      const operator = await s.accounts.createOperator(SYSTEM, {
        email: `bench${size}@x.example`,
        name: 'op',
        password: 'bench-password-1',
      });
      const token = (await s.tokens.issue(operator)).token;
      const samples: number[] = [];
      for (let i = 0; i < 60; i++) {
        const { ms } = await time(async () => {
          const res = await env.yoga.fetch('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: query,
          });
          const json = (await res.json()) as { data: { creditAccount: { achievements: number } } };
          if (json.data.creditAccount.achievements !== size) throw new Error('wrong account');
        });
        if (i >= 10) samples.push(ms);
      }
      p50.push(percentile(samples, 50));
    }
    console.log('\nCredit account through yoga.fetch (p50 of 50 requests)');
    row('learner with 1,000 entries (baseline)', `${fmt(p50[0]!, 2)} ms`, '1.00x');
    row(
      'learner with 10,000 entries',
      `${fmt(p50[1]!, 2)} ms`,
      `${(p50[1]! / p50[0]!).toFixed(2)}x`,
      'target <= 10x',
    );
  } finally {
    await env.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLedger();
