// The institution console's recognition, programmes and awards pages in Chromium, through the real
// server and database, in both languages: a recognition decided here and seen by the learner, a
// programme version refused on the node at fault then defined, an award confirmed, a credential
// suspended and reinstated, and a class issued in chunks with a progress bar across a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

const CLASS_SIZE = 45;

describe.skipIf(!hasChromium)('the institution console: decisions', { timeout: 240_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const learner = (learnerId: string): Actor => ({ kind: 'learner', userId: 'e2e', learnerId });

  /** Learner's entry of B, and their request that A recognise it (no rule covers it: nothing proposed). */
  async function requestAtA(learnerId: string, recordId: string) {
    const o = await w.t.services.ledger.recordAchievement(SYSTEM, world.instB.id, {
      learnerId,
      sourceRecordId: recordId,
      kind: 'course',
      courseCode: 'MATH101',
      earnedAt: '2024-06-30',
      grade: { score: 85 },
    });
    if (o.status === 'conflict') throw new Error(o.message);
    return w.t.services.recognition.request(learner(learnerId), {
      entryIds: [o.entry.id],
      targetInstitutionId: world.instA.id,
      creditSystem: 'CN',
    });
  }

  async function staffPage(lang: 'en' | 'zh', path: string) {
    const opened = await w.newPage({ lang });
    await signIn(opened.page, w.base, 'staff@a.example', world.password);
    await opened.page.waitForURL(/\/console$/);
    await opened.page.goto(`${w.base}${path}`);
    return opened;
  }

  const meter = async (page: Page) =>
    Number(await page.getAttribute('[data-testid=batch] meter', 'value'));

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('decides a recognition with the credits the reviewer gives, and the learner sees it in the portal (en)', async () => {
    const { request } = await requestAtA(world.learner1.id, 'B-REC-1');
    const { page, context } = await staffPage('en', '/console/recognition');
    const row = page.locator(`[data-request-id="${request.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('waiting for review');
    await expectAccessible(page, 'recognition queue (en)');
    await row.getByRole('link').click();
    await page.waitForSelector('[data-testid=proposals]');
    expect(await page.textContent('[data-testid=source-entries]')).toContain('MATH101');
    expect(await page.textContent('[data-testid=source-entries]')).toContain('College B');
    expect(await page.textContent('[data-testid=request-history]')).toContain('requested');
    await expectAccessible(page, 'recognition review (en)');

    // Rejecting needs a reason: the API's error appears beside the reason field.
    await page.getByRole('button', { name: 'Reject' }).click();
    const reasonError = page.locator('.field:has(textarea[name=reason]) .field-error');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toMatch(/reason/i);

    // No rule covers the course: the reviewer grants 3 credits of general education.
    await page.fill(`input[name="credits-${request.entryIds[0]}"]`, '3');
    await page.fill(`input[name="category-${request.entryIds[0]}"]`, 'general');
    await page.getByRole('button', { name: 'Approve with these credits' }).click();
    await page.getByText('Decided: approved').waitFor();
    await expect
      .poll(() => page.textContent('[data-testid=request-history]'))
      .toContain('approved');
    // The recognised credit is now among what A recorded for the learner, shown beside the request.
    await expect.poll(() => page.locator('[data-testid=recorded-here] li').count()).toBe(1);
    await context.close();

    const portal = await w.newPage({ lang: 'en' });
    await signIn(portal.page, w.base, 'l1@test.example', world.password);
    await portal.page.waitForURL(/\/record$/);
    await portal.page.goto(`${w.base}/recognition`);
    await portal.page.getByText('approved', { exact: true }).first().waitFor();
    expect(await portal.page.textContent('main')).toContain('3');
    await portal.context.close();
  });

  it('rejects a request with a reason, in Chinese, and the queue keeps it under "all"', async () => {
    const { request } = await requestAtA(world.learner2.id, 'B-REC-2');
    const { page, context } = await staffPage('zh', `/console/recognition?id=${request.id}`);
    await page.waitForSelector('[data-testid=proposals]');
    expect(await page.textContent('h1')).toContain('认定申请');
    await expectAccessible(page, 'recognition review (zh)');
    await page.fill('textarea[name=reason]', '该课程与本校课程内容不符');
    await page.getByRole('button', { name: '驳回' }).click();
    await page.getByText(/^已决定：/).waitFor();
    await page.getByRole('link', { name: /返回审核列表/ }).click();
    await page.waitForSelector('select[name=show]');
    expect(await page.locator(`[data-request-id="${request.id}"]`).count()).toBe(0);
    await page.selectOption('select[name=show]', 'all');
    await page.locator(`[data-request-id="${request.id}"]`).waitFor();
    await expectAccessible(page, 'recognition queue (zh)');

    // The learner appeals: the request is back in the queue with the appeal's comment, and is
    // partly approved this time (a reason is required, and the learner sees it).
    await w.t.services.recognition.appeal(
      learner(world.learner2.id),
      request.id,
      '课程大纲已附上，请复核',
    );
    await page.selectOption('select[name=show]', 'open');
    await page.reload();
    const appealed = page.locator(`[data-request-id="${request.id}"]`);
    await appealed.waitFor();
    expect(await appealed.textContent()).toContain('已申诉');
    await appealed.getByRole('link').click();
    await page.getByText('课程大纲已附上，请复核').first().waitFor();
    await page.fill(`input[name="credits-${request.entryIds[0]}"]`, '2');
    await page.fill(`input[name="category-${request.entryIds[0]}"]`, 'elective');
    await page.fill('textarea[name=reason]', '大纲仅部分对应，认定 2 学分');
    await page.getByRole('button', { name: '部分批准' }).click();
    await page.getByText(/^已决定：/).waitFor();
    await expect
      .poll(() => page.textContent('[data-testid=request-history]'))
      .toContain('大纲仅部分对应');
    await context.close();
  });

  it('shows a programme version as a tree in words, refuses a bad new version on the node at fault, defines a good one, and lists who is close to completing (zh)', async () => {
    await w.t.services.programmes.define(SYSTEM, {
      id: 'e2e-ba',
      institutionId: world.instA.id,
      partnerInstitutionIds: [],
      name: { en: 'BA in Testing', zh: '测试学士' },
      qualificationType: 'bachelor',
      level: 6,
      creditSystem: 'CN',
      requirements: {
        id: 'root',
        kind: 'allOf',
        children: [
          { id: 'total', kind: 'totalCredits', min: 300 },
          { id: 'general', kind: 'categoryCredits', categories: ['general'], min: 300 },
        ],
      },
    });
    const { page, context } = await staffPage('zh', '/console/programmes');
    await page.waitForSelector('[data-testid=programme-versions]');
    expect(await page.textContent('[data-testid=requirement-tree]')).toContain('总学分不少于 3');
    // Li Ming asked A to recognise credit (3 general credits, approved above): the audit passes.
    await page.locator('[data-testid=near-completion]').getByText('李明').waitFor();
    await expectAccessible(page, 'programmes (zh)');

    await page.getByRole('button', { name: /从第 1 版开始/ }).click();
    const draft = JSON.parse(await page.inputValue('textarea[name=definition]')) as {
      requirements: { children: { min: number }[] };
    };
    draft.requirements.children[1]!.min = -100;
    await page.fill('textarea[name=definition]', JSON.stringify(draft, null, 2));
    // The preview follows the text as it is typed.
    expect(await page.textContent('.grid-2 [data-testid=requirement-tree]')).toContain('-1');
    await page.getByRole('button', { name: '定义该版本' }).click();
    const bad = page.locator('.tree-node-error');
    await bad.waitFor();
    expect(await bad.getAttribute('data-path')).toBe('requirements.children[1]');
    expect(await bad.textContent()).toContain('must not be negative');

    draft.requirements.children[1]!.min = 600;
    await page.fill('textarea[name=definition]', JSON.stringify(draft, null, 2));
    await page.getByRole('button', { name: '定义该版本' }).click();
    await page.getByText('已定义 e2e-ba 第 2 版。').waitFor();
    await expect
      .poll(() => page.locator('[data-testid=programme-versions] tbody tr').count())
      .toBe(2);
    await context.close();
  });

  it('confirms an award, then suspends and reinstates its credential with reasons, history included (en)', async () => {
    await w.t.services.awards.apply(learner(world.learner1.id), 'e2e-ba', 1);
    const { page, context } = await staffPage('en', '/console/awards');
    const row = page.locator('[data-testid=applications] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('to confirm');
    await expectAccessible(page, 'awards (en)');
    expect(await page.textContent('main')).toContain('No credential matches.');
    await row.getByRole('button', { name: /Confirm the award/ }).click();
    await page.getByText(/The award was confirmed/).waitFor();
    // The institution's credentials list shows it, with its programme, read from the server.
    const listed = page.locator('[data-testid=credentials] tbody tr');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('e2e-ba');
    expect(await listed.first().getAttribute('data-state')).toBe('ACTIVE');
    await row.getByRole('button', { name: 'Its credential' }).click();
    const status = page.locator('[data-testid=credential-status]');
    await status.waitFor();
    expect(await status.textContent()).toContain('valid');

    // A status change needs a reason: the API's error is shown beside the reason.
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.locator('.field:has(textarea[name=statusReason]) .field-error').waitFor();
    await page.fill('textarea[name=statusReason]', 'Under investigation');
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('The credential was suspended.').waitFor();
    await expect.poll(() => listed.first().getAttribute('data-state')).toBe('SUSPENDED');
    // Filtered by state on the server; opened again from the list.
    const filter = page.locator('[data-testid=credentials-filter]');
    await filter.getByLabel('Status').selectOption('REVOKED');
    await filter.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No credential matches.').waitFor();
    await filter.getByLabel('Status').selectOption('SUSPENDED');
    await filter.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => listed.count()).toBe(1);
    await expectAccessible(page, 'credentials list (en)');
    await listed
      .first()
      .getByRole('button', { name: /Status and history/ })
      .click();
    await expect.poll(() => status.textContent()).toContain('suspended');
    await page.fill('textarea[name=statusReason]', 'Investigation closed');
    await page.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByText('The credential was reinstated.').waitFor();
    const history = await page.textContent('[data-testid=status-history]');
    expect(history).toMatch(/suspended.*Under investigation.*reinstated.*Investigation closed/s);
    await expectAccessible(page, 'credential status (en)');
    await context.close();
  });

  it('issues a class in chunks with a live progress bar, resumes after a reload, and issues nothing twice (zh)', async () => {
    const rows = [];
    for (let i = 0; i < CLASS_SIZE; i++) {
      const { learner: l } = await w.t.services.learners.register(SYSTEM, {
        nationalId: `33010620000101${String(1000 + i)}`,
        name: `学生${i}`,
      });
      rows.push({
        learnerId: l.id,
        sourceRecordId: `CLASS-${i}`,
        kind: 'course' as const,
        courseCode: 'MATH101',
        term: '2025-fall',
        earnedAt: '2025-12-30',
        grade: { score: 70 + (i % 30) },
      });
    }
    await w.t.services.ledger.recordBatch(SYSTEM, world.instA.id, rows);

    const { page, context } = await staffPage('zh', '/console/awards');
    // Each batch is held back a moment, so that the bar is seen between empty and full.
    let batches = 0;
    await context.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('ConsoleIssueCredentials')) {
        batches++;
        await new Promise((r) => setTimeout(r, 400));
      }
      await route.continue();
    });
    await page.fill('input[name=classTerm]', '2025-fall');
    await page.getByRole('button', { name: '查找该班级' }).click();
    await page.getByText(`找到 ${CLASS_SIZE} 条成绩。`).waitFor();
    await page.getByRole('button', { name: `颁发 ${CLASS_SIZE} 份证书` }).click();
    await expect.poll(() => meter(page), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await meter(page)).toBeLessThan(CLASS_SIZE);

    // A reload in the middle: the page offers to resume where its last answered chunk ended.
    await page.reload();
    await page.getByText(/本次颁发未完成/).waitFor();
    expect(await meter(page)).toBeLessThan(CLASS_SIZE);
    await expectAccessible(page, 'batch issuing, interrupted (zh)');
    await page.getByRole('button', { name: '继续', exact: true }).click();
    await page.getByText('该班级已全部处理。').waitFor({ timeout: 120_000 });
    expect(await meter(page)).toBe(CLASS_SIZE);
    expect(batches).toBeGreaterThanOrEqual(3);
    const counts = await page.textContent('[data-testid=batch] .progress-detail');
    expect(counts).toMatch(new RegExp(`已处理 ${CLASS_SIZE} 条中的 ${CLASS_SIZE} 条`));

    // Exactly one credential per result, however many times a chunk was sent.
    for (const r of rows) {
      const issued = await w.t.services.credentials.listForLearner(SYSTEM, r.learnerId);
      expect(issued).toHaveLength(1);
    }
    // Found again, the server says every result has its credential: nothing is offered to issue.
    await page.getByRole('button', { name: '颁发另一个班级' }).click();
    await page.fill('input[name=classTerm]', '2025-fall');
    await page.getByRole('button', { name: '查找该班级' }).click();
    await page.getByText(`其中 ${CLASS_SIZE} 条已颁发证书。`, { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /颁发 \d+ 份证书/ }).count()).toBe(0);
    await context.close();
  });

  it('shows each new page in both languages with no serious accessibility violation, and nothing fetched from outside', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { page, context } = await staffPage(lang, '/console');
      for (const path of ['/console/recognition', '/console/programmes', '/console/awards']) {
        await page.goto(`${w.base}${path}`);
        await page.waitForSelector('main h1');
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} (${lang})`);
      }
      await context.close();
    }
    // A learner is not shown the console at all.
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'l2@test.example', world.password);
    await page.waitForURL(/\/record$/);
    await page.goto(`${w.base}/console/awards`);
    await page.waitForSelector('main .alert');
    expect(await page.locator('[data-testid=applications]').count()).toBe(0);
    expect(await page.locator('.console-nav').count()).toBe(0);
    await context.close();
    expect(w.outside).toEqual([]);
  });
});
