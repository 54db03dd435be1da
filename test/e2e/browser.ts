// Shared set-up of the browser tests: the real app on a loopback port, Debian's Chromium, and two
// guards on every page: no request leaves the server, and axe finds nothing serious or critical.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../../embedded-db/launcher.ts';
import { createTestApp, type TestApp } from '../setup/app.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface BrowserWorld {
  t: TestApp;
  base: string;
  browser: Browser;
  /** Every URL any page asked for that is not the server's own (must stay empty). */
  outside: string[];
  newPage(opts?: {
    lang?: 'zh' | 'en';
    width?: number;
  }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

export async function startBrowserWorld(
  config: Record<string, string> = {},
): Promise<BrowserWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ config: { PUBLIC_URL: base, ...config } });
  const server: Server = t.app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await chromium.launch({
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
  const outside: string[] = [];
  return {
    t,
    base,
    browser,
    outside,
    async newPage({ lang = 'en', width = 1280 } = {}) {
      const context = await browser.newContext({
        locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
        viewport: { width, height: 900 },
      });
      // The language a visitor starts with; what they switch to afterwards is theirs to keep.
      await context.addInitScript((l) => {
        if (!localStorage.getItem('creditbank.lang')) localStorage.setItem('creditbank.lang', l);
      }, lang);
      context.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
          outside.push(url);
        }
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => outside.push(`pageerror: ${e.message}`));
      return { page, context };
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${what}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad).toEqual([]);
}

export async function signIn(
  page: Page,
  base: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}
