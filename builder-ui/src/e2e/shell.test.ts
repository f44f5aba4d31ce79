import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordOAuth } from '@guildflow/discord';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { createSession, endSession } from '@guildflow/engine/service';
import { startTestService } from '@guildflow/engine/testing/service';
import { BUILDER_DIST } from '@guildflow/stack';
import { startE2E, type E2E } from './harness.js';

// Sign-in, the server picker, sign-out and the 401 path, in Chromium against the real stack.

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('signing in', () => {
  it('with the printed link pasted into the form, then picking a server', async () => {
    const tab = await e2e.tab();
    await tab.page.goto('/');
    // Signed out: the app goes to /login, which explains what to paste.
    await tab.page.waitForURL('**/login', { waitUntil: 'commit' });
    // The URL changes before the page renders: wait for the text (it fails when it never comes).
    await tab.page.getByText('npm start -- --print-login').waitFor({ state: 'visible' });
    expect(await tab.page.getByRole('link', { name: 'Sign in with Discord' }).count()).toBe(0);
    await e2e.expectAccessible(tab, 'the sign-in page');
    await e2e.screenshot(tab, 'sign-in');

    await e2e.signIn(tab);
    // The token is kept by this browser only, never in the address bar.
    expect(tab.page.url()).toBe(`${e2e.url}/`);
    expect(await tab.page.evaluate(() => localStorage.getItem('guildflow.token'))).toBe(
      e2e.stack.service.adminToken,
    );
    await expect(
      tab.page.getByRole('status').filter({ hasText: 'Signed in as the admin' }).count(),
    ).resolves.toBe(1);
    const servers = tab.page.getByRole('list').getByRole('link');
    await expect(servers.allTextContents()).resolves.toEqual([
      'GGuildflow Sandbox',
      'OOther Sandbox',
    ]);
    await e2e.expectAccessible(tab, 'the server picker');
    await e2e.screenshot(tab, 'servers');

    await tab.page.getByRole('link', { name: 'Other Sandbox' }).click();
    await tab.page.waitForURL(`**/guilds/${SANDBOX_IDS.otherGuild.id}/graphs`, {
      waitUntil: 'commit',
    });
    await tab.page.getByRole('heading', { name: 'No graphs yet' }).waitFor();
    // The header's switcher follows, and moves to the other server.
    const switcher = tab.page.getByLabel('Server');
    expect(await switcher.inputValue()).toBe(SANDBOX_IDS.otherGuild.id);
    await switcher.selectOption({ label: 'Guildflow Sandbox' });
    await tab.page.waitForURL(`**/guilds/${SANDBOX_IDS.guild}/graphs`, { waitUntil: 'commit' });
    e2e.expectNoErrors(tab);
  });

  it('by opening the printed link: the token leaves the address bar at once', async () => {
    const tab = await e2e.tab();
    await tab.page.goto(e2e.signInLink);
    await tab.page.getByRole('heading', { name: 'Your servers' }).waitFor();
    expect(tab.page.url()).toBe(`${e2e.url}/`);
    e2e.expectNoErrors(tab);
    // No history entry holds it either: Back leaves the app (the tab started blank).
    await tab.page.goBack();
    expect(tab.page.url()).toBe('about:blank');
  });

  it('refuses a wrong link, says so and keeps nothing', async () => {
    const tab = await e2e.tab();
    await tab.page.goto('/login');
    await tab.page.getByLabel('Sign-in link').fill(`${e2e.url}/login#token=wrong-token-123`);
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.page.getByRole('alert').textContent()).resolves.toContain(
      'wrong or has expired',
    );
    expect(await tab.page.evaluate(() => localStorage.getItem('guildflow.token'))).toBeNull();
    // The API refused it with a 401: Chromium reports the refused request itself.
    expect(tab.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
  });
});

describe('signing in with Discord', () => {
  it('is offered when configured, and lands signed in with the servers Discord confirmed', async () => {
    const { sandbox, service } = e2e.stack;
    const hosted = await startTestService({
      mongo: service.deps.mongo,
      builderDir: BUILDER_DIST,
      discordBot: service.deps.discordBot,
      discordOAuth: discordOAuth({
        clientId: sandbox.oauth.clientId,
        clientSecret: sandbox.oauth.clientSecret,
        apiBase: `${sandbox.url}/api/v10`,
      }),
    });
    try {
      const tab = await e2e.tab();
      await tab.page.goto(`${hosted.url}/login`);
      await tab.page.getByRole('link', { name: 'Sign in with Discord' }).click();
      // The sandbox's consent page stands in for Discord's.
      await tab.page.getByRole('link', { name: 'Authorize as Alice' }).click();
      await tab.page.getByRole('heading', { name: 'Your servers' }).waitFor();
      expect(tab.page.url()).toBe(`${hosted.url}/`);
      await expect(tab.page.getByText('alice', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(
        tab.page.getByRole('status').filter({ hasText: 'Signed in as alice with Discord' }).count(),
      ).resolves.toBe(1);
      // The sandbox's own consent page has no icon; the builder logged nothing.
      expect(tab.errors.filter((e) => !e.includes(`(${sandbox.url}/`))).toEqual([]);
    } finally {
      await hosted.close();
    }
  });
});

describe('signing out', () => {
  it('from the header: back to sign-in, and the pages need the link again', async () => {
    const tab = await e2e.tab();
    await e2e.signIn(tab);
    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.waitForURL('**/login', { waitUntil: 'commit' });
    await expect(tab.page.getByRole('alert').textContent()).resolves.toBe('You are signed out.');
    expect(await tab.page.evaluate(() => localStorage.getItem('guildflow.token'))).toBeNull();
    await tab.page.goto(`/guilds/${SANDBOX_IDS.guild}/graphs`);
    await tab.page.waitForURL('**/login', { waitUntil: 'commit' });
    e2e.expectNoErrors(tab);
  });

  it('when a Discord session ends elsewhere: the next request goes back to sign-in, saying why', async () => {
    const { token } = await createSession(e2e.stack.service.store, {
      user: { id: '1300000000000000301', username: 'alice' },
      guildIds: [SANDBOX_IDS.guild],
    });
    const tab = await e2e.tab();
    await tab.page.goto(`/login#token=${token}`);
    await tab.page.getByRole('heading', { name: 'Your servers' }).waitFor();
    await expect(tab.page.getByText('alice', { exact: true }).isVisible()).resolves.toBe(true);
    // A signed-in user sees only the servers they manage.
    await expect(tab.page.getByRole('list').getByRole('link').allTextContents()).resolves.toEqual([
      'GGuildflow Sandbox',
    ]);
    await endSession(e2e.stack.service.store, token);
    await tab.page.getByRole('link', { name: 'Guildflow Sandbox' }).click();
    await tab.page.waitForURL('**/login', { waitUntil: 'commit' });
    await expect(tab.page.getByRole('alert').textContent()).resolves.toContain(
      'The token is invalid or has expired',
    );
    expect(await tab.page.evaluate(() => localStorage.getItem('guildflow.token'))).toBeNull();
    expect(tab.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
  });
});
