// The operator's console in Chromium, through the real server and database, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../setup/app.ts';
import {
  expectAccessible,
  hasChromium,
  signIn,
  startBrowserWorld,
  type BrowserWorld,
} from './browser.ts';

describe.skipIf(!hasChromium)("the operator's console", { timeout: 180_000 }, () => {
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

  it('registers an institution with its accreditation scope, errors beside the fields, then changes the scope (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'op@test.example', world.password);
    await page.waitForURL(/\/console$/);
    // The operator's pages, and none of an institution's.
    const nav = page.locator('nav.console-nav');
    await expect.poll(() => nav.textContent()).toContain('Audit trail');
    expect(await nav.textContent()).not.toContain('Record an achievement');
    expect(await nav.textContent()).not.toContain('Keys and integration');
    await expectAccessible(page, 'operator home (en)');

    await nav.getByRole('link', { name: 'Institutions' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Institutions');
    await expect.poll(() => page.locator('[data-testid=institutions] tbody tr').count()).toBe(2);
    await expectAccessible(page, 'institutions (en)');

    const form = page.locator('[data-testid=register-form]');
    const submit = () => form.getByRole('button', { name: 'Register' }).click();
    const slugError = form.locator('.field', { has: page.locator('input[name=slug]') });
    await form.locator('input[name=slug]').fill('Bad Slug');
    await submit();
    await expect
      .poll(() => slugError.locator('.field-error').textContent())
      .toContain('lower-case');
    await form.locator('input[name=slug]').fill('uni-a');
    await form.getByLabel('Name (English)').fill('Hangzhou Open College');
    await form.getByLabel('Name (Chinese)').fill('杭州开放学院');
    await form.getByLabel('Region').fill('CN-ZJ');
    await form.getByLabel('Vocational diploma', { exact: true }).check();
    await form.getByLabel('Levels for Vocational diploma').fill('5, 12');
    await submit();
    // A level out of range: the error beside the accreditation scope.
    await expect
      .poll(() => form.locator('fieldset .field-error').textContent())
      .toBe('Accreditation levels are whole numbers 0-10, got 12');
    await expectAccessible(page, 'register with errors (en)');
    await form.getByLabel('Levels for Vocational diploma').fill('5');
    await submit();
    // A slug that is taken: the conflict beside the slug.
    await expect
      .poll(() => slugError.locator('.field-error').textContent())
      .toBe('An institution with slug "uni-a" exists already');
    await form.locator('input[name=slug]').fill('hz-open');
    await form.getByLabel('Type').selectOption('VOCATIONAL_COLLEGE');
    await submit();
    await expect.poll(() => page.textContent('.alert-success')).toBe('hz-open is registered.');
    const row = page.locator('[data-slug=hz-open]');
    await expect.poll(() => row.textContent()).toContain('Vocational diploma (levels 5)');
    expect(await row.textContent()).toContain('Vocational college');
    expect(await row.textContent()).toContain('Active');

    await row.getByRole('button', { name: 'Accreditation hz-open' }).click();
    const scope = page.locator('[data-testid=scope-form]');
    await scope.getByLabel('Training certificate', { exact: true }).check();
    await scope.getByRole('button', { name: 'Save accreditation' }).click();
    await expect
      .poll(() => page.textContent('.alert-success'))
      .toBe('The accreditation of hz-open is saved.');
    await expect.poll(() => row.textContent()).toContain('Training certificate (any level)');
    const stored = await w.t.services.institutions.findBySlug('hz-open');
    expect(stored?.accreditation.map((a) => a.qualificationType)).toEqual([
      'vocational_diploma',
      'training_certificate',
    ]);
    await context.close();
  });

  it('suspends and reinstates an institution, whose staff may then only read (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'op@test.example', world.password);
    await page.waitForURL(/\/console$/);
    await page.goto(`${w.base}/console/institutions`);
    const row = page.locator('[data-slug=college-b]');
    await row.getByRole('button', { name: 'Suspend college-b' }).click();
    await expect
      .poll(() => page.textContent('.alert-success'))
      .toBe('college-b is suspended: its staff and API keys may only read.');
    await expect.poll(() => row.textContent()).toContain('Suspended');
    expect(await w.t.services.institutions.isSuspended(world.instB.id)).toBe(true);
    // Its staff are refused a write.
    const key = await w.t.gql<{ createApiKey: { __typename: string; code?: string } }>(
      `mutation($i: ID!) { createApiKey(institutionId: $i, label: "x", scopes: [RECORDS_READ]) { __typename ... on ResultError { code } } }`,
      { i: world.instB.id },
      world.tokens.staffB,
    );
    expect(key.data?.createApiKey.code).toBe('FORBIDDEN');
    await expectAccessible(page, 'institutions with a suspension (en)');
    await row.getByRole('button', { name: 'Reinstate college-b' }).click();
    await expect.poll(() => page.textContent('.alert-success')).toBe('college-b is active again.');
    await expect.poll(() => row.textContent()).toContain('Active');
    await context.close();
  });

  it('creates a staff account with a one-time activation code, which its holder activates; then a reset code, disable and enable (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'op@test.example', world.password);
    await page.waitForURL(/\/console$/);
    await page.goto(`${w.base}/console/staff`);
    await expect.poll(() => page.textContent('h1')).toBe('Staff accounts');
    await page.getByLabel('Institution').selectOption(world.instA.id);
    const table = page.locator('[data-testid=staff]');
    await expect.poll(() => table.textContent()).toContain('staff@a.example');
    await expectAccessible(page, 'staff (en)');

    const form = page.locator('[data-testid=staff-form]');
    expect(await form.locator('input[type=password], input[name=password]').count()).toBe(0);
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByLabel('Name').fill('Second Registrar');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => form.locator('.field-error').textContent())
      .toBe('"not-an-email" is not an email address');
    await form.getByLabel('Email').fill('registrar2@a.example');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.textContent('.alert-success'))
      .toBe('The account registrar2@a.example is created.');
    const shown = page.locator('[data-testid=staff-code]');
    await expect.poll(() => shown.textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = (await shown.textContent())!;
    expect(await page.textContent('main')).toContain('Activation code for registrar2@a.example');
    const created = table.locator('[data-email="registrar2@a.example"]');
    await expect.poll(() => created.textContent()).toContain('Awaiting activation');
    await expectAccessible(page, 'staff with a code (en)');
    // Only the hash is stored, and nobody signs in before activation.
    const stored = await w.t.db.connection.collection('account_codes').find().toArray();
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    await expect(
      w.t.services.accounts.authenticate('registrar2@a.example', 'pending-activation'),
    ).rejects.toThrow('Wrong email or password');

    // The same email again: the conflict beside the email.
    await form.getByLabel('Email').fill('registrar2@a.example');
    await form.getByLabel('Name').fill('Twin');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => form.locator('.field-error').textContent())
      .toBe('An account for registrar2@a.example exists already');

    // The staff member, on their own device, activates with the code and their own password.
    const holder = await w.newPage({ lang: 'en' });
    const p2 = holder.page;
    await p2.goto(`${w.base}/activate/staff`);
    await expect.poll(() => p2.textContent('h1')).toBe('Activate a staff account');
    await expectAccessible(p2, 'staff activation (en)');
    const activate = p2.locator('[data-testid=activate-staff-form]');
    await activate.getByLabel('Email of the account').fill('registrar2@a.example');
    await activate.getByLabel('Activation code').fill('AAAA-BBBB-CCCC');
    await activate.getByLabel('Choose a password').fill('my own password 1');
    await activate.getByLabel('The password again').fill('my own password 1');
    await activate.getByRole('button', { name: 'Activate and sign in' }).click();
    const codeField = activate.locator('.field', { has: p2.locator('input[name=code]') });
    await expect
      .poll(() => codeField.locator('.field-error').textContent())
      .toContain('The code does not match');
    await activate.getByLabel('Activation code').fill(code.toLowerCase());
    await activate.getByLabel('Choose a password').fill('my own password 1');
    await activate.getByLabel('The password again').fill('my own password 1');
    await activate.getByRole('button', { name: 'Activate and sign in' }).click();
    await p2.waitForURL(/\/console$/);
    await expect.poll(() => p2.locator('nav.console-nav').textContent()).toContain('Record');
    await holder.context.close();
    const user = await w.t.services.accounts.authenticate(
      'registrar2@a.example',
      'my own password 1',
    );
    expect(user).toMatchObject({ role: 'staff', institutionId: world.instA.id });

    await page.reload();
    await expect.poll(() => created.textContent()).toContain('Enabled');
    await created.getByRole('button', { name: 'Reset code registrar2@a.example' }).click();
    await expect
      .poll(() => page.textContent('main'))
      .toContain('Reset code for registrar2@a.example');
    await expect.poll(() => shown.textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    await created.getByRole('button', { name: 'Disable registrar2@a.example' }).click();
    await expect.poll(() => created.textContent()).toContain('Disabled');
    await expect(
      w.t.services.accounts.authenticate('registrar2@a.example', 'my own password 1'),
    ).rejects.toThrow('This account is disabled');
    await created.getByRole('button', { name: 'Enable registrar2@a.example' }).click();
    await expect.poll(() => created.textContent()).toContain('Enabled');
    await context.close();
  });

  it('reads the audit trail of what was just done, newest first, a page at a time (en)', async () => {
    const { page, context } = await w.newPage({ lang: 'en' });
    await signIn(page, w.base, 'op@test.example', world.password);
    await page.waitForURL(/\/console$/);
    await page.goto(`${w.base}/console/audit-trail`);
    await expect.poll(() => page.textContent('h1')).toBe('Audit trail');
    const rows = page.locator('[data-testid=audit-trail] tbody tr');
    await expect.poll(() => rows.count()).toBe(14);
    const actions = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-action')),
    );
    expect(actions.slice(0, 12)).toEqual([
      'USER_ENABLE',
      'USER_DISABLE',
      'USER_RESET_CODE',
      'USER_ACTIVATION_CODE',
      'USER_CREATE_STAFF',
      'INSTITUTION_STATUS',
      'INSTITUTION_STATUS',
      'INSTITUTION_ACCREDITATION',
      'INSTITUTION_REGISTER',
      // createWorld's, done by the system.
      'USER_CREATE_STAFF',
      'USER_CREATE_STAFF',
      'INSTITUTION_REGISTER',
    ]);
    const suspension = rows.nth(6);
    expect(await suspension.textContent()).toContain('op@test.example');
    expect(await suspension.textContent()).toContain('college-b');
    expect(await suspension.locator('del').textContent()).toBe('active');
    expect(await rows.nth(10).textContent()).toContain('the system');
    // Each written before its change and its outcome after: every one of these succeeded.
    const statuses = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-status')),
    );
    expect(new Set(statuses)).toEqual(new Set(['SUCCEEDED']));
    expect(await rows.first().textContent()).toContain('done');
    await expectAccessible(page, 'audit trail (en)');

    // More than a page: the older actions come on request.
    for (let i = 0; i < 15; i++) {
      await w.t.services.accounts.setDisabled(
        { kind: 'operator', userId: 'scripted' },
        (await w.t.services.accounts.findUserByEmail('staff@b.example'))!.id,
        i % 2 === 0,
      );
    }
    await page.reload();
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Older actions' }).click();
    await expect.poll(() => rows.count()).toBe(29);
    expect(await page.getByRole('button', { name: 'Older actions' }).count()).toBe(0);
    const seqs = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.children[0]!.textContent)),
    );
    expect(seqs).toEqual(Array.from({ length: 29 }, (_, i) => 29 - i));
    await context.close();
  });

  it('is the same console in Chinese, on every operator page', async () => {
    const { page, context } = await w.newPage({ lang: 'zh' });
    await signIn(page, w.base, 'op@test.example', world.password);
    await page.waitForURL(/\/console$/);
    for (const [path, title] of [
      ['institutions', '机构'],
      ['staff', '工作人员账号'],
      ['audit-trail', '操作记录'],
    ] as const) {
      await page.goto(`${w.base}/console/${path}`);
      await expect.poll(() => page.textContent('h1')).toBe(title);
      await expect.poll(() => page.locator('table').count()).toBe(1);
      await expectAccessible(page, `${path} (zh)`);
    }
    // A registration in Chinese, with the API's error beside the slug.
    await page.goto(`${w.base}/console/institutions`);
    const form = page.locator('[data-testid=register-form]');
    await form.locator('input[name=slug]').fill('college-b');
    await form.getByLabel('名称（中文）').fill('乙学院二');
    await form.getByLabel('地区').fill('CN-ZJ');
    await form.getByRole('button', { name: '登记' }).click();
    await expect
      .poll(() => form.locator('.field-error').textContent())
      .toBe('An institution with slug "college-b" exists already');
    await form.locator('input[name=slug]').fill('yi-2');
    await form.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.textContent('.alert-success')).toBe('yi-2 已登记。');
    expect(await page.locator('[data-slug=yi-2]').textContent()).toContain('大学');
    await page.goto(`${w.base}/console/audit-trail`);
    await expect
      .poll(() => page.locator('[data-testid=audit-trail] tbody tr').first().textContent())
      .toContain('登记机构');
    // A staff member's activation page, in Chinese, signed out.
    const holder = await w.newPage({ lang: 'zh' });
    await holder.page.goto(`${w.base}/activate/staff`);
    await expect.poll(() => holder.page.textContent('h1')).toBe('激活工作人员账号');
    await expectAccessible(holder.page, 'staff activation (zh)');
    await holder.context.close();
    // The operator has no institution: the keys page is not theirs.
    await page.goto(`${w.base}/console/keys`);
    await expect.poll(() => page.textContent('.alert')).toBe('您的账号不能使用此页面。');
    await context.close();
  });
});
