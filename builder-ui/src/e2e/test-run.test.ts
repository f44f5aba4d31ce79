import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startE2E, type E2E, type Tab } from './harness.js';

// A test run in Chromium against the real stack: the giveaway template run from the editor at
// 3,600×, entered from the sandbox transcript beside the canvas by three members (one twice),
// watched on the canvas and read step by step on the run page.

const GUILD = SANDBOX_IDS.guild;
const { alice, bob, carol } = SANDBOX_IDS.users;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

describe('a test run', () => {
  it('plays a 10-hour giveaway in seconds: entries from the transcript, a winner of 3', async () => {
    const { page } = tab;
    // Installed from the gallery into the server last opened, roles and channel picked by name.
    await page.goto(`/guilds/${GUILD}/graphs`);
    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: 'Install Giveaway' }).click();
    const form = page.getByRole('dialog', { name: 'Install “Giveaway”' });
    for (const [field, typed, shown] of [
      ['Host role', 'mod', '@Moderator'],
      ['Giveaway channel', 'givea', '#giveaways'],
      ['Winner role', 'newc', '@Newcomer'],
    ] as const) {
      const picker = form.getByRole('combobox', { name: field });
      await picker.pressSequentially(typed);
      await picker.press('Enter');
      await expect(picker.inputValue()).resolves.toBe(shown);
    }
    // Two graphs (the /giveaway one and the milestone one): the list shows both.
    await form.getByRole('button', { name: 'Install 2 graphs' }).click();
    await page.getByRole('link', { name: 'Milestone giveaway', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Giveaway', exact: true }).click();
    await page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs/g_[\\w-]+$`), {
      waitUntil: 'commit',
    });
    await page.getByRole('button', { name: 'Test run in the sandbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'Test run in the sandbox' });
    // The payload starts from the slash command's declared options and a member of the server.
    await expect(dialog.getByLabel(/Trigger payload/).inputValue()).resolves.toContain('"prize"');
    await dialog.getByLabel(/Trigger payload/).fill(
      JSON.stringify({
        user: {
          id: alice,
          username: 'alice',
          mention: `<@${alice}>`,
          roles: [SANDBOX_IDS.roles.moderator],
        },
        channelId: SANDBOX_IDS.channels.giveaways,
        command: 'giveaway',
        options: { prize: 'a Guildflow mug', duration: '10h' },
      }),
    );
    await dialog.getByLabel('Time compression').selectOption('3600');
    await expect(dialog.textContent()).resolves.toContain('a 7-day wait takes 2 min 48 s');
    await dialog.getByRole('button', { name: 'Run now' }).click();

    // The canvas lights up: the collect window waits while members enter.
    const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .gf-editor-node`);
    await node('entries').and(page.locator('.run-waiting')).waitFor();
    await expect(node('post').getAttribute('class')).resolves.toContain('run-completed');
    await page.getByRole('status').filter({ hasText: 'Test run running at 3,600×' }).waitFor();
    await e2e.screenshot(tab, 'overlay');

    // Members enter from the sandbox transcript beside the canvas.
    await page.getByRole('button', { name: 'Sandbox transcript' }).click();
    const drawer = page.getByRole('complementary', { name: 'Sandbox transcript' });
    await drawer.getByLabel('Channel', { exact: true }).selectOption({ label: '#giveaways' });
    const messages = drawer.getByRole('list', { name: 'Messages in #giveaways' });
    const enter = messages.getByRole('button', { name: 'Enter' }).last();
    for (const who of [alice, bob, carol, alice]) {
      await drawer.getByLabel('Act as').selectOption(who);
      await enter.click();
    }
    await e2e.screenshot(tab, 'transcript');
    await messages.getByText(/\(3 entered\)/).waitFor({ timeout: 30_000 });
    await node('announce').and(page.locator('.run-completed')).waitFor();
    // Hosts may reroll for 24 h (24 s at 3,600×); then the run ends.
    await page
      .getByRole('status')
      .filter({ hasText: 'Test run completed' })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Open the run' }).click();
    await page
      .getByRole('list', { name: 'Steps' })
      .getByRole('button', { name: /Collect/ })
      .click();
    const collect = page.getByRole('region', { name: /Collect/ });
    await expect(collect.textContent()).resolves.toContain('"count": 3');
    await e2e.screenshot(tab, 'run-page-giveaway');
    e2e.expectNoErrors(tab);
  }, 150_000);
});
