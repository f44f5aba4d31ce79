import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startE2E, type E2E, type Tab } from './harness.js';

// The credentials page in Chromium against the real stack (add one, see it listed without its
// value, delete it), and no billing screens on a self-hosted stack (no STRIPE_SECRET_KEY);
// billing.test.ts runs the hosted ones.

const GUILD = SANDBOX_IDS.guild;
const SECRET = 'tok_e2e_never_shown_9f3a';
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

describe('the credentials page', () => {
  it('adds a credential by keyboard, lists it without its value, and deletes it', async () => {
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Credentials' })
      .click();
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor();
    await e2e.screenshot(tab, 'credentials-empty');
    await e2e.expectAccessible(tab, 'the empty credentials page');

    await page.getByRole('button', { name: 'Add credential' }).first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a credential' });
    await dialog.waitFor();
    // Focus starts on the first field; Tab walks the form.
    await page.keyboard.type('crm_token');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('gf-credential-type');
    await page.keyboard.press('Tab');
    await page.keyboard.type(SECRET);
    expect(await dialog.getByLabel('Token').getAttribute('type')).toBe('password');
    await e2e.screenshot(tab, 'credentials-add-dialog');
    await e2e.expectAccessible(tab, 'the add credential dialog');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Credentials of this server' });
    await table.getByRole('row', { name: /crm_token/ }).waitFor();
    expect(await table.getByRole('row', { name: /crm_token/ }).textContent()).toContain(
      'Bearer token',
    );
    expect(await page.content()).not.toContain(SECRET);
    const listed = await e2e.stack.service.api('GET', `/api/guilds/${GUILD}/credentials`);
    expect(listed.body.credentials.map((c: { name: string }) => c.name)).toEqual(['crm_token']);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    await e2e.screenshot(tab, 'credentials-list');
    await e2e.expectAccessible(tab, 'the credentials list');

    // The same name again: refused at the name field, nothing overwritten.
    await page.getByRole('button', { name: 'Add credential' }).click();
    await dialog.getByLabel('Name').fill('crm_token');
    await dialog.getByLabel('Token').fill('another');
    await dialog.getByRole('button', { name: 'Add credential' }).click();
    await expect.poll(() => dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#gf-credential-name-error').textContent()).toContain(
      'A credential named “crm_token” already exists',
    );
    await e2e.screenshot(tab, 'credentials-duplicate-name');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Delete crm_token' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “crm_token”?' });
    await confirm.getByRole('button', { name: 'Delete credential' }).click();
    await page.getByRole('heading', { name: 'No credentials yet' }).waitFor();
    const after = await e2e.stack.service.api('GET', `/api/guilds/${GUILD}/credentials`);
    expect(after.body.credentials).toEqual([]);
    e2e.expectNoErrors(tab, [409]);
  });
});

describe('billing', () => {
  it('shows no billing anywhere when the service has billing off', async () => {
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs`);
    await page.getByRole('heading', { name: 'Graphs' }).waitFor();
    await page.waitForLoadState('networkidle');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Credentials' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Billing' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Plan:/ }).count()).toBe(0);
    expect(await page.getByText(/Published: \d/).count()).toBe(0);
  });
});
