import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import type { GraphDocument } from '@guildflow/engine/core';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users } = SANDBOX_IDS;

/** A graph whose trigger posts `content` in #general. */
const posting = (
  name: string,
  trigger: [type: string, config: Record<string, unknown>],
  content: string,
): GraphDocument => ({
  ...graph(
    [
      ['start', trigger[0], trigger[1]],
      ['say', 'discord.sendMessage', { channelId: channels.general, content }],
    ],
    [['start', 'out', 'say']],
  ),
  name,
});

// No pause anywhere between a publish (or disable) and the event: the API answers once the
// gateway routes by the change. The harness's gateway polls at its default interval.
describe('gateway: a change is live when the API answers it', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  const posted = (content: string) =>
    eventually(
      () => h.sandbox.messages({ channelId: channels.general }).find((m) => m.content === content),
      `"${content}" in #general`,
    );
  const create = async (doc: GraphDocument) => {
    const created = await h.service.api('POST', `/api/guilds/${guild}/graphs`, { body: doc });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const publish = async (graphId: string) => {
    const published = await h.service.api('POST', `/api/guilds/${guild}/graphs/${graphId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.routing).toEqual({
      live: true,
      gateways: [{ id: h.gateway.status.id, confirmed: true }],
    });
  };

  it('a join, a message, a slash command, a button and a reaction start runs right after publish', async () => {
    const joined = await create(posting('Join', ['trigger.memberJoined', {}], 'joined'));
    await publish(joined);
    h.sandbox.inject({ type: 'memberJoined', guildId: guild, user: { username: 'first' } });
    await posted('joined');

    const said = await create(
      posting('Message', ['trigger.messageCreated', { contains: 'hello there' }], 'heard'),
    );
    await publish(said);
    const hello = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      content: 'hello there',
    });
    await posted('heard');

    const command = await create(
      posting(
        'Command',
        ['trigger.slashCommand', { name: 'hi', description: 'Say hi', options: [] }],
        'commanded',
      ),
    );
    await publish(command);
    h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.dave,
      name: 'hi',
    });
    await posted('commanded');

    const reacted = await create(
      posting('Reaction', ['trigger.reactionAdded', { emoji: '⭐' }], 'starred'),
    );
    await publish(reacted);
    h.sandbox.inject({
      type: 'reactionAdded',
      guildId: guild,
      channelId: channels.general,
      messageId: hello.messageId!,
      userId: users.erin,
      emoji: '⭐',
    });
    await posted('starred');

    const panel = (await (
      await fetch(`${h.sandbox.apiUrl}/v10/channels/${channels.general}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${h.sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          content: 'Press',
          components: [
            { type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'go:1' }] },
          ],
        }),
      })
    ).json()) as { id: string };
    const clicked = await create(
      posting('Button', ['trigger.buttonClicked', { customIdPrefix: 'go:' }], 'clicked'),
    );
    await publish(clicked);
    h.sandbox.inject({
      type: 'buttonClicked',
      guildId: guild,
      channelId: channels.general,
      messageId: panel.id,
      userId: users.frank,
      customId: 'go:1',
    });
    await posted('clicked');
  });

  it('nothing runs for an event right after disable, while another graph of the same event still does', async () => {
    const gone = await create(posting('Goes away', ['trigger.memberJoined', {}], 'should not run'));
    const stays = await create(posting('Stays', ['trigger.memberJoined', {}], 'still here'));
    await publish(gone);
    await publish(stays);
    const off = await h.service.api('POST', `/api/guilds/${guild}/graphs/${gone}/disable`);
    expect(off.body.routing).toMatchObject({ live: true });
    h.sandbox.inject({ type: 'memberJoined', guildId: guild, user: { username: 'second' } });
    // Both graphs answer the same event in one routing: once the other ran, this one did not.
    await posted('still here');
    await h.gateway.idle();
    expect(
      h.sandbox
        .messages({ channelId: channels.general })
        .filter((m) => m.content === 'should not run'),
    ).toEqual([]);

    const deleted = await h.service.api('DELETE', `/api/guilds/${guild}/graphs/${stays}`);
    expect(deleted.status).toBe(204);
  });

  it('health says discord only while a gateway is connected with its triggers loaded', async () => {
    const health = await h.service.api('GET', '/api/health', { token: null });
    expect(health.body).toMatchObject({ discord: true });
    expect(health.body.details.gateways).toContainEqual({
      id: h.gateway.status.id,
      connected: true,
      indexLoaded: true,
    });
  });
});
