// Benchmark: the degree audit through GraphQL (yoga.fetch, in process) for learners with 200, 2,000
// and 20,000 ledger entries against the Korean credit-bank bachelor's, next to the pure engine.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SYSTEM } from '../domain/identity/index.ts';
import type { AchievementInput } from '../domain/ledger/index.ts';
import { auditProgramme } from '../domain/audit/index.ts';
import { toCreditItems } from '../domain/recognition/index.ts';
import { auditRules } from '../domain/audit/index.ts';
import { bindInstitutionIds } from '../domain/programmes/index.ts';
import { KR_CB_BACHELOR, SEED_INSTITUTIONS } from '../domain/programmes/index.ts';
import { benchEnv, percentile, rng } from './harness.ts';

const SLUGS = [
  SEED_INSTITUTIONS.krCreditBank,
  SEED_INSTITUTIONS.krPartnerSeoul,
  SEED_INSTITUTIONS.krPartnerBusan,
  SEED_INSTITUTIONS.krHanbitCollege,
];

const QUERY = `query($l: ID!, $p: ID!, $asOf: Date) { degreeAudit(learnerId: $l, programmeId: $p, asOf: $asOf) {
  ... on DegreeAudit { passed missing { en } requirements { id met counted missingAmount } totals { counted excluded } }
  ... on ResultError { code message } } }`;

export async function benchAuditGraphql(): Promise<void> {
  const env = await benchEnv('audit_graphql');
  try {
    const s = env.services;
    const ids: Record<string, string> = {};
    for (const slug of SLUGS) {
      const inst = await s.institutions.register(SYSTEM, {
        slug,
        name: { en: slug },
        type: slug === SEED_INSTITUTIONS.krCreditBank ? 'credit_bank' : 'university',
        region: 'KR',
        accreditation: [{ qualificationType: 'bachelor', levels: [] }],
      });
      ids[slug] = inst.id;
    }
    const programme = bindInstitutionIds(KR_CB_BACHELOR, ids);
    await s.programmes.define(SYSTEM, programme);
    const op = await s.accounts.createOperator(SYSTEM, {
      email: 'bench@op.example',
      name: 'bench',
      password: 'bench-password-123',
    });
    const token = (await s.tokens.issue((await s.accounts.findUser(op.id))!)).token;

    const sizes: Array<[number, number]> = [
      [200, 40],
      [2_000, 30],
      [20_000, 8],
    ];
    const server = new Map<number, number>();
    const engine = new Map<number, number>();
    const cold = new Map<number, number>();
    for (const [n, runs] of sizes) {
      const { learner } = await s.learners.register(SYSTEM, {
        nationalId: `BENCH${String(n).padStart(8, '0')}`,
        name: `bench ${n}`,
      });
      const r = rng(n);
      const t0 = performance.now();
      for (let start = 0; start < n; start += 1000) {
        const bySlug = new Map<string, AchievementInput[]>();
        for (let i = start; i < Math.min(n, start + 1000); i++) {
          const slug = SLUGS[Math.floor(r() * SLUGS.length)]!;
          const year = 2000 + Math.floor(r() * 24);
          const month = 1 + Math.floor(r() * 12);
          const score = 50 + Math.floor(r() * 51);
          const row: AchievementInput = {
            learnerId: learner.id,
            sourceRecordId: `B-${n}-${i}`,
            // Not 'course': a course record needs a catalogue course, and 20,000 of them are not the point.
            kind: 'training',
            title: { en: `Module ${i}` },
            credits: [3, 3, 3, 2, 1][Math.floor(r() * 5)]!,
            creditSystem: 'KR_CB',
            category: ['major', 'major', 'general', 'elective'][Math.floor(r() * 4)]!,
            level: 1 + Math.floor(r() * 4),
            earnedAt: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
            grade: { score, passed: score >= 60 },
          };
          bySlug.set(slug, [...(bySlug.get(slug) ?? []), row]);
        }
        for (const [slug, rows] of bySlug) {
          const out = await s.ledger.recordBatch(SYSTEM, ids[slug]!, rows);
          const failed = out.find((o) => o.status === 'error');
          if (failed?.status === 'error') throw failed.error;
        }
      }
      const insertMs = performance.now() - t0;

      const call = async () => {
        const t1 = performance.now();
        const res = await env.yoga.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: QUERY,
            variables: { l: learner.id, p: programme.id, asOf: '2024-06-30' },
          }),
        });
        const body = (await res.json()) as { data?: { degreeAudit: Record<string, unknown> } };
        const ms = performance.now() - t1;
        if (!body.data?.degreeAudit || 'code' in body.data.degreeAudit)
          throw new Error(`audit failed: ${JSON.stringify(body)}`);
        return { ms, audit: body.data.degreeAudit };
      };
      // The learner's first audit in this process: it reads the whole chain.
      const first = await call();
      // Cold: the first audit after a new ledger entry (the audit reads the blocks of the chain
      // after the position it last read, and folds the new entry into the learner's items).
      const coldTimes: number[] = [];
      for (let i = 0; i < 9; i++) {
        await s.ledger.recordBatch(SYSTEM, ids[SLUGS[0]!]!, [
          {
            learnerId: learner.id,
            sourceRecordId: `B-${n}-extra-${i}`,
            kind: 'training',
            title: { en: 'Extra module' },
            credits: 1,
            creditSystem: 'KR_CB',
            category: 'elective',
            level: 1,
            earnedAt: '2023-03-03',
          },
        ]);
        coldTimes.push((await call()).ms);
      }
      cold.set(n, percentile(coldTimes, 50));
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await call()).ms);
      server.set(n, percentile(times, 50));

      // The pure engine on the same items, in the same run: the baseline.
      const items = toCreditItems(await s.ledger.currentAchievements(learner.id));
      const rules = auditRules(await s.rules.allRules(), programme, '2024-06-30');
      const pure: number[] = [];
      for (let i = 0; i < Math.max(5, runs); i++) {
        const t2 = performance.now();
        auditProgramme({ items, programme, asOf: '2024-06-30', ...rules });
        pure.push(performance.now() - t2);
      }
      engine.set(n, percentile(pure, 50));
      console.log(
        `audit-graphql ${String(n).padStart(6)} entries: p50 ${server.get(n)!.toFixed(1)} ms through GraphQL ` +
          `(cold, right after a new entry: ${cold.get(n)!.toFixed(1)} ms; the learner's first, reading the whole chain: ${first.ms.toFixed(1)} ms), ` +
          `${engine.get(n)!.toFixed(1)} ms pure engine (${runs} runs; recorded in ${(insertMs / 1000).toFixed(1)} s; ` +
          `passed ${String(first.audit['passed'])})`,
      );
    }
    const ratio = (m: Map<number, number>, a: number, b: number) =>
      (m.get(a)! / m.get(b)!).toFixed(1);
    console.log(
      `audit-graphql growth: 2,000/200 ${ratio(server, 2_000, 200)}x, 20,000/2,000 ${ratio(server, 20_000, 2_000)}x ` +
        `(cold ${ratio(cold, 2_000, 200)}x, ${ratio(cold, 20_000, 2_000)}x; pure engine ${ratio(engine, 2_000, 200)}x, ${ratio(engine, 20_000, 2_000)}x) for 10x entries`,
    );
    const at2k = server.get(2_000)!;
    const cold2k = cold.get(2_000)!;
    const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(
      `audit-graphql target: 2,000 entries under 50 ms warm: ${at2k < 50 ? 'met' : 'MISSED'} (${at2k.toFixed(1)} ms, ` +
        `${x(at2k, engine.get(2_000)!)} the pure engine); under 150 ms cold: ${cold2k < 150 ? 'met' : 'MISSED'} ` +
        `(${cold2k.toFixed(1)} ms, ${x(cold2k, engine.get(2_000)!)} the pure engine, ${x(cold2k, at2k)} warm)`,
    );
  } finally {
    await env.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAuditGraphql();
}
