import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startE2E, type E2E, type Tab } from './harness.js';

// The sandbox page in Chromium against the real stack: published graphs answer a member who
// joins, a button clicked in the transcript and a message posted there, as they would on Discord.

const GUILD = SANDBOX_IDS.guild;
const WELCOME = SANDBOX_IDS.channels.welcome;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });

async function publish(name: string, nodes: unknown[]) {
  const ids = (nodes as { id: string }[]).map((n) => n.id);
  const created = await api('POST', `/api/guilds/${GUILD}/graphs`, {
    schemaVersion: 1,
    name,
    vars: {},
    nodes,
    edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i], target: id })),
  });
  expect(created.status).toBe(201);
  const published = await api('POST', `/api/guilds/${GUILD}/graphs/${created.body.id}/publish`);
  expect(published.status).toBe(200);
}

describe('the sandbox page', () => {
  it('acts as members: a join is welcomed with a button, the button clicked is answered', async () => {
    await publish('Welcome with a button', [
      { id: 'join', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'greet',
        type: 'discord.sendMessage',
        position: { x: 300, y: 0 },
        config: {
          channelId: WELCOME,
          content: 'Welcome {{ trigger.member.mention }}',
          buttons: [{ label: 'Say hi', customId: 'hi:{{ trigger.member.id }}', style: 'success' }],
        },
      },
    ]);
    await publish('Answer the button', [
      {
        id: 'click',
        type: 'trigger.buttonClicked',
        position: { x: 0, y: 0 },
        config: { customIdPrefix: 'hi:' },
      },
      {
        id: 'answer',
        type: 'discord.sendMessage',
        position: { x: 300, y: 0 },
        config: { channelId: WELCOME, content: '{{ trigger.user.mention }} says hi' },
      },
    ]);

    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs`);
    await page.getByRole('link', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('heading', { name: /^Sandbox:/ }).waitFor();
    await page.getByRole('button', { name: '# welcome' }).click();

    await page.getByLabel('A new member joins').fill('sandbox-sam');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const messages = page.getByRole('list', { name: 'Messages in #welcome' });
    // The mention is drawn by name, and the member who joined is the one acted as.
    await messages.getByText('@sandbox-sam').first().waitFor();
    await expect(page.getByLabel('Act as').inputValue()).resolves.not.toBe('');
    await messages.getByRole('button', { name: 'Say hi' }).last().click();
    await messages.getByText('says hi').waitFor();

    await e2e.expectAccessible(tab, 'the sandbox page');
    await e2e.screenshot(tab, 'sandbox');

    // #welcome is read-only for members, as on Discord: they talk in #general.
    await page.getByRole('button', { name: '# general' }).click();
    await page
      .getByLabel(/Message to post in #general as sandbox-sam/)
      .fill('hello from the transcript');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const general = page.getByRole('list', { name: 'Messages in #general' });
    await general.getByText('hello from the transcript').waitFor();
    await expect(
      general.locator('li', { hasText: 'hello from the transcript' }).innerText(),
    ).resolves.toContain('sandbox-sam');
    e2e.expectNoErrors(tab);
  });

  it('runs a slash command as a member, its options picked from a form of its declaration', async () => {
    await publish('Hello command', [
      {
        id: 'cmd',
        type: 'trigger.slashCommand',
        position: { x: 0, y: 0 },
        config: {
          name: 'hello',
          description: 'Greet someone',
          options: [{ name: 'who', type: 'user', description: 'Who to greet', required: true }],
        },
      },
      {
        id: 'answer',
        type: 'discord.reply',
        position: { x: 300, y: 0 },
        config: { content: 'Hello <@{{ trigger.options.who }}> from {{ trigger.user.mention }}' },
      },
    ]);
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/sandbox`);
    await page.getByRole('button', { name: '# general' }).click();
    await page.getByLabel('Act as').selectOption(SANDBOX_IDS.users.bob);
    await page.getByText('Use a slash command in #general').click();
    const form = page.getByRole('form', { name: 'Use a slash command' });
    await form.getByLabel('Command').selectOption('hello');
    await form.getByLabel('who (required)').selectOption(SANDBOX_IDS.users.carol);
    await form.getByRole('button', { name: 'Run /hello' }).click();
    const messages = page.getByRole('list', { name: 'Messages in #general' });
    await messages.getByText(/Hello @Carol from @Bob/).waitFor();
    e2e.expectNoErrors(tab);
  });

  it('lets a member join in membership screening and accept the rules: the welcome waits for it', async () => {
    const { roles } = SANDBOX_IDS;
    const installed = await api('POST', `/api/guilds/${GUILD}/templates/welcome/install`, {
      vars: { welcomeChannelId: WELCOME, newcomerRoleId: roles.newcomer, roleAfterRules: true },
    });
    expect(installed.status).toBe(201);
    for (const { id } of installed.body.installed as { id: string }[])
      expect((await api('POST', `/api/guilds/${GUILD}/graphs/${id}/publish`)).status).toBe(200);
    await e2e.stack.gateway.sync.refresh();

    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/sandbox`);
    await page.getByRole('heading', { name: /^Sandbox:/ }).waitFor();
    await page.getByLabel('A new member joins').fill('screened-sue');
    await page.getByLabel('Still has to accept the rules').check();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const sue = page.getByRole('listitem').filter({ hasText: 'screened-sue' });
    await sue.getByText('has not accepted the rules').waitFor();
    await e2e.screenshot(tab, 'sandbox-pending');
    const userId = (await api('GET', '/api/sandbox')).body.guilds
      .find((g: { id: string }) => g.id === GUILD)
      .members.find((m: { username: string }) => m.username === 'screened-sue').id as string;
    const member = () => api('GET', `/api/sandbox/guilds/${GUILD}/members/${userId}`);
    // Greeted at once, but no starter role before the rules are accepted.
    await page.getByRole('button', { name: '# welcome' }).click();
    const welcome = page.getByRole('list', { name: 'Messages in #welcome' });
    await welcome.getByText('@screened-sue').first().waitFor();
    expect((await member()).body.roles).not.toContain(roles.newcomer);

    await sue.getByRole('button', { name: 'screened-sue accepts the rules' }).click();
    await sue.getByText('Newcomer').waitFor();
    await expect(sue.getByText('has not accepted the rules').count()).resolves.toBe(0);
    expect((await member()).body.roles).toContain(roles.newcomer);
    await e2e.expectAccessible(tab, 'the sandbox page with a member in screening');
    await e2e.screenshot(tab, 'sandbox-screening');
    e2e.expectNoErrors(tab);
  });
});
