// Batch issuing through the service (store, status slot, ledger entry) against pure signing measured in the same run.
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { issueCredential } from '../credentials/index.ts';
import { SYSTEM, type Actor } from '../domain/identity/index.ts';
import type { IssueRequest } from '../domain/issuance/index.ts';
import { benchEnv, fmt, row, type BenchEnv } from './harness.ts';

/** Registers `count` learners straight into the collection (setup, not measured). */
async function seedLearners(env: BenchEnv, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 1000) {
    const docs = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const id = randomUUID();
      ids.push(id);
      docs.push({
        _id: id,
        idHash: `${prefix}-${i}`,
        name: `Graduate ${i}`,
        createdAt: now,
        createdBy: { kind: 'system', id: 'bench' },
      });
    }
    await env.db.models.Learner.collection.insertMany(docs as never[], { ordered: false });
    // The credit accounts registration opens, on another app node (see bench/scale.ts).
    await env.otherNode().ledger.openAccounts(docs.map((d) => d._id));
  }
  return ids;
}

async function peakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const value = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchIssuing(classSize = Number(process.env['CLASS_SIZE'] ?? 10_000)) {
  const env = await benchEnv('issuing');
  try {
    const s = env.services;
    const inst = await s.institutions.register(SYSTEM, {
      slug: 'bench-grad',
      name: { zh: '基准大学', en: 'Bench University' },
      type: 'university',
      region: 'CN',
      accreditation: [{ qualificationType: 'bachelor', levels: [] }],
    });
    const staff: Actor = { kind: 'staff', userId: 'bench', institutionId: inst.id };
    const req = (learnerId: string, i: number): IssueRequest => ({
      institutionId: inst.id,
      learnerId,
      requestKey: `diploma-${i}`,
      what: {
        kind: 'qualification',
        qualificationType: 'bachelor',
        name: { zh: '工学学士', en: 'Bachelor of Engineering' },
        fieldOfStudy: 'Computer Science',
      },
    });
    const warm = await seedLearners(env, 300, 'warm');
    await s.credentials.issueMany(
      staff,
      warm.map((id, i) => ({ ...req(id, i), requestKey: `w${i}` })),
    );

    // Pure signing: the same credential built and signed on one thread, nothing stored.
    const key = await s.keys.activeKey(inst.id, 'Ed25519');
    const sample = JSON.parse(
      (await s.credentials.issue(staff, req(warm[0]!, -1))).serialized,
    ) as Record<string, unknown>;
    delete sample['proof'];
    const signOnce = () =>
      issueCredential({
        credential: { ...sample, id: `urn:uuid:${randomUUID()}` },
        key,
        kek: env.services.config.keyEncryptionKey,
        format: 'eddsa-rdfc-2022',
        documentLoader: s.documentLoader,
      });
    for (let i = 0; i < 500; i++) await signOnce();
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await signOnce();
    const signRate = n / ((performance.now() - t0) / 1000);

    const learners = await seedLearners(env, classSize, 'class');
    const reqs = learners.map((id, i) => req(id, i));
    const t1 = performance.now();
    const { value: results, peakMb } = await peakRss(() => s.credentials.issueMany(staff, reqs));
    const batchMs = performance.now() - t1;
    const created = results.filter((r) => 'credential' in r && r.created).length;
    if (created !== classSize) throw new Error(`issued ${created} of ${classSize}`);
    const batchRate = classSize / (batchMs / 1000);

    const t2 = performance.now();
    const again = await s.credentials.issueMany(staff, reqs);
    const rerunMs = performance.now() - t2;
    if (again.some((r) => !('credential' in r) || r.created))
      throw new Error('a re-run issued something again');

    console.log(
      `Batch issuing a class of ${fmt(classSize, 0)} (bachelor diplomas, eddsa-rdfc-2022)`,
    );
    row('baseline: pure signing, one thread (build + sign)', `${fmt(signRate, 0)} /s`, '1.00x');
    row(
      'issueMany: sign + store + status slot + ledger entry',
      `${fmt(batchRate, 0)} /s`,
      `${(batchRate / signRate).toFixed(2)}x`,
      'target ≥ 0.25x',
    );
    row('  peak RSS while issuing the class', `${fmt(peakMb, 0)} MB`);
    row('  re-run of the whole class (nothing issued twice)', `${fmt(rerunMs / 1000, 2)} s`);

    // Flat memory: a class streamed through as the CLI issues it (`collect: false`, each chunk's
    // rows handed on and dropped), the live heap read after a full collection every 2 s.
    const gc = () => (global.gc ?? (() => {}))();
    let base: number | undefined;
    for (const size of [classSize / 2, classSize]) {
      const members = await seedLearners(env, size, `stream${size}`);
      const stream = members.map((id, i) => ({ ...req(id, i), requestKey: `stream-${size}-${i}` }));
      gc();
      const heap0 = process.memoryUsage().heapUsed;
      let live = heap0;
      const sampler = setInterval(() => {
        gc();
        live = Math.max(live, process.memoryUsage().heapUsed);
      }, 2000);
      let issued = 0;
      try {
        await s.credentials.issueStream(staff, stream, {
          collect: false,
          onRows: (rows) => {
            issued += rows.filter((r) => 'credential' in r && r.created).length;
          },
        });
      } finally {
        clearInterval(sampler);
      }
      if (issued !== size) throw new Error(`streamed ${issued} of ${size}`);
      const mb = (live - heap0) / 2 ** 20;
      base ??= mb;
      row(
        `  live heap above the start, streaming a class of ${fmt(size, 0)}`,
        `${fmt(mb, 1)} MB`,
        `${(mb / base).toFixed(2)}x`,
        size === classSize / 2 ? '' : 'flat: ≤ 1.5x the half class',
      );
    }
  } finally {
    await env.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchIssuing();
  process.exit(0);
}
