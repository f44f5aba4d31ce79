import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startE2E, type E2E, type Tab } from './harness.js';

// The check before publishing in Chromium against the real stack: the service reads the sandbox
// server as the bot and the editor shows what would fail there before anything goes live.

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

describe('publishing', () => {
  it('warns that a role to give sits above the bot’s, and publishes only when told to', async () => {
    const created = await e2e.stack.service.api('POST', `/api/guilds/${GUILD}/graphs`, {
      body: {
        schemaVersion: 1,
        name: 'Promote on join',
        vars: {},
        nodes: [
          { id: 'join', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
          {
            id: 'promote',
            type: 'discord.addRole',
            position: { x: 300, y: 0 },
            config: { userId: '{{ trigger.member.id }}', roleId: SANDBOX_IDS.roles.moderator },
          },
        ],
        edges: [{ id: 'e1', source: 'join', target: 'promote' }],
      },
    });
    expect(created.status).toBe(201);
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs/${created.body.id}`);
    await page.getByRole('button', { name: 'Publish' }).click();
    const check = page.getByRole('alertdialog', { name: 'Before you publish' });
    await check.waitFor();
    await expect(check.textContent()).resolves.toMatch(/above the bot/);
    await e2e.expectAccessible(tab, 'the check before publishing');
    await e2e.screenshot(tab, 'preflight');
    // Its item takes you to the node and the role field.
    await check.getByRole('button', { name: /Add role \(promote\)/ }).click();
    await expect(check.count()).resolves.toBe(0);
    await expect(page.locator('.gf-publish-state').textContent()).resolves.toBe('Not published');

    await page.getByRole('button', { name: 'Publish' }).click();
    await check.getByRole('button', { name: 'Publish anyway' }).click();
    await page.locator('.gf-publish-state', { hasText: 'Live · version 1' }).waitFor();
    e2e.expectNoErrors(tab);
  });
});
