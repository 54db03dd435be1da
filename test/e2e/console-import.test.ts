// The console's import in Chromium, through the real server and database: a file of a few thousand
// rows is checked (every bad line with its number), imported with a progress bar that survives a
// reload, and a re-run of the same file records nothing twice. English, then Chinese.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

const ROWS = 3000;
/** The one bad line: a course the institution's catalogue does not have (line 2 is the first row). */
const BAD_ROW = Math.min(1234, ROWS - 7);

describe.skipIf(!hasChromium)("the console's import", { timeout: 300_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'creditbank-import-'));
  const file = path.join(dir, 'grades.csv');

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
    const ids = ['330106199901011234', '330102200003152345'];
    const lines = ['sourceRecordId,nationalId,kind,courseCode,score,earnedAt,term'];
    for (let i = 0; i < ROWS; i++) {
      const course = i === BAD_ROW ? 'NOPE999' : 'MATH101';
      lines.push(`E2E-${i},${ids[i % 2]},course,${course},${60 + (i % 40)},2025-01-10,2024-fall`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
  });

  afterAll(async () => {
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Uploads the file and waits for the dry run's report. */
  async function check(page: Page): Promise<string> {
    await page.goto(`${w.base}/console/import`);
    await page.setInputFiles('#import-file', file);
    await page.click('form button[type=submit]');
    await expect
      .poll(() => page.getAttribute('[data-testid=import-status]', 'data-status'), {
        timeout: 120_000,
      })
      .toBe('CHECKED');
    return (await page.textContent('[data-testid=check-summary]')) ?? '';
  }

  it('checks, imports with a progress bar that survives a reload, and names the bad line (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'staff@a.example', world.password);
    await page.waitForURL(/\/console/);
    const summary = await check(page);
    expect(summary).toContain(`${ROWS} rows: ${ROWS - 1} good`);
    expect(summary).toContain('1 bad');
    const errors = await page.textContent('[data-testid=import-errors-check]');
    expect(errors).toContain(String(BAD_ROW + 2));
    expect(errors).toContain('NOPE999');
    // The file just uploaded is in the list of recent imports.
    await page.waitForSelector('li button:has-text("grades.csv")');
    await expectAccessible(page, 'import checked (en)');

    await page.click(`button:has-text("Import ${ROWS - 1} good rows")`);
    // The progress bar shows while the rows are written, and again after a reload.
    await page.waitForSelector('[data-testid=import-progress]', { timeout: 60_000 });
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect
      .poll(() => page.getAttribute('[data-testid=import-status]', 'data-status'), {
        timeout: 180_000,
      })
      .toBe('DONE');
    expect(await page.textContent('[data-testid=write-summary]')).toContain(
      `${ROWS} rows: ${ROWS - 1} recorded, 0 recorded before`,
    );
    await expectAccessible(page, 'import done (en)');
    const recorded = await w.t.services.ledger.record(SYSTEM, world.learner1.id, { first: 10 });
    expect(recorded.items.length).toBe(10);
    await context.close();
  });

  it('records nothing twice when the same file is imported again (zh)', async () => {
    const { page, context } = await w.newPage({ lang: 'zh' });
    await signIn(page, w.base, 'staff@a.example', world.password);
    await page.waitForURL(/\/console/);
    const summary = await check(page);
    expect(summary).toContain(`共 ${ROWS} 行：${ROWS - 1} 行无误`);
    await page.click(`button:has-text("导入 ${ROWS - 1} 行无误的记录")`);
    await expect
      .poll(() => page.getAttribute('[data-testid=import-status]', 'data-status'), {
        timeout: 180_000,
      })
      .toBe('DONE');
    expect(await page.textContent('[data-testid=write-summary]')).toContain(
      `新登记 0 行，${ROWS - 1} 行此前已登记`,
    );
    await expectAccessible(page, 'import re-run (zh)');
    // Half the rows are each learner's (one is bad): nothing more after the re-run.
    const counts = await Promise.all(
      [world.learner1.id, world.learner2.id].map(async (id) => {
        let n = 0;
        let after: string | null = null;
        for (;;) {
          const p = await w.t.services.ledger.record(SYSTEM, id, { first: 200, after });
          n += p.items.length;
          if (!p.nextCursor) return n;
          after = p.nextCursor;
        }
      }),
    );
    expect(counts[0]! + counts[1]!).toBe(ROWS - 1);
    await context.close();
  });

  it('asked for nothing outside the server', () => {
    expect(w.outside).toEqual([]);
  });
});
