import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { freePort } from '@guildflow/stack';
import type { GraphDocument } from '@guildflow/engine/core';
import { graph } from '@guildflow/engine/testing/graph';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { discordBotApi } from '@guildflow/discord';

const { guild, otherGuild, channels, roles } = SANDBOX_IDS;
const graphs = `/api/guilds/${guild}/graphs`;

let sandbox: Sandbox;
let service: TestService;

/** As the bot, over Discord's REST protocol. */
async function rest(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.apiUrl}/v10${path}`, {
    method,
    headers: { Authorization: `Bot ${sandbox.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Saves `doc` as a draft and answers its preflight. */
async function preflight(doc: GraphDocument, on: TestService = service) {
  const created = await service.api('POST', graphs, { body: doc });
  expect(created.status).toBe(201);
  const answer = await on.api('GET', `${graphs}/${created.body.id}/preflight`);
  expect(answer.status).toBe(200);
  return answer.body as {
    discord: string;
    discordError?: string;
    version: number | null;
    warnings: { code: string; nodeId?: string; field?: string; message: string }[];
  };
}

/** A new category, created as the bot over REST (sandbox resets drop it after each test). */
async function newCategory(): Promise<string> {
  return String((await rest('POST', `/guilds/${guild}/channels`, { name: 'Archive', type: 4 })).id);
}

const giveRole = (roleId: string) =>
  graph(
    [
      ['t', 'trigger.memberJoined'],
      ['give', 'discord.addRole', { userId: '{{ trigger.member.id }}', roleId: '{{ vars.role }}' }],
    ],
    [['t', 'out', 'give']],
    { role: roleId },
  );
const post = (channelId: string) =>
  graph(
    [
      ['t', 'trigger.manual'],
      ['post', 'discord.sendMessage', { channelId, content: 'Hello' }],
    ],
    [['t', 'out', 'post']],
  );

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  service = await startTestService({
    discordBot: discordBotApi({ apiUrl: sandbox.apiUrl, token: sandbox.token, kind: 'sandbox' }),
  });
});
afterAll(async () => {
  await service?.close();
  await sandbox?.close();
});

describe('GET …/graphs/:graphId/preflight', () => {
  it('warns that a role to give sits above the bot’s highest role, naming node and field', async () => {
    const report = await preflight(giveRole(roles.moderator));
    expect(report.discord).toBe('checked');
    expect(report.version).toBeNull();
    expect(report.warnings).toEqual([
      {
        code: 'role_above_bot',
        severity: 'warning',
        nodeId: 'give',
        field: '/roleId',
        message: expect.stringMatching(
          /"give" \(Add role\) gives the role "Moderator", which sits above the bot’s highest role "Guildflow".*drag "Guildflow" above "Moderator"/,
        ),
      },
    ]);
    // A role below the bot's is fine: no warning at all.
    expect((await preflight(giveRole(roles.member))).warnings).toEqual([]);
  });

  it('warns that a message channel is a category or does not exist', async () => {
    const report = await preflight(post(await newCategory()));
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'channel_not_text',
        nodeId: 'post',
        field: '/channelId',
        message: expect.stringContaining('posts in #Archive, which is a category'),
      }),
    ]);
    const missing = await preflight(post('1300000000000009999'));
    expect(missing.warnings.map((w) => [w.code, w.message])).toEqual([
      ['channel_not_text', expect.stringContaining('does not exist in this server')],
    ]);
    expect((await preflight(post(channels.general))).warnings).toEqual([]);
  });

  it('warns when the bot lacks a permission a node needs, in the server or in the channel', async () => {
    // Announcements deny Send Messages to @everyone and the bot has no overwrite there.
    const channel = await preflight(post(channels.announcements));
    expect(channel.warnings).toEqual([
      expect.objectContaining({
        code: 'bot_missing_permission',
        nodeId: 'post',
        field: '/channelId',
        message: expect.stringContaining('needs the bot to have Send Messages in #announcements'),
      }),
    ]);
    // An admin takes Manage Roles from the bot's role: giving the Member role now warns.
    const settings = await fetch(`${sandbox.url}/sandbox/guilds/${guild}/roles/${roles.bot}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ permissions: ['ViewChannel', 'SendMessages'] }),
    });
    expect(settings.status).toBe(200);
    const guildWide = await preflight(giveRole(roles.member));
    expect(guildWide.warnings).toEqual([
      {
        code: 'bot_missing_permission',
        severity: 'warning',
        nodeId: 'give',
        message: expect.stringMatching(
          /needs the bot to have Manage Roles in this server, and it does not.*Give the bot’s role "Guildflow" it in Server Settings → Roles/,
        ),
      },
    ]);
    // A channel known only at run time is checked at server level, and the warning says so.
    const cleanup = graph(
      [
        ['t', 'trigger.messageCreated'],
        [
          'drop',
          'discord.deleteMessage',
          { channelId: '{{ trigger.message.channelId }}', messageId: '{{ trigger.message.id }}' },
        ],
      ],
      [['t', 'out', 'drop']],
    );
    expect((await preflight(cleanup)).warnings).toEqual([
      expect.objectContaining({
        code: 'bot_missing_permission',
        nodeId: 'drop',
        field: '/channelId',
        message: expect.stringContaining(
          'Manage Messages in this server (checked at server level only: the channel is chosen at run time',
        ),
      }),
    ]);
  });

  it('checks a published version with ?version, and 404s for one that does not exist', async () => {
    const created = await service.api('POST', graphs, { body: post(await newCategory()) });
    const path = `${graphs}/${created.body.id}`;
    expect((await service.api('POST', `${path}/publish`)).status).toBe(200);
    const fixed = await service.api('PUT', path, { body: post(channels.general) });
    expect(fixed.status).toBe(200);
    expect((await service.api('GET', `${path}/preflight`)).body.warnings).toEqual([]);
    const v1 = await service.api('GET', `${path}/preflight?version=1`);
    expect(v1.body.version).toBe(1);
    expect(v1.body.warnings).toEqual([
      expect.objectContaining({
        code: 'channel_not_text',
        message: expect.stringContaining('which is a category'),
      }),
    ]);
    const none = await service.api('GET', `${path}/preflight?version=7`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('no version 7');
  });

  it('answers the graph-only warnings when Discord cannot be read, saying what was not checked', async () => {
    const dead = await startTestService({
      mongo: service.deps.mongo,
      discordBot: discordBotApi({
        apiUrl: `http://127.0.0.1:${await freePort()}/api`,
        token: 't',
        kind: 'sandbox',
      }),
    });
    try {
      const late = graph(
        [
          ['t', 'trigger.slashCommand', { name: 'later' }],
          ['wait', 'flow.delay', { duration: '20m' }],
          ['answer', 'discord.reply', { content: 'Done' }],
          ['give', 'discord.addRole', { userId: '{{ trigger.user.id }}', roleId: roles.moderator }],
        ],
        [
          ['t', 'out', 'wait'],
          ['wait', 'out', 'answer'],
          ['answer', 'out', 'give'],
        ],
      );
      const report = await preflight(late, dead);
      expect(report.discord).toBe('unavailable');
      expect(report.discordError).toMatch(
        /^The Discord sandbox did not answer .* Bot permissions, roles and channels were not checked\.$/,
      );
      expect(report.warnings.map((w) => [w.code, w.nodeId])).toEqual([
        ['reply_after_interaction_window', 'answer'],
      ]);
    } finally {
      await dead.close();
    }
  });

  it('is 404 for a graph of another guild', async () => {
    const created = await service.api('POST', graphs, { body: post(channels.general) });
    const other = await service.api(
      'GET',
      `/api/guilds/${otherGuild.id}/graphs/${created.body.id}/preflight`,
    );
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
  });
});

afterEach(async () => {
  await fetch(`${sandbox.url}/sandbox/reset`, { method: 'POST' });
});
