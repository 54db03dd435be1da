// A long record in Chromium: the newest entries and the chain check of the whole record show before
// the older pages arrive; then every entry, with filters and corrections over the whole record.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/identity/access.ts';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

const ENTRIES = 450;
const title = (i: number) => `Module ${String(i).padStart(3, '0')}`;

describe.skipIf(!hasChromium)('a long record, shown progressively', { timeout: 180_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
    const staff: Actor = { kind: 'staff', userId: 'registrar', institutionId: world.instA.id };
    const ledger = w.t.services.ledger;
    const out = await ledger.recordBatch(
      staff,
      world.instA.id,
      Array.from({ length: ENTRIES }, (_, k) => ({
        learnerId: world.learner1.id,
        sourceRecordId: `LONG-${k + 1}`,
        kind: 'training' as const,
        title: { en: title(k + 1), zh: `模块 ${k + 1}` },
        credits: 1,
        creditSystem: 'CN' as const,
        category: 'general',
        level: 5,
        earnedAt: '2024-05-01',
      })),
    );
    const ids = out.map((r) => (r.status === 'created' ? r.entry.id : ''));
    // The newest entries change the oldest: #451 corrects #3, #452 voids #5.
    await ledger.correct(staff, {
      entryId: ids[2]!,
      sourceRecordId: 'LONG-3-fix',
      reason: 'Hours re-counted',
      changes: { credits: 2 },
    });
    await ledger.void(staff, {
      entryId: ids[4]!,
      sourceRecordId: 'LONG-5-void',
      reason: 'Never attended',
    });
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  it('shows the newest entries and the whole chain check first, then the rest, with filters over everything', async () => {
    const total = ENTRIES + 2;
    const { page, context } = await w.newPage({ lang: 'en' });
    // Hold back every page of the record after the first, until released.
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const held: string[] = [];
    await page.route('**/graphql', async (route: Route) => {
      const body = route.request().postDataJSON() as {
        query?: string;
        variables?: { after?: string | null };
      } | null;
      if (body?.query?.includes('LearnerRecordPage') && body.variables?.after) {
        held.push(body.variables.after);
        await gate;
      }
      await route.continue();
    });
    await signIn(page, w.base, 'l1@test.example', world.password);
    await page.waitForURL(/\/record$/);

    // First screen: the chain check counts the whole record, the newest entries are shown.
    await page.waitForSelector('[data-testid=chain-check]');
    expect(await page.textContent('[data-testid=chain-check]')).toContain(
      `Your record is intact: ${total} entries`,
    );
    await expect.poll(() => held.length).toBe(1);
    const seqs = await page.$$eval('.timeline > li', (lis) =>
      lis.map((li) => Number(li.getAttribute('data-seq'))),
    );
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => total - i));
    expect(await page.textContent('[data-testid=record-loading]')).toContain(
      `newest 50 of your ${total} entries`,
    );
    await expectAccessible(page, 'record, partly loaded');
    // The filters work on what is there, and say so.
    await page.fill('input[type=search]', 'Module 007');
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(0);
    expect(await page.isVisible('[data-testid=record-loading]')).toBe(true);

    // The rest arrives: the search now finds the oldest entries too.
    release();
    await page.waitForSelector('[data-testid=record-loading]', { state: 'detached' });
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(1);
    expect(await page.textContent('.timeline')).toContain('Module 007');
    await page.fill('input[type=search]', '');
    expect(await page.textContent('[data-testid=record-count]')).toBe(
      `Showing 100 of ${total} entries`,
    );
    // Corrections and voids name the old entries they changed, now that those are loaded.
    await page.selectOption('select >> nth=0', 'CORRECTION');
    await expect.poll(() => page.textContent('.timeline')).toContain('Corrects entry #3.');
    await page.selectOption('select >> nth=0', 'VOID');
    await expect.poll(() => page.textContent('.timeline')).toContain('Voids entry #5 Module 005');
    await page.selectOption('select >> nth=0', 'ACHIEVEMENT');
    await expect
      .poll(() => page.textContent('[data-testid=record-count]'))
      .toBe(`Showing 100 of ${ENTRIES} entries`);
    await page.fill('input[type=search]', 'Module 00');
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(9);
    const oldest = await page.textContent('.timeline > li:last-child');
    expect(oldest).toContain('Module 001');
    expect(await page.textContent('.timeline')).toContain('Corrected later by #451');
    expect(await page.textContent('.timeline')).toContain('Voided later by #452');
    // Every entry can be reached.
    await page.fill('input[type=search]', '');
    await page.selectOption('select >> nth=0', '');
    for (let shown = 100; shown < total; shown += 100) await page.click('text=Show more');
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(total);
    expect(await page.getAttribute('.timeline > li:last-child', 'data-seq')).toBe('1');
    await expectAccessible(page, 'record, whole');
    expect(w.outside).toEqual([]);
    await context.close();
  });
});
