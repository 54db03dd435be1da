import { SYSTEM } from '../domain/identity/index.ts';
import { benchEnv } from '../bench/harness.ts';
const env = await benchEnv('prof');
const s = env.services;
const inst = await s.institutions.register(SYSTEM, { slug: 'p-u', name: { zh: 'P', en: 'P' }, type: 'university', region: 'CN-ZJ', accreditation: [] });
await s.catalogue.define(SYSTEM, inst.id, { code: 'C1', title: { zh: '课', en: 'C' }, credits: 2, creditSystem: 'CN', level: 6, category: 'major' });
const { learner } = await s.learners.register(SYSTEM, { nationalId: '330106199901019999', name: 'x' });
for (let i = 0; i < 2000; i += 500)
  await s.ledger.recordBatch(SYSTEM, inst.id, Array.from({ length: 500 }, (_, k) => ({ learnerId: learner.id, sourceRecordId: `B-${i + k}`, kind: 'course' as const, courseCode: 'C1', earnedAt: '2024-06-30', grade: { score: 70 } })));
for (let rep = 0; rep < 3; rep++) {
  let t0 = performance.now(); let after: string | null = null; let n = 0;
  for (;;) { const p = await s.ledger.record(SYSTEM, learner.id, { first: 200, after }); n += p.items.length; if (!p.nextCursor) break; after = p.nextCursor; }
  console.log('domain record pages', n, (performance.now() - t0).toFixed(0), 'ms');
  const { models } = (env as any).db ?? {};
  t0 = performance.now();
  console.log('keys', Object.keys(env));
}
await env.close?.();
process.exit(0);
