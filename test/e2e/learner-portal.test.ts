// The learner's portal in Chromium, through the real server and database, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

describe.skipIf(!hasChromium)('the learner portal', { timeout: 120_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
    const staff = { kind: 'staff', userId: 'registrar', institutionId: world.instA.id } as const;
    const ledger = w.t.services.ledger;
    const rec = (id: string, code: string, score: number) =>
      ledger.recordAchievement(staff, world.instA.id, {
        learnerId: world.learner1.id,
        sourceRecordId: id,
        kind: 'course',
        courseCode: code,
        earnedAt: '2024-06-30',
        grade: { score },
      });
    const first = await rec('P-1', 'MATH101', 58);
    const entryId = first.status === 'conflict' ? '' : first.entry.id;
    await ledger.correct(staff, {
      entryId,
      sourceRecordId: 'P-1-fix',
      reason: 'Exam re-marked',
      changes: { grade: { score: 78 } },
    });
    await ledger.recordAchievement(staff, world.instA.id, {
      learnerId: world.learner1.id,
      sourceRecordId: 'P-2',
      kind: 'training',
      title: { zh: '安全培训', en: 'Safety training' },
      credits: 1,
      creditSystem: 'CN',
      category: 'elective',
      level: 5,
      earnedAt: '2024-07-10',
    });
    const wrong = await rec('P-3', 'MATH101', 90);
    await ledger.void(staff, {
      entryId: wrong.status === 'conflict' ? '' : wrong.entry.id,
      sourceRecordId: 'P-3-void',
      reason: 'Recorded for the wrong learner',
    });
  });

  afterAll(async () => {
    await w?.close();
  });

  it('explains the service on the landing page, in English and in Chinese, and remembers the choice', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await page.goto(`${w.base}/`);
    await expect.poll(() => page.textContent('h1')).toBe('Your lifelong learning record');
    await expectAccessible(page, 'landing (en)');
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.textContent('h1')).toBe('您的终身学习档案');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.textContent('h1')).toBe('您的终身学习档案');
    await expectAccessible(page, 'landing (zh)');
    await context.close();
  });

  it('signs a learner in, shows the record with corrections and voids as what they are, and the chain check', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await page.goto(`${w.base}/record`);
    // Not signed in: the record sends to sign-in, then back.
    await page.waitForURL(/\/signin\?next=%2Frecord/);
    await expectAccessible(page, 'sign-in');
    await page.fill('input[name=email]', 'l1@test.example');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.field-error')).toContain('do not match');
    await page.fill('input[name=password]', world.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/record$/);
    await page.waitForSelector('.timeline');
    const chain = await page.textContent('[data-testid=chain-check]');
    expect(chain).toContain('Your record is intact: 5 entries');
    const types = await page.$$eval('.timeline > li', (lis) =>
      lis.map((li) => li.getAttribute('data-entry-type')),
    );
    expect(types).toEqual(['VOID', 'ACHIEVEMENT', 'ACHIEVEMENT', 'CORRECTION', 'ACHIEVEMENT']);
    const text = await page.textContent('.timeline');
    expect(text).toContain('Calculus');
    expect(text).toContain('University A');
    expect(text).toContain('Exam re-marked');
    expect(text).toContain('Recorded for the wrong learner');
    expect(text).toContain('Voided later by #5');
    expect(text).toContain('Corrected later by #2');
    await expectAccessible(page, 'record (en)');

    await page.selectOption('select >> nth=0', 'VOID');
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(1);
    await page.selectOption('select >> nth=0', '');
    await page.fill('input[type=search]', 'safety');
    await expect.poll(() => page.$$eval('.timeline > li', (l) => l.length)).toBe(1);
    await context.close();
  });

  it('shows balances by category, level and institution, in Chinese', async () => {
    const { page, context } = await w.newPage({ lang: 'zh' });
    await signIn(page, w.base, 'l1@test.example', world.password);
    await page.waitForURL(/\/record$/);
    await page.waitForSelector('.timeline');
    expect(await page.textContent('[data-testid=chain-check]')).toContain(
      '您的档案完整无损：共 5 条记录',
    );
    expect(await page.textContent('.timeline')).toContain('微积分');
    await expectAccessible(page, 'record (zh)');
    await page.click('nav >> text=学分账户');
    await page.waitForSelector('[data-testid=balance-totals]');
    // Calculus (4, corrected to a pass) and the training (1); the voided one not at all.
    expect(await page.textContent('[data-testid=balance-totals]')).toContain('5学分（中国）');
    const tables = await page.textContent('.grid-2');
    expect(tables).toContain('甲大学');
    expect(tables).toContain('general');
    await expectAccessible(page, 'balances (zh)');
    await context.close();
  });

  it('asked for nothing outside the server', () => {
    expect(w.outside).toEqual([]);
  });
});
