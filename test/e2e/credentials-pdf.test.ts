// The learner's credentials page and the printed PDF in Chromium: download it, verify it on /verify, open its QR link.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../domain/identity/access.ts';
import type { IssuedCredentialRecord } from '../../domain/issuance/credential-ports.ts';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

describe.skipIf(!hasChromium)(
  'credentials and printed PDFs in the browser',
  { timeout: 180_000 },
  () => {
    let w: BrowserWorld;
    let world: Awaited<ReturnType<typeof createWorld>>;
    let degree: IssuedCredentialRecord;
    let transcript: IssuedCredentialRecord;
    let course: IssuedCredentialRecord;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'creditbank-pdf-'));

    beforeAll(async () => {
      w = await startBrowserWorld();
      world = await createWorld(w.t);
      const s = w.t.services;
      const entries: string[] = [];
      for (const [i, score] of [88, 92, 75].entries()) {
        const o = await s.ledger.recordAchievement(SYSTEM, world.instA.id, {
          learnerId: world.learner1.id,
          sourceRecordId: `e2e-pdf-${i}`,
          kind: 'course',
          courseCode: 'MATH101',
          earnedAt: '2026-01-15',
          grade: { score },
        });
        if (o.status === 'conflict') throw new Error(o.message);
        entries.push(o.entry.id);
      }
      degree = await s.credentials.issue(SYSTEM, {
        institutionId: world.instA.id,
        learnerId: world.learner1.id,
        what: {
          kind: 'qualification',
          qualificationType: 'bachelor',
          name: { zh: '理学学士学位', en: 'Bachelor of Science' },
          level: 6,
        },
        requestKey: 'e2e-degree',
      });
      transcript = await s.credentials.issue(SYSTEM, {
        institutionId: world.instA.id,
        learnerId: world.learner1.id,
        what: { kind: 'transcript' },
        requestKey: 'e2e-transcript',
      });
      course = await s.credentials.issue(SYSTEM, {
        institutionId: world.instA.id,
        learnerId: world.learner1.id,
        what: { kind: 'achievement', entryId: entries[0]! },
        format: 'vc+jwt',
        requestKey: 'e2e-course',
      });
      await s.credentials.changeStatus(SYSTEM, course.id, 'suspended', 'Under review');
    });

    afterAll(async () => {
      await w?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const lang of ['en', 'zh'] as const) {
      it(`lists the credentials with their status, downloads the PDF, and /verify accepts it (${lang})`, async () => {
        const words =
          lang === 'en'
            ? {
                nav: 'Credentials',
                suspended: 'Suspended',
                onlyJwt: 'Issued as a JWT',
                jwt: 'Download JWT',
              }
            : { nav: '电子证书', suspended: '已暂停', onlyJwt: '仅以 JWT', jwt: '下载 JWT' };
        const { page, context } = await w.newPage({ lang });
        await signIn(page, w.base, 'l1@test.example', world.password);
        await page.waitForURL(/\/record$/);
        await page.click(`nav >> text=${words.nav}`);
        await page.waitForURL(/\/credentials$/);
        await expect.poll(() => page.locator('[data-testid=credential]').count()).toBe(3);
        await expectAccessible(page, `credentials (${lang})`);

        const suspended = page.locator(`[data-credential-id="${course.id}"]`);
        expect(
          await suspended.locator('[data-testid=credential-status]').getAttribute('data-status'),
        ).toBe('suspended');
        const status = await suspended.locator('[data-testid=credential-status]').textContent();
        expect(status).toContain(words.suspended);
        expect(status).toContain('Under review');
        expect(await suspended.textContent()).toContain(words.onlyJwt);
        expect(await suspended.locator('[data-testid=download-issued]').textContent()).toBe(
          words.jwt,
        );

        // The JWT as issued.
        const [jwtFile] = await Promise.all([
          page.waitForEvent('download'),
          suspended.locator('[data-testid=download-issued]').click(),
        ]);
        expect(jwtFile.suggestedFilename()).toMatch(/\.jwt$/);
        const jwtPath = path.join(dir, `${lang}-${jwtFile.suggestedFilename()}`);
        await jwtFile.saveAs(jwtPath);

        expect(readFileSync(jwtPath, 'utf8')).toBe(course.serialized);

        // The transcript as a PDF, carrying the transcript as issued.
        const card = page.locator(`[data-credential-id="${transcript.id}"]`);
        const [pdfFile] = await Promise.all([
          page.waitForEvent('download'),
          card.locator('[data-testid=download-pdf]').click(),
        ]);
        expect(pdfFile.suggestedFilename()).toMatch(/^transcript-[\w-]+\.pdf$/);
        const pdfPath = path.join(dir, `${lang}-${pdfFile.suggestedFilename()}`);
        await pdfFile.saveAs(pdfPath);

        // The verify page takes the PDF, finds the credential inside and verifies it.
        await page.click(`nav >> text=${lang === 'en' ? 'Verify a credential' : '验证证书'}`);
        await page.waitForURL(/\/verify$/);
        await page.setInputFiles('#file', pdfPath);
        await expect.poll(() => page.inputValue('#credential')).toBe(transcript.serialized);
        await page.click('#verify');
        await expect
          .poll(() => page.getAttribute('#verdict', 'class'), { timeout: 30_000 })
          .toBe('verdict ok');
        expect(await page.textContent('[data-testid=transcript-courses]')).toContain(
          lang === 'en' ? 'Calculus' : '微积分',
        );
        await expectAccessible(page, `verify a PDF (${lang})`);
        await context.close();
      });
    }

    it('says so when a PDF carries no credential, and fails a PDF whose credential was altered', async () => {
      const { page, context } = await w.newPage({ lang: 'en' });
      const plain = await PDFDocument.create();
      plain.addPage();
      const plainPath = path.join(dir, 'plain.pdf');
      writeFileSync(plainPath, await plain.save());
      await page.goto(`${w.base}/verify`);
      await page.setInputFiles('#file', plainPath);
      await expect
        .poll(() => page.textContent('#verify-form'))
        .toContain('That PDF carries no credential');
      await expectAccessible(page, 'verify: a PDF without a credential');

      // A forger's PDF: the degree's credential embedded with its name changed.
      const forged = await PDFDocument.create();
      forged.addPage();
      await forged.attach(
        new TextEncoder().encode(degree.serialized.replace('理学学士学位', '理学博士学位')),
        'credential.json',
        { mimeType: 'application/vc' },
      );
      const forgedPath = path.join(dir, 'forged.pdf');
      writeFileSync(forgedPath, await forged.save());
      await page.setInputFiles('#file', forgedPath);
      await expect.poll(() => page.inputValue('#credential')).toContain('理学博士学位');
      await page.click('#verify');
      await expect
        .poll(() => page.getAttribute('#verdict', 'class'), { timeout: 30_000 })
        .toBe('verdict bad');
      await context.close();
    });

    it('opens the page behind a printed QR code, in Chinese, with the status and every check', async () => {
      const { page, context } = await w.newPage({ lang: 'zh' });
      const uuid = degree.id.replace('urn:uuid:', '');
      await page.goto(`${w.base}/verify/credentials/${uuid}?d=${degree.hash}`);
      await expect
        .poll(() => page.getAttribute('#verdict', 'class'), { timeout: 30_000 })
        .toBe('verdict ok');
      expect(await page.getAttribute('[data-testid=printed-status]', 'data-status')).toBe('active');
      expect(await page.textContent('[data-testid=credential-details]')).toContain('理学学士学位');
      await expectAccessible(page, 'printed credential (zh)');
      await page.goto(`${w.base}/verify/credentials/${uuid}?d=${'0'.repeat(64)}`);
      await expect.poll(() => page.textContent('.alert')).toContain('没有与此链接相符的证书');
      await context.close();
    });

    it('asked for nothing outside the server', () => {
      expect(w.outside).toEqual([]);
    });
  },
);
