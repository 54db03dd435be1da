// The web app: initial JavaScript per page (gzipped, target < 250 KB) and a learner with 2,000 entries
// seeing their record and balances rendered in Chromium (target < 1 s), beside the server's own time.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
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
/** What the record page asks for first, then per page (web/src/features/shared/learner-record.ts). */
const FIRST_PAGE = 50;
const PAGE = 200;
const RUNS = Number(process.env['WEB_RUNS'] ?? 5);

/**
 * Runs in the page before the app: notes (performance.now(), from navigation start) when each
 * figure's elements are first on screen, after the frame that shows them.
 */
const MARKS_SCRIPT = `
  window.__marks = {};
  const figures = {
    // The newest entries on screen (the chain check may still be running).
    'entries': () => document.querySelector('.timeline > li'),
    // The record's header with the chain check in words, and the newest entries.
    'first-screen': () => document.querySelector('[data-testid=chain-check]') && document.querySelector('.timeline > li'),
    // Every page arrived: the note that the rest is loading is gone.
    'whole-record': () => document.querySelector('.timeline > li') && !document.querySelector('[data-testid=record-loading]'),
    'balances': () => document.querySelector('[data-testid=balance-totals] .total'),
  };
  new MutationObserver(() => {
    for (const [name, seen] of Object.entries(figures)) {
      if (window.__marks[name] === undefined && !window['__pending_' + name] && seen()) {
        window['__pending_' + name] = true;
        requestAnimationFrame(() => { window.__marks[name] = Math.round(performance.now()); });
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
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
    // The server's own time for what the pages ask, one request after another.
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as {
        data?: { learnerRecord?: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
        errors?: unknown[];
      };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const recordPage = (first: number, after: string | null) =>
      gql(
        'query($l: ID!, $a: String, $f: Int!) { learnerRecord(learnerId: $l, first: $f, after: $a, order: NEWEST_FIRST) { ... on LedgerPage { items { id seq type institutionId recordedAt achievement { title { zh en } credits grade { score passed } } } pageInfo { hasNextPage endCursor } } } }',
        { l: learner.id, a: after, f: first },
      );
    // Each the median of three, like the browser's figures.
    const server = async (fn: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) ms.push((await time(fn)).ms);
      return median(ms);
    };
    const serverFirst = await server(() => recordPage(FIRST_PAGE, null));
    const serverChain = await server(() =>
      gql('query($l: ID!) { verifyChain(learnerId: $l) { __typename } }', { l: learner.id }),
    );
    const serverAll = await server(async () => {
      let after: string | null = null;
      for (let first = FIRST_PAGE; ; first = PAGE) {
        const info: { hasNextPage: boolean; endCursor: string } = (await recordPage(first, after))
          .learnerRecord!.pageInfo;
        if (!info.hasNextPage) return;
        after = info.endCursor;
      }
    });
    const serverBal = await server(() =>
      gql('query($l: ID!) { creditAccount(learnerId: $l) { __typename } }', { l: learner.id }),
    );

    // What the learner sees, timed inside the page from the start of navigation (the browser's
    // own clock: Playwright's polling would add its own delays). An element counts once the frame
    // that shows it has been painted (the next animation frame after it appeared).
    await page.addInitScript({ content: MARKS_SCRIPT });
    const runs = {
      entries: [] as number[],
      first: [] as number[],
      whole: [] as number[],
      balances: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${base}/record`);
      const m = await page.waitForFunction(
        () => {
          const marks = (window as unknown as { __marks: Record<string, number> }).__marks;
          return marks['first-screen'] && marks['whole-record'] ? marks : null;
        },
        undefined,
        { timeout: 60_000 },
      );
      const marks = (await m.jsonValue()) as Record<string, number>;
      runs.entries.push(marks['entries']!);
      runs.first.push(marks['first-screen']!);
      runs.whole.push(marks['whole-record']!);
      await page.goto(`${base}/balances`);
      const b = await page.waitForFunction(
        () => (window as unknown as { __marks: Record<string, number> }).__marks['balances'],
        undefined,
        { timeout: 60_000 },
      );
      runs.balances.push((await b.jsonValue()) as number);
    }

    const spread = (a: number[]) => `(${fmt(Math.min(...a), 0)}–${fmt(Math.max(...a), 0)} ms)`;
    const verdict = (a: number[]) => (median(a) < 1000 ? '< 1 s ✓' : '< 1 s ✗');
    const ms = (n: number) => `${fmt(n, 0)} ms`;
    row(`server: the newest ${FIRST_PAGE} entries (first page)`, ms(serverFirst));
    row('server: the chain check (every hash recomputed)', ms(serverChain));
    row(`server: the whole record (${FIRST_PAGE}, then pages of ${PAGE})`, ms(serverAll));
    row('server: balances', ms(serverBal));
    row(
      `Chromium: /record, the newest ${FIRST_PAGE} entries on screen`,
      ms(median(runs.entries)),
      `${fmt(median(runs.entries) / serverFirst, 2)}× server`,
      `${verdict(runs.entries)}  ${spread(runs.entries)}`,
    );
    row(
      'Chromium: /record, first screen usable',
      ms(median(runs.first)),
      `${fmt(median(runs.first) / Math.max(serverFirst, serverChain), 2)}× server`,
      `${verdict(runs.first)}  ${spread(runs.first)}`,
    );
    row(
      `Chromium: /record, all ${ENTRIES} entries loaded`,
      ms(median(runs.whole)),
      `${fmt(median(runs.whole) / (serverChain + serverAll), 2)}× server`,
      spread(runs.whole),
    );
    row(
      'Chromium: /balances, rendered',
      ms(median(runs.balances)),
      `${fmt(median(runs.balances) / Math.max(serverBal, 1), 2)}× server`,
      `${verdict(runs.balances)}  ${spread(runs.balances)}`,
    );
    console.log(
      [
        `  (Chromium: median of ${RUNS} loads, min–max in brackets, from navigation start to the frame painted.`,
        '   "Newest entries on screen": the record readable, the chain check still saying it is checking.',
        '   "First screen usable": the chain check in words and the newest entries shown, filters ready;',
        '   its ratio is against the slower of the two server calls it needs. "All loaded": every page',
        '   has arrived (the filters then cover the whole record), against the check plus every page.)',
      ].join('\n'),
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
  console.log(
    `A learner with ${ENTRIES} entries (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):`,
  );
  await bigRecord();
}
