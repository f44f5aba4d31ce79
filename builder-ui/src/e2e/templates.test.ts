import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { TEMPLATES, welcome as welcomeTemplate } from '@guildflow/workflows';
import { startE2E, type E2E, type Tab } from './harness.js';
import { joinAndExpectWelcome } from './sandbox-member.js';

// The templates gallery in Chromium against the real stack: previews, the install form with
// the server's channels and roles, and the installed graph doing its job in the sandbox.

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
  // The gallery installs into the server last opened.
  await tab.page.goto(`/guilds/${GUILD}/graphs`);
  await tab.page.getByRole('heading', { name: 'Graphs', exact: true }).waitFor();
});
afterAll(() => e2e?.close());

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });

describe('the templates gallery', () => {
  it('shows a card per template with a drawing of its graph', async () => {
    await tab.page.getByRole('link', { name: 'Templates', exact: true }).click();
    await tab.page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    const cards = tab.page.getByRole('listitem');
    await expect(cards.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(
      TEMPLATES.map((t) => t.name),
    );
    await expect(tab.page.getByText('Installs into Guildflow Sandbox.').count()).resolves.toBe(1);
    // The header's server switcher changes where the gallery installs, staying here.
    await tab.page.getByLabel('Server').selectOption({ label: 'Other Sandbox' });
    await tab.page.getByText('Installs into Other Sandbox.').waitFor();
    expect(new URL(tab.page.url()).pathname).toBe('/templates');
    await tab.page.getByLabel('Server').selectOption({ label: 'Guildflow Sandbox' });
    await tab.page.getByText('Installs into Guildflow Sandbox.').waitFor();
    // Each preview is one image described by its steps; React Flow drew its nodes.
    const { graph, graphs } = welcomeTemplate;
    const welcome = cards.filter({ hasText: welcomeTemplate.name });
    const steps = graph.nodes.map((n) => n.label ?? n.id);
    await welcome
      .getByRole('img', { name: `Graph of ${steps.length} steps: ${steps.join(', ')}.` })
      .waitFor();
    await expect(welcome.locator('.react-flow__node').count()).resolves.toBe(graph.nodes.length);
    await expect(welcome.locator('.react-flow__edge').count()).resolves.toBe(graph.edges.length);
    // A feature with several triggers says which graphs it installs.
    await expect(
      welcome
        .getByRole('list', { name: `Graphs of ${welcomeTemplate.name}` })
        .getByRole('listitem')
        .allTextContents(),
    ).resolves.toEqual(graphs.map((doc) => doc.name));
    await e2e.expectAccessible(tab, 'the templates gallery');
    await e2e.screenshot(tab, 'gallery');
    e2e.expectNoErrors(tab);
  });

  it('installs a template’s graphs with the server’s channel and role picked by name', async () => {
    const name = welcomeTemplate.name;
    const install = `Install ${welcomeTemplate.graphs.length} graphs`;
    await tab.page.goto('/templates');
    await tab.page.getByRole('button', { name: `Install ${name}` }).click();
    const dialog = tab.page.getByRole('dialog', { name: `Install “${name}”` });
    // Nothing picked: the service's check is shown under the field, nothing is installed.
    await dialog.getByRole('button', { name: install }).click();
    await dialog.getByText('Some settings need another value').waitFor();
    await expect(dialog.locator('.error-detail').first().textContent()).resolves.toMatch(
      /required/,
    );
    expect((await api('GET', `/api/guilds/${GUILD}/graphs`)).body.graphs).toEqual([]);

    // The config panel's searchable pickers: type part of a name, pick it from the list.
    const channel = dialog.getByRole('combobox', { name: 'Welcome channel' });
    await channel.fill('welc');
    const channels = dialog.getByRole('listbox', { name: 'Welcome channel: channels' });
    await channels.getByRole('option').filter({ hasText: '#welcome' }).click();
    await expect(channel.inputValue()).resolves.toBe('#welcome');
    const role = dialog.getByRole('combobox', { name: 'Starter role' });
    await role.click();
    const roles = dialog.getByRole('listbox', { name: 'Starter role: roles' });
    // The bot's own role belongs to an integration: shown, not choosable.
    await expect(
      roles.getByRole('option').filter({ hasText: '@Guildflow' }).getAttribute('aria-disabled'),
    ).resolves.toBe('true');
    await role.pressSequentially('newc');
    await role.press('Enter');
    await expect(role.inputValue()).resolves.toBe('@Newcomer');
    // Fixed problems go away as they are fixed.
    await expect(dialog.locator('.error-detail').count()).resolves.toBe(0);
    await e2e.expectAccessible(tab, 'the install form');
    await e2e.screenshot(tab, 'install-form');
    await dialog.getByRole('button', { name: install }).click();
    // Several graphs: the list shows them all, each a draft to publish.
    await tab.page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs$`), { waitUntil: 'commit' });
    for (const doc of welcomeTemplate.graphs)
      await tab.page.getByRole('link', { name: doc.name, exact: true }).waitFor();
    const listed = (await api('GET', `/api/guilds/${GUILD}/graphs`)).body.graphs as {
      id: string;
      name: string;
    }[];
    expect(listed.map((g) => g.name).sort()).toEqual(
      welcomeTemplate.graphs.map((doc) => doc.name).sort(),
    );
    const graphId = listed.find((g) => g.name === name)?.id ?? '';
    const installed = await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`);
    expect(installed.body).toMatchObject({ name, issues: [] });
    expect(installed.body.draft.vars).toMatchObject({
      welcomeChannelId: SANDBOX_IDS.channels.welcome,
      newcomerRoleId: SANDBOX_IDS.roles.newcomer,
    });
    e2e.expectNoErrors(tab);

    // What was picked works: published, a member joins, the welcome and the role follow.
    expect((await api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/publish`)).status).toBe(200);
    await e2e.stack.gateway.sync.refresh();
    const { welcome, member } = await joinAndExpectWelcome(e2e.stack, GUILD, 'newbie');
    expect(welcome).toContain('Welcome');
    expect(member.username).toBe('newbie');
  });
});
