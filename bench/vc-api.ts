// VC API benchmark: issuing and verifying in process vs over HTTP, and verify latency at 50 concurrent requests.
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM, type Actor } from '../domain/identity/index.ts';
import { benchEnv, fmt, percentile, row, time } from './harness.ts';

// Distinct credentials, so nothing is verified twice: WARM_UP of them first (the workers' code gets
// optimised: after 400 they verified ~1,100/s, after 1,500 ~1,340/s, after 3,000 ~1,500/s, as a
// server that has been up a while does), then MEASURED for the figures.
const WARM_UP = 3000;
const MEASURED = 3000;
const CONCURRENCY = 50;

export async function benchVcApi(): Promise<void> {
  const env = await benchEnv('vcapi');
  const { app } = (await import('../api/server.ts')).buildApp(
    env.services,
    (await import('../api/logger.ts')).createLogger('silent'),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const s = env.services;
    const inst = await s.institutions.register(SYSTEM, {
      slug: 'bench-u',
      name: { zh: '基准大学', en: 'Bench University' },
      type: 'university',
      region: 'CN',
      accreditation: [
        { qualificationType: 'course_certificate', levels: [] },
        { qualificationType: 'training_certificate', levels: [] },
      ],
    });
    const { learner } = await s.learners.register(SYSTEM, {
      nationalId: 'VCBENCH00001',
      name: 'Bench Learner',
    });
    const staff: Actor = { kind: 'staff', userId: 'bench', institutionId: inst.id };
    const o = await s.ledger.recordAchievement(staff, inst.id, {
      learnerId: learner.id,
      sourceRecordId: 'VC-1',
      kind: 'training',
      title: { zh: '数据安全培训', en: 'Data security training' },
      credits: 1,
      creditSystem: 'CN',
      category: 'general',
      level: 5,
      earnedAt: '2024-05-01',
    });
    const entryId = o.status === 'conflict' ? '' : o.entry.id;
    const apiKey = (await s.accounts.createApiKey(SYSTEM, inst.id, 'bench', ['credentials:issue']))
      .token;
    const issueOne = () =>
      s.credentials.issue(staff, {
        institutionId: inst.id,
        learnerId: learner.id,
        what: { kind: 'achievement', entryId },
      });
    await issueOne(); // warm caches: contexts, keys, status list slot

    console.log('\nIssuing (eddsa-rdfc-2022, one at a time)');
    const n = 60;
    const inProc = await time(async () => {
      for (let i = 0; i < n; i++) await issueOne();
    });
    const body = JSON.stringify({
      credential: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: s.keys.didOf(inst),
        name: 'Data security training',
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            id: 'https://bench.example/a/1',
            type: ['Achievement'],
            achievementType: 'Course',
            name: 'Data security',
            description: 'Training',
            criteria: { narrative: 'Attend' },
          },
        },
      },
      options: { learnerId: learner.id },
    });
    const overHttp = await time(async () => {
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${base}/credentials/issue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body,
        });
        if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
      }
    });
    const rIn = n / (inProc.ms / 1000);
    const rHttp = n / (overHttp.ms / 1000);
    row('in process: CredentialService.issue (baseline)', `${fmt(rIn, 0)} /s`, '1.00x');
    row(
      'over HTTP: POST /credentials/issue',
      `${fmt(rHttp, 0)} /s`,
      `${(rHttp / rIn).toFixed(2)}x`,
    );

    // Distinct credentials to verify.
    const issueClass = async (format: 'eddsa-rdfc-2022' | 'vc+jwt') =>
      (
        await s.credentials.issueMany(
          staff,
          Array.from({ length: WARM_UP + MEASURED }, () => ({
            institutionId: inst.id,
            learnerId: learner.id,
            what: { kind: 'achievement' as const, entryId },
            format,
          })),
        )
      ).flatMap((r) => ('credential' in r ? [r.credential.serialized] : []));
    const credentials = await issueClass('eddsa-rdfc-2022');

    console.log(
      `\nVerifying (all checks: proof, status, dates, registry, key; ${s.config.verifyWorkers} verification workers)`,
    );
    const m = 100;
    for (let i = 0; i < m; i++) await s.credentials.verifyCredential(JSON.parse(credentials[i]!));
    const vIn = await time(async () => {
      for (let i = 0; i < m; i++) {
        const rep = await s.credentials.verifyCredential(JSON.parse(credentials[m + i]!));
        if (!rep.verified) throw new Error('not verified');
      }
    });
    const post = async (c: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/credentials/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"verifiableCredential":${c}}`,
      });
      if (res.status !== 200) throw new Error(`verify failed: ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    const vHttp = await time(async () => {
      for (let i = 0; i < m; i++) await post(credentials[2 * m + i]!);
    });
    const rvIn = m / (vIn.ms / 1000);
    const rvHttp = m / (vHttp.ms / 1000);
    row('in process: CredentialService.verifyCredential (baseline)', `${fmt(rvIn, 0)} /s`, '1.00x');
    row(
      'over HTTP: POST /credentials/verify, one at a time',
      `${fmt(rvHttp, 0)} /s`,
      `${(rvHttp / rvIn).toFixed(2)}x`,
    );

    // 50 requests in flight at all times, each credential verified once; Data Integrity, then JWT.
    const load = async (bodies: string[]) => {
      // The load comes from another process, as it would in production.
      const dir = await mkdtemp(path.join(os.tmpdir(), 'creditbank-load-'));
      const file = path.join(dir, 'bodies.json');
      await writeFile(file, JSON.stringify(bodies.map((c) => `{"verifiableCredential":${c}}`)));
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [
          fileURLToPath(new URL('./load-client.mjs', import.meta.url)),
          `${base}/credentials/verify`,
          String(CONCURRENCY),
          file,
        ]);
        let text = '';
        child.stdout.on('data', (c: Buffer) => (text += c.toString()));
        child.stderr.on('data', (c: Buffer) => (text += c.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
      });
      await rm(dir, { recursive: true, force: true });
      return JSON.parse(out) as { latencies: number[]; totalMs: number; cpuMs: number };
    };
    const concurrent = async (label: string, all: string[]) => {
      await load(all.slice(0, WARM_UP));
      const cpu0 = process.cpuUsage();
      const { latencies, totalMs, cpuMs } = await load(all.slice(WARM_UP));
      const cpu = process.cpuUsage(cpu0);
      const rate = latencies.length / (totalMs / 1000);
      const single = 1000 / rvHttp;
      row(
        `${label} at ${CONCURRENCY} concurrent: p50`,
        `${fmt(percentile(latencies, 50), 1)} ms`,
        `${(percentile(latencies, 50) / single).toFixed(2)}x`,
      );
      row(
        `${label} at ${CONCURRENCY} concurrent: p99`,
        `${fmt(percentile(latencies, 99), 1)} ms`,
        `${(percentile(latencies, 99) / single).toFixed(2)}x`,
        'target < 50 ms',
      );
      row(
        `${label} at ${CONCURRENCY} concurrent: max`,
        `${fmt(Math.max(...latencies), 1)} ms`,
        `${(Math.max(...latencies) / single).toFixed(2)}x`,
      );
      row(
        `${label} at ${CONCURRENCY} concurrent: throughput`,
        `${fmt(rate, 0)} /s`,
        `${(rate / rvHttp).toFixed(2)}x`,
      );
      row(
        `${label}: server CPU per verification (all threads)`,
        `${fmt((cpu.user + cpu.system) / 1000 / latencies.length, 2)} ms`,
      );
      row(
        `${label}: load client CPU per request (same cores)`,
        `${fmt(cpuMs / latencies.length, 2)} ms`,
      );
    };
    await concurrent('Data Integrity over HTTP', credentials);
    const jwts = await issueClass('vc+jwt');
    await concurrent(
      'vc+jwt over HTTP',
      jwts.map((jwt) => JSON.stringify(jwt)),
    );
    console.log(
      `  (latency ratios are against one Data Integrity request alone: ${fmt(1000 / rvHttp, 1)} ms)`,
    );
  } finally {
    await new Promise((r) => server.close(r));
    await env.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchVcApi();
