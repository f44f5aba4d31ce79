import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { graph } from '@guildflow/engine/testing/graph';
import { eventually } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from '../testing/gateway-harness.js';

const { guild, channels, users } = SANDBOX_IDS;

describe('gateway: buttons, reactions and /flow drive runs', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness({ sandbox: { interactionAckDeadlineMs: 3000 } });
  });
  afterAll(async () => h?.close());

  const manualRun = async (graphId: string) => {
    const { status, body } = await h.service.api(
      'POST',
      `/api/guilds/${guild}/graphs/${graphId}/runs`,
      { body: { payload: {}, simulate: true } },
    );
    expect(status).toBe(202);
    return body.runId as string;
  };
  const botMessage = (content: string) =>
    eventually(
      () => h.sandbox.messages().find((m) => m.authorIsBot && m.content === content),
      `the message “${content}”`,
    );

  it('a button click reaches the run waiting for it (flow.waitFor), and only from the right user', async () => {
    const { graphId } = await h.publish({
      ...graph(
        [
          ['start', 'trigger.manual'],
          [
            'ask',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content: 'Approve?',
              buttons: [{ label: 'Yes', customId: 'approve' }],
            },
          ],
          [
            'wait',
            'flow.waitFor',
            {
              event: 'button',
              messageId: '{{ nodes.ask.messageId }}',
              customId: 'approve',
              userId: users.bob,
              timeout: '1h',
            },
          ],
          [
            'done',
            'discord.sendMessage',
            { channelId: channels.general, content: 'Approved by {{ nodes.wait.user.username }}' },
          ],
        ],
        [
          ['start', 'out', 'ask'],
          ['ask', 'out', 'wait'],
          ['wait', 'received', 'done'],
        ],
      ),
      name: 'Approval',
    });
    await manualRun(graphId);
    const ask = await botMessage('Approve?');
    // The run registers its wait right after posting; a click before that would find no wait.
    await eventually(
      async () =>
        (await h.service.store.waits.countDocuments({ messageId: ask.id })) > 0 ? true : undefined,
      'the wait',
    );
    const carol = h.sandbox.inject({
      type: 'buttonClicked',
      guildId: guild,
      channelId: channels.general,
      messageId: ask.id,
      userId: users.carol,
      customId: 'approve',
    });
    const bob = h.sandbox.inject({
      type: 'buttonClicked',
      guildId: guild,
      channelId: channels.general,
      messageId: ask.id,
      userId: users.bob,
      customId: 'approve',
    });
    await botMessage('Approved by bob');
    // Both clicks were acknowledged in time (deferred update, type 6), whether or not they counted.
    for (const click of [carol, bob])
      expect(h.sandbox.interaction(click.interactionId!)?.responses[0]).toMatchObject({ type: 6 });
  });

  it('clicks are stored as collect entries: a double click enters once', async () => {
    const { graphId } = await h.publish({
      ...graph(
        [
          ['start', 'trigger.manual'],
          [
            'post',
            'discord.sendMessage',
            {
              channelId: channels.giveaways,
              content: 'Giveaway!',
              buttons: [{ label: 'Enter', customId: 'enter' }],
            },
          ],
          [
            'entries',
            'flow.collect',
            { messageId: '{{ nodes.post.messageId }}', customId: 'enter', duration: '4s' },
          ],
          [
            'result',
            'discord.sendMessage',
            {
              channelId: channels.giveaways,
              content:
                '{{ nodes.entries.count }} entries, first {{ nodes.entries.users | first | mention }}',
            },
          ],
        ],
        [
          ['start', 'out', 'post'],
          ['post', 'out', 'entries'],
          ['entries', 'out', 'result'],
        ],
      ),
      name: 'Mini giveaway',
    });
    await manualRun(graphId);
    const post = await botMessage('Giveaway!');
    await eventually(
      async () =>
        (await h.service.store.collectWindows.countDocuments({ messageId: post.id })) > 0
          ? true
          : undefined,
      'the collect window',
    );
    // One click at a time: the gateway routes events concurrently, so "first" is only defined
    // for clicks entered one after the other.
    const window = await h.service.store.collectWindows.findOne({ messageId: post.id }).lean();
    const entered = () => h.service.store.collectEntries.countDocuments({ collectId: window?._id });
    const click = (userId: string) =>
      h.sandbox.inject({
        type: 'buttonClicked',
        guildId: guild,
        channelId: channels.giveaways,
        messageId: post.id,
        userId,
        customId: 'enter',
      });
    click(users.carol);
    await eventually(async () => ((await entered()) === 1 ? true : undefined), 'carol entered');
    click(users.dave);
    await eventually(async () => ((await entered()) === 2 ? true : undefined), 'dave entered');
    click(users.carol); // a double click
    await h.gateway.idle();
    const result = await eventually(
      () =>
        h.sandbox
          .messages({ channelId: channels.giveaways })
          .find((m) => m.content.includes('entries, first')),
      'the result',
      20_000,
    );
    expect(result.content).toBe(`2 entries, first <@${users.carol}>`);
  });

  it('trigger.buttonClicked starts a run for buttons with its prefix', async () => {
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.buttonClicked', { customIdPrefix: 'ticket:' }],
          [
            'answer',
            'discord.reply',
            {
              content: 'Ticket {{ trigger.customId }} for {{ trigger.user.username }}',
              ephemeral: true,
            },
          ],
        ],
        [['start', 'out', 'answer']],
      ),
      name: 'Tickets',
    });
    const panel = await h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId: channels.tickets,
      userId: users.alice,
      content: 'panel',
    });
    // A bot panel with the button: post it through the REST API as the bot would.
    const posted = (await (
      await fetch(`${h.sandbox.apiUrl}/v10/channels/${channels.tickets}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${h.sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          content: 'Open a ticket',
          components: [
            {
              type: 1,
              components: [{ type: 2, style: 1, label: 'Open', custom_id: 'ticket:billing' }],
            },
          ],
        }),
      })
    ).json()) as { id: string };
    expect(panel.messageId).toBeDefined();
    h.sandbox.inject({
      type: 'buttonClicked',
      guildId: guild,
      channelId: channels.tickets,
      messageId: posted.id,
      userId: users.erin,
      customId: 'ticket:billing',
    });
    const reply = await botMessage('Ticket ticket:billing for erin');
    expect(reply.ephemeral).toBe(true);
  });

  it('/flow list and /flow run answer ephemerally, and run starts the named graph', async () => {
    await h.publish({
      ...graph(
        [
          ['start', 'trigger.manual'],
          [
            'say',
            'discord.sendMessage',
            {
              channelId: channels.general,
              content: 'Ran from /flow by {{ trigger.user.username }}',
            },
          ],
        ],
        [['start', 'out', 'say']],
      ),
      name: 'Announce',
    });
    const list = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.alice,
      name: 'flow',
      options: [{ name: 'list', type: 1, options: [] }],
    });
    const listed = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === list.interactionId && m.content.includes('Announce')),
      'the /flow list answer',
    );
    expect(listed.ephemeral).toBe(true);
    expect(listed.content).toContain('• **Announce** — live, version 1');
    const run = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.alice,
      name: 'flow',
      options: [{ name: 'run', type: 1, options: [{ name: 'graph', value: 'announce' }] }],
    });
    await botMessage('Ran from /flow by alice');
    const answer = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === run.interactionId && m.content.startsWith('Started')),
      'the /flow run answer',
    );
    const runId = /run `([^`]+)`/.exec(answer.content)?.[1];
    expect(runId).toMatch(/^flow_/);
    const status = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.alice,
      name: 'flow',
      options: [{ name: 'status', type: 1, options: [{ name: 'run', value: runId }] }],
    });
    const shown = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === status.interactionId && m.content.startsWith('Run')),
      'the /flow status answer',
    );
    expect(shown.content).toContain(`Run \`${runId}\``);
    expect(shown.content).toContain('`say` completed');
  });

  it('/flow refuses members without Manage Server', async () => {
    const denied = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.carol,
      name: 'flow',
      options: [{ name: 'list', type: 1, options: [] }],
    });
    const answer = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === denied.interactionId && m.content !== ''),
      'the refusal',
    );
    expect(answer.content).toBe('You need the Manage Server permission to use /flow.');
  });

  it('disabling a slash-command graph unregisters its command and stops its runs', async () => {
    const { graphId } = await h.publish({
      ...graph(
        [
          ['start', 'trigger.slashCommand', { name: 'ping', description: 'Ping' }],
          ['answer', 'discord.reply', { content: 'pong' }],
        ],
        [['start', 'out', 'answer']],
      ),
      name: 'Ping',
    });
    const names = () =>
      [...h.sandbox.state.commands.values()]
        .filter((c) => c.guildId === guild)
        .map((c) => c.name)
        .sort();
    expect(names()).toContain('ping');
    const off = await h.service.api('POST', `/api/guilds/${guild}/graphs/${graphId}/disable`);
    expect(off.status).toBe(200);
    expect(names()).not.toContain('ping');
    expect(off.body.routing).toMatchObject({ live: true });
    const late = h.sandbox.inject({
      type: 'slashCommand',
      guildId: guild,
      channelId: channels.general,
      userId: users.bob,
      name: 'ping',
    });
    const answer = await eventually(
      () =>
        h.sandbox
          .messages()
          .find((m) => m.interactionId === late.interactionId && m.content !== ''),
      'the answer to a stale command',
    );
    expect(answer.content).toBe('No live graph answers /ping in this server any more.');
  });
});
