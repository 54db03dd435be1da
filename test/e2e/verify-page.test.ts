// The employer verification page in a real browser (Debian's Chromium, driven by playwright-core).
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SYSTEM, type Actor } from '../../domain/identity/access.ts';
import { freePort } from '../../embedded-db/launcher.ts';
import { createTestApp, createWorld, type TestApp } from '../setup/app.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))(
  'the verification page (/verify)',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let server: Server;
    let base: string;
    let browser: Browser;
    let page: Page;
    let di: string;
    let jwt: string;
    let diId: string;
    let learner: Extract<Actor, { kind: 'learner' }>;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      t = await createTestApp({ config: { PUBLIC_URL: base } });
      const w = await createWorld(t);
      const staff: Actor = { kind: 'staff', userId: 'registrar', institutionId: w.instA.id };
      const o = await t.services.ledger.recordAchievement(staff, w.instA.id, {
        learnerId: w.learner1.id,
        sourceRecordId: 'PAGE-1',
        kind: 'course',
        courseCode: 'MATH101',
        earnedAt: '2024-06-30',
        grade: { score: 93 },
      });
      const entryId = o.status === 'conflict' ? '' : o.entry.id;
      const issue = (format: string) =>
        t.services.credentials.issue(SYSTEM, {
          institutionId: w.instA.id,
          learnerId: w.learner1.id,
          what: { kind: 'achievement', entryId },
          format,
        });
      const issued = await issue('eddsa-rdfc-2022');
      di = issued.serialized;
      diId = issued.id;
      jwt = (await issue('vc+jwt')).serialized;
      learner = { kind: 'learner', userId: 'l1', learnerId: w.learner1.id };
      server = t.app.listen(port, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      // In Chinese: the issuer's and the course's names are then the Chinese ones.
      page = await browser.newPage({ locale: 'zh-CN' });
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((r) => server?.close(r));
      await t?.close();
    });

    async function verifyOnPage(text: string) {
      await page.goto(`${base}/verify`);
      await page.fill('#credential', text);
      await page.click('#verify');
      await page.waitForSelector('#result');
      return {
        verdict: await page.getAttribute('#verdict', 'class'),
        rows: await page.$$eval('#checks tbody tr', (trs) =>
          trs.map((tr) => [tr.getAttribute('data-check'), tr.getAttribute('data-status')]),
        ),
        summary: await page.textContent('#result'),
      };
    }

    it('shows a genuine credential as verified, with every check and who issued it', async () => {
      const r = await verifyOnPage(di);
      expect(r.verdict).toContain('ok');
      expect(r.rows).toContainEqual(['proof', 'passed']);
      expect(r.rows).toContainEqual(['status', 'passed']);
      expect(r.rows).toContainEqual(['issuerAccredited', 'passed']);
      expect(r.summary).toContain('甲大学');
      expect(r.summary).toContain('李明');
      expect(r.summary).toContain('微积分');
      expect(r.summary).not.toContain('未经证实');
      await page.screenshot({ path: '/tmp/creditbank-verify-ok.png', fullPage: true });
    });

    it('shows a tampered credential as not verified, naming the failed proof', async () => {
      const doc = JSON.parse(di) as { credentialSubject: { name: string } };
      doc.credentialSubject.name = 'Someone Else';
      const r = await verifyOnPage(JSON.stringify(doc));
      expect(r.verdict).toContain('bad');
      expect(r.rows).toContainEqual(['proof', 'failed']);
      expect(await page.textContent('#result')).toContain('以下内容未经证实');
      await page.screenshot({ path: '/tmp/creditbank-verify-bad.png', fullPage: true });
    });

    it('verifies a JWT credential pasted as it is, and says so for garbage', async () => {
      expect((await verifyOnPage(jwt)).verdict).toContain('ok');
      const garbage = await verifyOnPage('this is not a credential');
      expect(garbage.verdict).toContain('bad');
      expect(garbage.rows.some(([, status]) => status === 'failed')).toBe(true);
    });

    it('shows a genuine credential of an issuer outside the registry as authentic, with the warning in words (ISSUER_UNKNOWN)', async () => {
      // Signed by the published libraries alone, by a did:key issuer the credit bank does not know.
      const fixture = (name: string) =>
        JSON.stringify(
          (
            JSON.parse(
              readFileSync(new URL(`../fixtures/conformance/${name}`, import.meta.url), 'utf8'),
            ) as { credential: unknown }
          ).credential,
          null,
          2,
        );
      const genuine = await verifyOnPage(fixture('ob3-vc2-ecdsa-rdfc-2019.json'));
      expect(genuine.verdict).toBe('verdict ok unregistered');
      expect(await page.textContent('#verdict')).toContain(
        '凭证真实，但签发方不在本学分银行的登记册中',
      );
      expect(genuine.rows).toContainEqual(['proof', 'passed']);
      expect(await page.textContent('[data-testid=registration]')).toContain(
        '不在学分银行的机构名录中',
      );
      const tampered = await verifyOnPage(fixture('ob3-vc2-ecdsa-rdfc-2019.tampered-claim.json'));
      expect(tampered.verdict).toBe('verdict bad');
      expect(tampered.rows).toContainEqual(['proof', 'failed']);
    });

    it('opens a shared link in the browser: the credential, whom it was shared with, every check', async () => {
      const { url, share } = await t.services.sharing.share(learner, {
        credentialId: diId,
        audience: 'ACME Ltd, HR',
      });
      await page.goto(url);
      await page.waitForSelector('#result');
      expect(await page.getAttribute('#verdict', 'class')).toContain('ok');
      expect(await page.textContent('#shared')).toContain('ACME Ltd, HR');
      expect(await page.textContent('#summary')).toContain('微积分');
      const rows = await page.$$eval('#checks tbody tr', (trs) =>
        trs.map((tr) => [tr.getAttribute('data-check'), tr.getAttribute('data-status')]),
      );
      expect(rows).toContainEqual(['proof', 'passed']);
      expect(rows).toContainEqual(['status', 'passed']);
      expect(await page.inputValue('#credential')).toContain(diId);
      await page.screenshot({ path: '/tmp/creditbank-shared.png', fullPage: true });
      // The page's own request for the credential is the one opening recorded.
      const [listed] = await t.services.sharing.list(learner, learner.learnerId);
      expect(listed?.id).toBe(share.id);
      expect(listed?.views).toHaveLength(1);

      await t.services.sharing.revoke(learner, share.id);
      await page.goto(url);
      await page.waitForSelector('#result');
      expect(await page.getAttribute('#verdict', 'class')).toContain('bad');
      expect(await page.textContent('#shared')).toContain('此分享链接已失效');
      expect(await page.textContent('#checks')).toContain('withdrew');
    });

    it('is served with a strict content security policy', async () => {
      const res = await fetch(`${base}/verify`);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      // The app's one page: a module script of this server, no inline script.
      expect(await res.text()).toMatch(
        /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/,
      );
    });
  },
);
