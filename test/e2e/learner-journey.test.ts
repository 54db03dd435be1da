// The learner's whole journey in Chromium, in English and in Chinese, through the real server and
// database: activate → record → balances → recognition request → staff approval (through the API)
// → the audit passes → apply → confirmation (through the API) → the degree's PDF → share it → an
// employer opens the link and sees it verified → the learner sees the opening.
//
// With SCREENSHOTS_DIR set, each page is also photographed at desktop and phone width (that is how
// docs/screenshots/ is made: `SCREENSHOTS_DIR=docs/screenshots npx vitest run test/e2e/learner-journey.test.ts`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import { createWorld } from '../setup/app.ts';
import { expectAccessible, hasChromium, startBrowserWorld, type BrowserWorld } from './browser.ts';

const SHOTS = process.env['SCREENSHOTS_DIR'];

/** Desktop and phone pictures of the page as it is now, when SCREENSHOTS_DIR asks for them. */
async function photograph(page: Page, name: string): Promise<void> {
  // The documentation is in English: the English run is the one photographed.
  if (!SHOTS || (await page.getAttribute('html', 'lang')) !== 'en') return;
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(size);
}

const WORDS = {
  en: {
    intact: 'Your record is intact: 2 entries',
    approved: 'approved',
    passed: 'You meet every requirement of BSc Networking',
    awarded: 'awarded',
    degree: 'BSc Networking',
    employer: 'ACME Ltd, HR',
    viewer: 'Jane Smith, ACME',
  },
  zh: {
    intact: '您的档案完整无损：共 2 条记录',
    approved: '已认定',
    passed: '您已满足网络工程学士的全部要求。',
    awarded: '已授予',
    degree: '网络工程学士',
    employer: '某某科技公司人事部',
    viewer: '张经理',
  },
} as const;

describe.skipIf(!hasChromium)("the learner's whole journey", { timeout: 240_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'creditbank-journey-'));
  /** One learner per language, registered by the institutions but without a sign-in yet. */
  const learners: Record<'en' | 'zh', { id: string; nationalId: string; code: string }> = {
    en: { id: '', nationalId: '330106199805051234', code: '' },
    zh: { id: '', nationalId: '330106199706061234', code: '' },
  };

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await w.t.gql<Record<string, Record<string, unknown>>>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
    const s = w.t.services;
    const A = world.instA.id;
    const B = world.instB.id;
    await s.catalogue.define(SYSTEM, A, {
      code: 'NET200',
      title: { zh: '计算机网络', en: 'Computer Networks' },
      credits: 4,
      creditSystem: 'CN',
      level: 6,
      category: 'major',
    });
    await s.catalogue.define(SYSTEM, B, {
      code: 'NET100',
      title: { zh: '网络基础', en: 'Networking Basics' },
      credits: 5,
      creditSystem: 'ECTS',
      level: 6,
      category: 'major',
    });
    // A degree of eight credits with two core courses of A's: calculus, taken at A, and networking,
    // which only B's course recognised by A can give.
    await gql(
      `mutation($d: String!) { defineProgramme(definition: $d) { ... on Programme { id } } }`,
      {
        d: JSON.stringify({
          id: 'uni-a-bsc-net',
          institutionId: A,
          partnerInstitutionIds: [],
          name: { en: 'BSc Networking', zh: '网络工程学士' },
          qualificationType: 'bachelor',
          level: 6,
          creditSystem: 'CN',
          requirements: {
            id: 'root',
            kind: 'allOf',
            children: [
              { id: 'total', kind: 'totalCredits', min: 800 },
              { id: 'major', kind: 'categoryCredits', categories: ['major'], min: 400 },
              { id: 'residency', kind: 'residency', min: 400 },
              {
                id: 'core',
                kind: 'courses',
                mode: 'allOf',
                courses: [`${A}:MATH101`, `${A}:NET200`],
              },
            ],
          },
        }),
      },
      world.tokens.staffA,
    );
    // B's networking counts as A's, after review by A's staff.
    await gql(
      `mutation($d: String!) { publishRecognitionRule(definition: $d) { ... on RecognitionRule { ruleId } } }`,
      {
        d: JSON.stringify({
          id: 'eq-b-net',
          effectiveFrom: '2020-01-01',
          automatic: false,
          kind: 'course_equivalence',
          source: { institutionId: B, courseCode: 'NET100' },
          target: { institutionId: A, courseCode: 'NET200' },
          category: 'major',
          credits: 400,
          creditSystem: 'CN',
        }),
      },
      world.tokens.staffA,
    );
    for (const lang of ['en', 'zh'] as const) {
      const l = learners[lang];
      const { learner } = await s.learners.register(SYSTEM, {
        nationalId: l.nationalId,
        name: lang === 'en' ? 'Chen Jie' : '陈洁',
      });
      l.id = learner.id;
      for (const [inst, code, id] of [
        [A, 'MATH101', `${lang}-A-MATH`],
        [B, 'NET100', `${lang}-B-NET`],
      ] as const) {
        const o = await s.ledger.recordAchievement(SYSTEM, inst, {
          learnerId: learner.id,
          sourceRecordId: id,
          kind: 'course',
          courseCode: code,
          earnedAt: '2025-06-30',
          grade: { score: 86 },
        });
        if (o.status === 'conflict') throw new Error(o.message);
      }
      l.code = (await s.accountCodes.create(SYSTEM, learner.id, 'activation')).code;
    }
  });

  afterAll(async () => {
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`activate → recognition → award → PDF → share → opening seen (${lang})`, async () => {
      const words = WORDS[lang];
      const l = learners[lang];
      const email = `journey-${lang}@test.example`;
      const password = 'a long passphrase 2026';
      const { page, context } = await w.newPage({ lang });

      // Activation with the code the institution handed over; the learner lands on their record.
      await page.goto(`${w.base}/activate`);
      await expectAccessible(page, `activate (${lang})`);
      await photograph(page, 'activate');
      await page.fill('input[name=nationalId]', l.nationalId);
      await page.fill('input[name=code]', l.code);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', password);
      await page.fill('input[name=confirm]', password);
      await page.click('[data-testid=activate-form] button[type=submit]');
      await page.waitForURL(/\/record$/);
      await page.waitForSelector('.timeline');
      expect(await page.textContent('[data-testid=chain-check]')).toContain(words.intact);
      expect(await page.textContent('.timeline')).toContain(
        lang === 'en' ? 'Networking Basics' : '网络基础',
      );
      await expectAccessible(page, `record after activation (${lang})`);

      await page.goto(`${w.base}/balances`);
      await page.waitForSelector('[data-testid=balance-totals]');
      // Each credit system apart: four Chinese credits at A, five ECTS at B.
      const totals = await page.textContent('[data-testid=balance-totals]');
      expect(totals).toContain(lang === 'en' ? '4CN credits' : '4学分（中国）');
      expect(totals).toContain(lang === 'en' ? '5ECTS' : '5欧洲学分（ECTS）');
      await expectAccessible(page, `balances (${lang})`);

      // Before recognition the degree is not met: B's course is not A's.
      await page.goto(`${w.base}/programmes`);
      await page.waitForSelector('[data-testid=audit]');
      expect(await page.textContent('main')).not.toContain(words.passed);

      // The learner asks A to recognise B's networking course.
      await page.goto(`${w.base}/recognition`);
      await page.waitForSelector('[data-testid=recognition-form]');
      await page
        .locator('[data-testid=recognition-form] label.choice', {
          hasText: lang === 'en' ? 'Networking Basics' : '网络基础',
        })
        .locator('input')
        .check();
      await page
        .getByLabel(lang === 'en' ? 'Receiving institution' : '接收机构')
        .selectOption(world.instA.id);
      await page
        .getByLabel(lang === 'en' ? 'Toward a programme (optional)' : '用于哪个学业项目（可选）')
        .selectOption('uni-a-bsc-net');
      await page.click('[data-testid=recognition-form] button[type=submit]');
      await expect
        .poll(() => page.getAttribute('[data-testid=recognition-request]', 'data-status'))
        .toBe('PENDING');
      await expectAccessible(page, `recognition pending (${lang})`);

      // A's staff approve it through the API.
      const requests = await gql(
        `query($i: ID!) { recognitionRequests(institutionId: $i) { ... on RecognitionRequestList { items { id status learnerId programmeId } } } }`,
        { i: world.instA.id },
        world.tokens.staffA,
      );
      const pending = (
        requests['recognitionRequests'] as {
          items: { id: string; status: string; learnerId: string; programmeId: string }[];
        }
      ).items.find((r) => r.learnerId === l.id && r.status === 'PENDING')!;
      expect(pending.programmeId).toBe('uni-a-bsc-net');
      const approved = await gql(
        `mutation($id: ID!) { approveRecognition(requestId: $id, comment: "Same syllabus") {
          ... on RecognitionRequest { status } ... on ResultError { code message } } }`,
        { id: pending.id },
        world.tokens.staffA,
      );
      expect(approved['approveRecognition']).toEqual({ status: 'APPROVED' });
      await page.reload();
      await expect
        .poll(() => page.getAttribute('[data-testid=recognition-request]', 'data-status'))
        .toBe('APPROVED');
      const request = await page.textContent('[data-testid=recognition-request]');
      expect(request).toContain(words.approved);
      expect(request).toContain('Same syllabus');
      await photograph(page, 'recognition-approved');

      // The audit passes now; the learner applies.
      await page.goto(`${w.base}/programmes`);
      await expect.poll(() => page.textContent('main')).toContain(words.passed);
      await expectAccessible(page, `programmes, passed (${lang})`);
      await page
        .locator('main button', { hasText: lang === 'en' ? 'Apply' : '申请' })
        .first()
        .click();
      await page.waitForSelector('[data-testid=applications]');

      // A's staff confirm the award through the API: the degree is issued as a credential.
      const apps = await gql(
        `query($i: ID!) { awardApplications(institutionId: $i) { ... on AwardApplicationList { items { id status learnerId } } } }`,
        { i: world.instA.id },
        world.tokens.staffA,
      );
      const application = (
        apps['awardApplications'] as { items: { id: string; learnerId: string }[] }
      ).items.find((a) => a.learnerId === l.id)!;
      const confirmed = await gql(
        `mutation($id: ID!) { confirmAward(applicationId: $id) {
          ... on AwardApplication { status credentialId } ... on ResultError { code message } } }`,
        { id: application.id },
        world.tokens.staffA,
      );
      const award = confirmed['confirmAward'] as { status: string; credentialId: string };
      expect(award.status).toBe('AWARDED');
      await page.reload();
      await expect
        .poll(() => page.textContent('[data-testid=applications]'))
        .toContain(words.awarded);

      // The degree, downloaded as a printable PDF.
      await page.goto(`${w.base}/credentials`);
      const card = page.locator(`[data-credential-id="${award.credentialId}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain(words.degree);
      await expectAccessible(page, `credentials (${lang})`);
      await photograph(page, 'credentials');
      const [pdfFile] = await Promise.all([
        page.waitForEvent('download'),
        card.locator('[data-testid=download-pdf]').click(),
      ]);
      const pdfPath = path.join(dir, `${lang}-${pdfFile.suggestedFilename()}`);
      await pdfFile.saveAs(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Shared with an employer for a week.
      await page.goto(`${w.base}/sharing`);
      await page.waitForSelector('[data-testid=share-form]');
      await page
        .locator('[data-testid=share-form] label.choice', { hasText: words.degree })
        .locator('input')
        .check();
      await page.fill('input[name=audience]', words.employer);
      await page.click('[data-testid=share-form] button[type=submit]');
      const url = await page
        .locator('[data-testid=share-created] [data-testid=share-url]')
        .getAttribute('href');
      expect(url).toMatch(new RegExp(`^${w.base}/shared/`));
      await expectAccessible(page, `sharing (${lang})`);

      // The employer, in a browser of their own, opens the link, sees it verified, says who they are.
      const employer = await w.newPage({ lang });
      await employer.page.goto(url!);
      await employer.page.waitForSelector('#result');
      await expect
        .poll(() => employer.page.getAttribute('#verdict', 'class'), { timeout: 30_000 })
        .toContain('ok');
      expect(await employer.page.textContent('#shared')).toContain(words.employer);
      expect(await employer.page.textContent('#summary')).toContain(words.degree);
      await expectAccessible(employer.page, `shared link (${lang})`);
      await photograph(employer.page, 'shared-link');
      await employer.page.fill('input[name=viewer]', words.viewer);
      await employer.page.click('form:has(input[name=viewer]) button[type=submit]');
      await employer.page.waitForSelector('.alert');
      await employer.context.close();

      // The learner sees both openings, the second with the employer's name.
      await page.reload();
      const openings = page.locator('[data-testid=share-openings]');
      await openings.waitFor();
      await expect.poll(() => openings.locator('tbody tr').count()).toBe(2);
      expect(await openings.textContent()).toContain(words.viewer);
      await expectAccessible(page, `sharing with openings (${lang})`);
      await photograph(page, 'sharing');
      await context.close();
    });
  }

  it('resets a forgotten password with a code, the new one typed twice (zh)', async () => {
    const { code } = await w.t.services.accountCodes.create(SYSTEM, world.learner2.id, 'reset');
    const { page, context } = await w.newPage({ lang: 'zh' });
    await page.goto(`${w.base}/reset`);
    await page.fill('input[name=email]', 'l2@test.example');
    await page.fill('input[name=code]', code);
    await page.fill('input[name=password]', 'a new passphrase 2026');
    await page.fill('input[name=confirm]', 'a new passphrase 2025');
    await page.click('form button[type=submit]');
    await expect.poll(() => page.textContent('.field-error')).toBe('两次输入的密码不一致。');
    await expectAccessible(page, 'reset with a mismatch (zh)');
    await page.fill('input[name=confirm]', 'a new passphrase 2026');
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/record$/);
    // The code is spent, and the old password no longer signs in.
    const again = await w.t.gql<{ login: { __typename: string } }>(
      `mutation { login(email: "l2@test.example", password: "${world.password}") { __typename } }`,
      {},
    );
    expect(again.data?.login.__typename).toBe('ResultError');
    await context.close();
  });

  it('asked for nothing outside the server', () => {
    expect(w.outside).toEqual([]);
  });
});
