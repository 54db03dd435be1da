// The web app: initial JavaScript per page (gzipped, target < 250 KB) and a learner with 2,000 entries
// seeing their record and balances rendered in Chromium (target < 1 s), beside the server's own time.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createLogger } from '../api/logger.ts';
import { buildApp } from '../api/server.ts';
import { WEB_DIST } from '../api/web/app.ts';
import { SYSTEM } from '../domain/identity/index.ts';
import { ensureWebBuilt } from '../scripts/build-web.ts';
import { benchEnv, fmt, row, time } from './harness.ts';

const ENTRIES = 2000;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ASSETS = path.join(WEB_DIST, 'assets');

/** A chunk and every chunk it imports statically (what the browser must load before it runs). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(path.join(ASSETS, file), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g))
    closure(m[1]!, seen);
  return seen;
}

const gz = (files: Iterable<string>) =>
  [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(ASSETS, f))).length, 0);

function jsPerPage(): void {
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)![1]!;
  const base = closure(entry);
  row('shell (React, router, i18n, layout)', `${fmt(gz(base) / 1024)} KB gz`);
  for (const file of readdirSync(ASSETS)
    .filter((f) => /-page-[\w-]+\.js$/.test(f))
    .sort()) {
    const all = closure(file, new Set(base));
    const kb = gz(all) / 1024;
    row(
      `  ${file.replace(/-[\w-]{8}\.js$/, '')}`,
      `${fmt(kb)} KB gz`,
      undefined,
      kb < 250 ? '< 250 KB ✓' : '< 250 KB ✗',
    );
  }
}

async function bigRecord(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`  no Chromium at ${CHROMIUM}: the rendering figures are skipped`);
    return;
  }
  const env = await benchEnv('web');
  const s = env.services;
  const inst = await s.institutions.register(SYSTEM, {
    slug: 'bench-u',
    name: { zh: '基准大学', en: 'Bench University' },
    type: 'university',
    region: 'CN-ZJ',
    accreditation: [],
  });
  await s.catalogue.define(SYSTEM, inst.id, {
    code: 'C1',
    title: { zh: '课程', en: 'Course' },
    credits: 2,
    creditSystem: 'CN',
    level: 6,
    category: 'major',
  });
  const { learner } = await s.learners.register(SYSTEM, {
    nationalId: '330106199901019999',
    name: '测试',
  });
  await s.accounts.createLearnerAccount(SYSTEM, learner.id, {
    email: 'b@bench.example',
    name: '测试',
    password: 'bench-password-1',
  });
  for (let i = 0; i < ENTRIES; i += 500) {
    await s.ledger.recordBatch(
      SYSTEM,
      inst.id,
      Array.from({ length: Math.min(500, ENTRIES - i) }, (_, k) => ({
        learnerId: learner.id,
        sourceRecordId: `B-${i + k}`,
        kind: 'course' as const,
        courseCode: 'C1',
        earnedAt: '2024-06-30',
        grade: { score: 60 + ((i + k) % 40) },
      })),
    );
  }
  const { app } = buildApp(s, createLogger('silent'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/signin`);
    await page.fill('input[name=email]', 'b@bench.example');
    await page.fill('input[name=password]', 'bench-password-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('.timeline');
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('creditbank.session')!).token as string,
    );
    // The server's own time for what the record page asks: every page of the record, then balances.
    const gql = (query: string, variables: Record<string, unknown>) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }).then(
        (r) =>
          r.json() as Promise<{
            data: { learnerRecord: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
          }>,
      );
    const server1 = await time(async () => {
      let after: string | null = null;
      for (;;) {
        const r = await gql(
          'query($l: ID!, $a: String, $f: Int!) { learnerRecord(learnerId: $l, first: $f, after: $a) { ... on LedgerPage { items { id seq type achievement { title { zh en } credits grade { score passed } } } pageInfo { hasNextPage endCursor } } } }',
          { l: learner.id, a: after, f: 200 },
        );
        if (!r.data.learnerRecord.pageInfo.hasNextPage) break;
        after = r.data.learnerRecord.pageInfo.endCursor;
      }
    });
    const serverBal = await time(() =>
      gql('query($l: ID!) { creditAccount(learnerId: $l) { __typename } }', { l: learner.id }),
    );
    const rounds: number[] = [];
    const bal: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.goto(`${base}/record`);
      await page
        .waitForFunction(
          (n) =>
            document.querySelector('[data-testid=record-count]')?.textContent?.includes(String(n)),
          ENTRIES + 0,
          { polling: 20 },
        )
        .catch(() => {});
      await page.waitForSelector('.timeline > li');
      rounds.push(Date.now() - t0);
      const t1 = Date.now();
      await page.goto(`${base}/balances`);
      await page.waitForSelector('[data-testid=balance-totals] .total');
      bal.push(Date.now() - t1);
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    row(
      'server: the whole record (10 pages of 200)',
      `${fmt(server1.ms, 0)} ms`,
      '1.00× (baseline)',
    );
    row('server: balances', `${fmt(serverBal.ms, 0)} ms`);
    const r = median(rounds);
    row(
      `Chromium: /record with ${ENTRIES} entries, load to rendered`,
      `${r} ms`,
      `${fmt(r / server1.ms, 2)}× server`,
      r < 1000 ? '< 1 s ✓' : '< 1 s ✗',
    );
    const b = median(bal);
    row(
      'Chromium: /balances, load to rendered',
      `${b} ms`,
      `${fmt(b / Math.max(serverBal.ms, 1), 2)}× server`,
      b < 1000 ? '< 1 s ✓' : '< 1 s ✗',
    );
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await env.close();
  }
}

export async function benchWeb(): Promise<void> {
  ensureWebBuilt();
  console.log(
    'Initial JavaScript per page (the shell plus the page chunk and what it imports statically):',
  );
  jsPerPage();
  console.log(`A learner with ${ENTRIES} entries (median of 3 loads):`);
  await bigRecord();
}
