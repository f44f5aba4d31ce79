import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startE2E, type E2E, type Tab } from './harness.js';
import { joinAndExpectWelcome } from './sandbox-member.js';

// The editor in Chromium against the real stack: a graph drawn with the mouse, configured by
// name, published, and working in the sandbox; then two tabs editing the same graph.

const GUILD = SANDBOX_IDS.guild;
const LIST = `/guilds/${GUILD}/graphs`;
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });

/** Presses the mouse on `from` and lets it go at `to`, moving in steps like a hand does. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const centre = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Drags a node type from the palette onto the canvas, `at` pixels from its top left. */
async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  const item = page.locator(`.gf-editor-palette-item[data-type="${type}"]`);
  await item.scrollIntoViewIfNeeded();
  const canvas = await page.locator('.gf-editor-canvas').boundingBox();
  if (!canvas) throw new Error('No canvas');
  await drag(page, await centre(item), { x: canvas.x + at.x, y: canvas.y + at.y });
}

/** The canvas node of a type (one per type in these graphs). */
const nodeOf = (page: Page, title: string) =>
  page.locator('.react-flow__node').filter({ hasText: title });

/** Connects an output port of one node to the input of another by dragging handle to handle. */
async function connect(page: Page, from: Locator, port: string, to: Locator) {
  const source = from.locator(`.react-flow__handle.source[data-handleid="${port}"]`);
  const target = to.locator('.react-flow__handle.target');
  await drag(page, await centre(source), await centre(target));
}

/** Opens a graph of the server in the editor by creating it from the list. */
async function newGraph(tab: Tab, name: string): Promise<string> {
  await tab.page.goto(LIST);
  await tab.page.getByRole('button', { name: 'New graph' }).first().click();
  await tab.page.getByLabel('Name').fill(name);
  await tab.page.getByRole('button', { name: 'Create and open' }).click();
  await tab.page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs/g_[\\w-]+$`));
  await tab.page.getByRole('navigation', { name: 'Node palette' }).waitFor();
  return tab.page.url().split('/').at(-1) ?? '';
}

const saveState = (page: Page) => page.locator('.gf-save-state');
const waitSaved = (page: Page) =>
  page.locator('.gf-save[data-kind="saved"]').waitFor({ timeout: 15_000 });

describe('the editor', () => {
  it('draws a welcome graph with the mouse, sets it up by name, publishes it, and it works', async () => {
    const tab = await e2e.tab();
    await e2e.signIn(tab);
    const { page } = tab;
    const graphId = await newGraph(tab, 'Mouse-made welcome');

    await dragFromPalette(page, 'trigger.memberJoined', { x: 120, y: 120 });
    await dragFromPalette(page, 'discord.sendMessage', { x: 200, y: 420 });
    await dragFromPalette(page, 'discord.addRole', { x: 520, y: 420 });
    const trigger = nodeOf(page, 'Member joined');
    const send = nodeOf(page, 'Send message');
    const role = nodeOf(page, 'Add role');
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(3);
    // Wherever they landed (the first drop zooms the view onto it), tidied up they fit in view.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.waitForTimeout(600);

    await connect(page, trigger, 'out', send);
    await connect(page, send, 'out', role);
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(2);
    // Connected, tidying up lays them out left to right in their order.
    await page.getByRole('button', { name: 'Tidy up' }).click();
    const issues = page.locator('.gf-editor-issues-toggle');
    await expect(issues.textContent()).resolves.toMatch(/[1-9]\d* issues?/);

    // The message: the channel picked by its name, the text typed with autocomplete.
    await send.click();
    const panel = page.getByRole('complementary', { name: 'Selected node' });
    const channel = panel.getByRole('combobox', { name: /^Channel/ });
    await channel.fill('welc');
    await panel.getByRole('option', { name: '#welcome' }).click();
    const content = panel.locator('[data-config-path="content"] .cm-content');
    await content.click();
    await page.keyboard.type('Welcome {{');
    await page.keyboard.type('trigger.mem');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await completions.getByRole('option', { name: /^member/ }).click();
    await page.keyboard.type('.men');
    await completions.getByRole('option', { name: /^mention/ }).click();
    await expect(content.textContent()).resolves.toBe('Welcome {{ trigger.member.mention }}');
    // Checked as typed: the message's own issues are gone; the preview shows it as Discord would.
    await send.locator('.gf-editor-node-issues').waitFor({ state: 'detached' });
    await panel.locator('.gf-preview').scrollIntoViewIfNeeded();
    await expect(panel.locator('.gf-preview').textContent()).resolves.toContain('Welcome');
    await e2e.screenshot(tab, 'config-panel');
    // Nothing hangs out of the editor: the page does not scroll at 1280×720.
    await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBe(720);

    // The role: the member as an expression, the role picked by its name.
    await role.click();
    await panel.getByRole('combobox', { name: /^Role/ }).fill('Newc');
    await panel.getByRole('option', { name: '@Newcomer' }).click();
    await panel.getByRole('button', { name: 'Member: use an expression' }).click();
    await page.keyboard.type('{{');
    await page.keyboard.type('trigger.member.id');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'No issues' }).waitFor({ timeout: 10_000 });
    await waitSaved(page);
    const saved = (await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`)).body;
    expect(saved.issues).toEqual([]);
    expect(saved.draft.nodes.map((n: { config: unknown }) => n.config)).toEqual([
      {},
      { channelId: SANDBOX_IDS.channels.welcome, content: 'Welcome {{ trigger.member.mention }}' },
      { roleId: SANDBOX_IDS.roles.newcomer, userId: '{{ trigger.member.id }}' },
    ]);
    await page.keyboard.press('Escape');
    await e2e.expectAccessible(tab, 'the editor');
    await e2e.screenshot(tab, 'editor');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 1: new runs use it.').waitFor();
    await expect(page.locator('.gf-publish-state').textContent()).resolves.toBe('Live · version 1');
    // Discord events route by it the moment the answer came: no warning was shown.
    await expect(page.locator('.gf-publish-notice').count()).resolves.toBe(0);

    const { userId, welcome } = await joinAndExpectWelcome(e2e.stack, GUILD, 'drawn-by-mouse');
    expect(welcome).toBe(`Welcome <@${userId}>`);

    // The draft moves on; the history shows it against version 1.
    await send.click();
    await content.click();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Version history' }).click();
    const history = page.getByRole('dialog', { name: 'Version history' });
    await history.getByRole('table', { name: /Settings of Send message/ }).waitFor();
    await expect(history.getByRole('button', { name: /Version 1\s*Live/ }).count()).resolves.toBe(
      1,
    );
    await expect(
      history.getByRole('table', { name: /Settings of Send message/ }).textContent(),
    ).resolves.toContain(
      '“Welcome {{ trigger.member.mention }}”“Welcome {{ trigger.member.mention }}!”',
    );
    await e2e.expectAccessible(tab, 'the version history');
    await e2e.screenshot(tab, 'version-diff');
    await history.getByRole('button', { name: 'Close' }).click();
    e2e.expectNoErrors(tab);
  });

  it('resolves an edit conflict between two tabs: load theirs, then keep mine', async () => {
    const created = await api('POST', `/api/guilds/${GUILD}/graphs`, {
      schemaVersion: 1,
      name: 'Shared draft',
      nodes: [],
      edges: [],
      vars: {},
    });
    const graphId = created.body.id as string;
    const path = `${LIST}/${graphId}`;
    const first = await e2e.tab();
    const second = await e2e.tab();
    for (const tab of [first, second]) {
      await e2e.signIn(tab);
      await tab.page.goto(path);
      await tab.page.getByRole('textbox', { name: 'Graph name' }).waitFor();
    }
    const rename = async (tab: Tab, name: string) => {
      await tab.page.getByRole('textbox', { name: 'Graph name' }).fill(name);
    };

    // The first tab saves; the second, still at the old revision, is told and asked.
    await rename(first, 'Named in the first tab');
    await waitSaved(first.page);
    await rename(second, 'Named in the second tab');
    const dialog = second.page.getByRole('alertdialog', { name: 'Someone else saved this graph' });
    await dialog.waitFor();
    await expect(saveState(second.page).textContent()).resolves.toBe('Not saved: conflict');
    await dialog.getByRole('table', { name: 'Graph settings that differ' }).waitFor();
    await e2e.expectAccessible(second, 'the conflict dialog');
    await e2e.screenshot(second, 'conflict');
    let graph = (await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`)).body;
    expect(graph.name).toBe('Named in the first tab');

    // Load theirs: the second tab shows the first tab's draft, saved.
    await dialog.getByRole('button', { name: 'Load theirs' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(
      second.page.getByRole('textbox', { name: 'Graph name' }).inputValue(),
    ).resolves.toBe('Named in the first tab');
    await waitSaved(second.page);

    // Now the second tab saves, and the first one is behind: keep mine overwrites, asked for.
    await rename(second, 'Second tab, after loading');
    await waitSaved(second.page);
    await rename(first, 'First tab insists');
    const again = first.page.getByRole('alertdialog', { name: 'Someone else saved this graph' });
    await again.getByRole('button', { name: 'Keep mine and overwrite' }).click();
    await again.waitFor({ state: 'detached' });
    await waitSaved(first.page);
    graph = (await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`)).body;
    expect(graph.name).toBe('First tab insists');
    // The refused saves (412) are the only failures either tab saw.
    e2e.expectNoErrors(first, [412]);
    e2e.expectNoErrors(second, [412]);
    expect(first.errors.length + second.errors.length).toBe(2);
  });
});
