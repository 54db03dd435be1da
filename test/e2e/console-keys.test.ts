// An institution's keys and integration page in Chromium, through the real server and database, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

describe.skipIf(!hasChromium)('the keys and integration page', { timeout: 120_000 }, () => {
  let w: BrowserWorld;
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    w = await startBrowserWorld();
    world = await createWorld(w.t);
  });

  afterAll(async () => {
    expect(w?.outside ?? []).toEqual([]);
    await w?.close();
  });

  it('creates an API key with scopes, shows its secret once and its last use, and revokes it (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'staff@a.example', world.password);
    await page.waitForURL(/\/console$/);
    // Staff see their institution's pages, not the operator's.
    const nav = page.locator('nav.console-nav');
    await expect.poll(() => nav.textContent()).toContain('Keys and integration');
    expect(await nav.textContent()).not.toContain('Audit trail');
    await nav.getByRole('link', { name: 'Keys and integration' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Keys and integration');
    await expect.poll(() => page.textContent('.card')).toContain('No API keys yet.');
    await expectAccessible(page, 'keys (en)');

    // No label: the API's error beside the label field, nothing created.
    const form = page.locator('[data-testid=api-key-form]');
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('label is required');
    // No scope: the error beside the scopes.
    await form.getByLabel('Label').fill('SIS nightly sync');
    await form.getByLabel('Record (records:write)').uncheck();
    await form.getByLabel('Read records (records:read)').uncheck();
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect
      .poll(() => form.locator('fieldset .field-error').textContent())
      .toBe('An API key needs at least one scope');
    await form.getByLabel('Read records (records:read)').check();
    await form.getByRole('button', { name: 'Create key' }).click();

    const secret = page.locator('input[name=apiKeySecret]');
    await expect
      .poll(() => secret.inputValue())
      .toMatch(/^cbk_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    const token = await secret.inputValue();
    const row = page.locator('[data-key-label="SIS nightly sync"]');
    await expect.poll(() => row.textContent()).toContain('never');
    expect(await row.textContent()).toContain('Read records (records:read)');
    await expectAccessible(page, 'keys with a new secret (en)');

    // The system uses the key; the page shows when.
    const used = await w.t.gql<{ me: { role: string } }>('{ me { role } }', {}, token);
    expect(used.data?.me.role).toBe('API_KEY');
    await page.reload();
    await expect.poll(() => row.textContent()).not.toContain('never');
    // The secret is not shown again.
    expect(await page.locator('input[name=apiKeySecret]').count()).toBe(0);

    await row.getByRole('button', { name: 'Revoke SIS nightly sync' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    await expect
      .poll(() => page.textContent('.alert-success'))
      .toBe('The key “SIS nightly sync” is revoked: it no longer signs anything in.');
    const refused = await w.t.gql('{ me { role } }', {}, token);
    expect(refused.status).toBe(401);
    await context.close();
  });

  it('rotates and revokes a signing key with a compromise time, and shows the DID document (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'staff@a.example', world.password);
    await page.waitForURL(/\/console$/);
    await page.goto(`${w.base}/console/keys`);
    await expect
      .poll(() => page.textContent('[data-testid=institution-did]'))
      .toMatch(/^did:web:.+:institutions:uni-a$/);
    expect(await page.textContent('.did-document')).toContain('"verificationMethod"');

    await page.getByRole('button', { name: 'Rotate the Ed25519 key' }).click();
    await expect
      .poll(() => page.textContent('.alert-success'))
      .toBe('A new Ed25519 key is current.');
    const keys = page.locator('[data-testid=signing-keys] tbody tr');
    const current = keys.filter({ hasText: 'Ed25519' }).filter({ hasText: 'Current' });
    await expect.poll(() => current.count()).toBe(1);
    await expectAccessible(page, 'signing keys (en)');

    await current.getByRole('button', { name: /^Revoke / }).click();
    const revokeForm = page.locator('.entry-change form');
    // No reason, then a compromise time in the future: each error beside its field.
    await revokeForm.getByRole('button', { name: 'Revoke this key' }).click();
    await expect
      .poll(() => revokeForm.locator('.field-error').textContent())
      .toBe('reason is required');
    await revokeForm.getByLabel('Reason').fill('Laptop stolen');
    await revokeForm.getByLabel('Compromised since (optional)').fill('2099-01-01T10:00:00');
    await revokeForm.getByRole('button', { name: 'Revoke this key' }).click();
    await expect
      .poll(() => revokeForm.locator('.field-error').textContent())
      .toBe('compromisedAt must be a past timestamp');
    expect(
      await revokeForm.getByLabel('Compromised since (optional)').getAttribute('aria-invalid'),
    ).toBe('true');
    await revokeForm.getByLabel('Compromised since (optional)').fill('2020-01-01T10:00:00');
    await revokeForm.getByRole('button', { name: 'Revoke this key' }).click();
    await expect.poll(() => page.textContent('.alert-success')).toBe('The key is revoked.');
    const revoked = keys.filter({ hasText: 'Laptop stolen' });
    await expect.poll(() => revoked.textContent()).toContain('Revoked from');
    // A new key took over at once.
    await expect
      .poll(() => keys.filter({ hasText: 'Ed25519' }).filter({ hasText: 'Current' }).count())
      .toBe(1);
    const stored = await w.t.services.keys.list({ kind: 'system' }, world.instA.id);
    const gone = stored.find((k) => k.revocationReason === 'Laptop stolen');
    expect(gone?.revokedAt?.slice(0, 10)).toBe('2020-01-01');
    await context.close();
  });

  it('is the same page in Chinese, and the operator pages are not for staff', async () => {
    const { page, context } = await w.newPage({ lang: 'zh' });
    await signIn(page, w.base, 'staff@b.example', world.password);
    await page.waitForURL(/\/console$/);
    await page.goto(`${w.base}/console/keys`);
    await expect.poll(() => page.textContent('h1')).toBe('密钥与对接');
    const form = page.locator('[data-testid=api-key-form]');
    await form.getByLabel('名称').fill('教务系统');
    await form.getByRole('button', { name: '创建密钥' }).click();
    await expect.poll(() => page.locator('input[name=apiKeySecret]').count()).toBe(1);
    await expect
      .poll(() => page.textContent('.alert-success .alert-title'))
      .toBe('密钥“教务系统”已创建。请立即复制其密文：仅显示这一次。');
    expect(await page.locator('[data-key-label="教务系统"]').textContent()).toContain('从未使用');
    await expectAccessible(page, 'keys (zh)');
    for (const path of ['institutions', 'staff', 'audit-trail']) {
      await page.goto(`${w.base}/console/${path}`);
      await expect.poll(() => page.textContent('.alert')).toBe('您的账号不能使用此页面。');
    }
    await context.close();
  });
});
