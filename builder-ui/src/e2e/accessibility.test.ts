import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { welcome } from '@guildflow/workflows';
import { startE2E, type E2E, type Tab } from './harness.js';
import { keyboardProblems, markControls, tabThrough } from './keyboard.js';

// Accessibility of the editor, the graph list and the gallery in Chromium on the real stack, at
// 1280×720: axe-core finds nothing serious, every control can be reached with Tab and shows where
// the focus is, and the editor's menus work from the keyboard.

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;
let editorPath: string;

beforeAll(async () => {
  e2e = await startE2E();
  const installed = await e2e.stack.service.api(
    'POST',
    `/api/guilds/${GUILD}/templates/welcome/install`,
    {
      body: {
        vars: {
          welcomeChannelId: SANDBOX_IDS.channels.welcome,
          newcomerRoleId: SANDBOX_IDS.roles.newcomer,
        },
      },
    },
  );
  expect(installed.status).toBe(201);
  editorPath = `/guilds/${GUILD}/graphs/${String(installed.body.id)}`;
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

/** Tabs through the page from its top and fails on every control it cannot reach or see. */
async function expectKeyboardReachable(scope: string) {
  const controls = await markControls(tab.page, scope);
  expect(controls.length).toBeGreaterThan(0);
  await tab.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops = await tabThrough(tab.page);
  expect(keyboardProblems(controls, stops)).toEqual([]);
  return stops;
}

describe('the graph list and the gallery', () => {
  it('the graph list has no serious axe violations and every control is reachable by Tab', async () => {
    await tab.page.goto(`/guilds/${GUILD}/graphs`);
    await tab.page.getByRole('link', { name: welcome.name, exact: true }).waitFor();
    await e2e.expectAccessible(tab, 'the graph list');
    await expectKeyboardReachable('body');
    e2e.expectNoErrors(tab);
  });

  it('the gallery has no serious axe violations and every control is reachable by Tab', async () => {
    await tab.page.goto('/templates');
    await tab.page.getByRole('button', { name: `Install ${welcome.name}` }).waitFor();
    await tab.page.locator('.react-flow__node').first().waitFor();
    await e2e.expectAccessible(tab, 'the templates gallery');
    await expectKeyboardReachable('body');
    e2e.expectNoErrors(tab);
  });
});

describe('the install form', () => {
  it('works from the keyboard: pickers, a list of roles, every control with a visible focus', async () => {
    await tab.page.goto('/templates');
    await tab.page.getByRole('button', { name: 'Install Auto-moderation' }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Install “Auto-moderation”' });
    // The first field has the focus; its list stays closed until asked for.
    const first = dialog.getByRole('combobox', { name: 'Mod-log channel' });
    await expect(first.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(first.getAttribute('aria-expanded')).resolves.toBe('false');
    await tab.page.keyboard.type('mod');
    await tab.page.keyboard.press('Enter');
    await expect(first.inputValue()).resolves.toBe('#mod-log');
    // Each list's "+ Add" says which list it adds to.
    await dialog.getByRole('button', { name: 'Add to Exempt roles' }).focus();
    await tab.page.keyboard.press('Enter');
    const role = dialog.getByRole('combobox', { name: 'Role 1' });
    await role.focus();
    await tab.page.keyboard.press('ArrowDown');
    await expect(role.getAttribute('aria-expanded')).resolves.toBe('true');
    // Escape closes the list, not the dialog.
    await tab.page.keyboard.press('Escape');
    await expect(role.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await e2e.screenshot(tab, 'a11y-install-form');
    await e2e.expectAccessible(tab, 'the install form');
    const controls = await markControls(tab.page, '[role="dialog"]');
    const stops = await tabThrough(tab.page, 60);
    expect(keyboardProblems(controls, stops)).toEqual([]);
    await tab.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    e2e.expectNoErrors(tab);
  });
});

describe('the editor', () => {
  it('with a sendMessage node selected: no serious axe violations, readable at 1280×720', async () => {
    await tab.page.goto(editorPath);
    await tab.page.locator('.react-flow__node').nth(2).waitFor();
    await e2e.screenshot(tab, 'a11y-editor');
    await e2e.expectAccessible(tab, 'the editor');

    await tab.page.locator('.react-flow__node[data-id="greet"]').click();
    const side = tab.page.getByRole('complementary', { name: 'Selected node' });
    await side.getByRole('heading', { name: 'Welcome message' }).waitFor();
    await side.getByText('Settings').waitFor();
    // The panel opens on the node's settings: its first field shows without scrolling.
    const channel = await side.getByText('Channel', { exact: true }).boundingBox();
    expect(channel && channel.y + channel.height).toBeLessThan(720);
    await e2e.screenshot(tab, 'a11y-config-panel');
    await e2e.expectAccessible(tab, 'the editor with the config panel open');

    // The three columns fit side by side, the canvas keeps room to work, nothing scrolls sideways.
    const layout = await tab.page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : undefined;
      };
      return {
        palette: box('.gf-editor-palette-panel'),
        canvas: box('.gf-editor-canvas'),
        side: box('.gf-editor-side'),
        pageWidth: document.documentElement.scrollWidth,
        pageHeight: document.documentElement.scrollHeight,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(1280);
    expect(layout.pageHeight).toBeLessThanOrEqual(720);
    const { palette, canvas, side: panel } = layout;
    if (!palette || !canvas || !panel)
      throw new Error(`missing a column: ${JSON.stringify(layout)}`);
    expect(palette.right).toBeLessThanOrEqual(canvas.left);
    expect(canvas.right).toBeLessThanOrEqual(panel.left);
    expect(panel.right).toBeLessThanOrEqual(1280);
    expect(canvas.right - canvas.left).toBeGreaterThanOrEqual(500);
    expect(canvas.bottom - canvas.top).toBeGreaterThanOrEqual(450);
    e2e.expectNoErrors(tab);
  });

  it('says when a graph does not exist, and how to start an empty one', async () => {
    await tab.page.goto(`/guilds/${GUILD}/graphs/g_doesNotExist`);
    await tab.page.getByRole('heading', { name: 'Graph not found' }).waitFor();
    await tab.page.getByRole('link', { name: 'Back to the graphs' }).waitFor();
    await e2e.expectAccessible(tab, 'the editor of a missing graph');

    const empty = await e2e.stack.service.api('POST', `/api/guilds/${GUILD}/graphs`, {
      body: { schemaVersion: 1, name: 'Empty', nodes: [], edges: [], vars: {} },
    });
    expect(empty.status).toBe(201);
    await tab.page.goto(`/guilds/${GUILD}/graphs/${String(empty.body.id)}`);
    await tab.page.getByText('Start with a trigger').waitFor();
    await e2e.expectAccessible(tab, 'the editor of an empty graph');
    // A missing graph answers 404: the one console error expected here.
    tab.errors = tab.errors.filter((e) => !/404 \(Not Found\)/.test(e));
    e2e.expectNoErrors(tab);
  });

  it('every control of the palette, toolbar, canvas and side panel is reachable by Tab, with a visible focus', async () => {
    await tab.page.goto(editorPath);
    await tab.page.locator('.react-flow__node').nth(2).waitFor();
    await tab.page.locator('.react-flow__node[data-id="greet"]').click();
    await tab.page
      .getByRole('complementary', { name: 'Selected node' })
      .getByText('Settings')
      .waitFor();
    const stops = await expectKeyboardReachable('.gf-editor');
    const regions = new Set(stops.map((s) => s.region));
    for (const region of ['Editor commands', 'Node palette', 'Graph canvas', 'Selected node'])
      expect(regions).toContain(region);
    e2e.expectNoErrors(tab);
  });

  it('a node is selected from the keyboard and its settings open beside it', async () => {
    await tab.page.goto(editorPath);
    await tab.page.locator('.react-flow__node').nth(2).waitFor();
    const node = tab.page.locator('.react-flow__node[data-id="starterRole"]');
    // Tab until the node has the focus, then Enter selects it.
    for (let i = 0; i < 80; i++) {
      await tab.page.keyboard.press('Tab');
      if (await node.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(node.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await tab.page.keyboard.press('Enter');
    await tab.page
      .getByRole('complementary', { name: 'Selected node' })
      .getByRole('heading', { name: 'Give the starter role' })
      .waitFor();
    e2e.expectNoErrors(tab);
  });

  it('the command palette and the shortcut sheet open from the keyboard, hold the focus and give it back', async () => {
    await tab.page.goto(editorPath);
    await tab.page.locator('.react-flow__node').nth(2).waitFor();
    const tools = tab.page.getByRole('toolbar', { name: 'Editor commands' });
    for (const [key, name, opener] of [
      ['Control+k', 'Command palette', 'Commands'],
      ['?', 'Keyboard shortcuts', 'Keyboard shortcuts'],
    ] as const) {
      // From a toolbar button: Enter opens, Escape closes and the focus comes back to it.
      const button = tools.getByRole('button', { name: opener });
      await button.focus();
      await tab.page.keyboard.press('Enter');
      const dialog = tab.page.getByRole('dialog', { name });
      await dialog.waitFor();
      await expect(
        dialog.evaluate(
          (el) => el.contains(document.activeElement) && el !== document.activeElement,
        ),
      ).resolves.toBe(true);
      await e2e.expectAccessible(tab, `the ${name} dialog`);
      const stops = await tabThrough(tab.page, 40);
      expect(stops.length).toBeGreaterThan(0);
      expect(stops.filter((s) => !s.ringVisible || !s.onScreen)).toEqual([]);
      expect(stops.every((s) => s.region === name)).toBe(true);
      await tab.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // And from the canvas with the shortcut.
      const pane = await tab.page.locator('.react-flow__pane').boundingBox();
      await tab.page.mouse.click((pane?.x ?? 0) + (pane?.width ?? 0) / 2, (pane?.y ?? 0) + 40);
      await tab.page.keyboard.press(key);
      await dialog.waitFor();
      await tab.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    e2e.expectNoErrors(tab);
  });
});
