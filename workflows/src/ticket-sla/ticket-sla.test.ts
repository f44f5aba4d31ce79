import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { eventually } from '@guildflow/engine/testing/service';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';
import { ticketSla } from './index.js';

const { channels, roles, users, guild } = SANDBOX_IDS;
const carol = userOf(users.carol, 'carol');
const vars = {
  ticketChannelId: channels.tickets,
  staffRoleId: roles.moderator,
  modLogChannelId: channels.modLog,
  sla: '1h',
};

describe('ticket-sla template', () => {
  it('is a valid graph started by an open-ticket button', () => {
    expect(validateGraph(ticketSla.graph)).toEqual([]);
    expect(validateGraph(instantiate('ticket-sla', vars))).toEqual([]);
    expect(ticketSla.graph.nodes[0]).toMatchObject({
      type: 'trigger.buttonClicked',
      config: { customIdPrefix: '{{ vars.buttonPrefix }}' },
    });
    expect(instantiate('ticket-sla', vars).vars.buttonPrefix).toBe('ticket:open');
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();

    /** Carol clicks "Open a ticket" on a panel the bot posted; the run starts like the router's. */
    async function openTicket(timeScale: number, overrides: Record<string, unknown> = {}) {
      const graph = await h.install('ticket-sla', { ...vars, ...overrides });
      const panel = await h.postAsBot(channels.tickets, {
        content: 'Need help? Open a ticket.',
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 1, label: 'Open a ticket', custom_id: 'ticket:open:general' },
            ],
          },
        ],
      });
      const click = {
        channelId: channels.tickets,
        messageId: panel.id,
        customId: 'ticket:open:general',
      };
      const interaction = await h.buttonClick({ userId: carol.id, ...click });
      const run = await h.start(
        graph,
        { type: 'trigger.buttonClicked', payload: { user: carol, ...click } },
        { interaction, timeScale },
      );
      const reply = () =>
        h.sandbox
          .messages({ channelId: channels.tickets })
          .find((m) => m.interactionId === interaction.id)?.content;
      return { run, reply };
    }

    it('opens a private thread, and pings the staff in the mod-log when nobody replies in time', async () => {
      const { run, reply } = await openTicket(3600); // the 1-hour SLA lasts a second
      expect((await run.result()).status).toBe('completed');

      const [created] = h.sandbox.actions({ type: 'thread.create' });
      expect(created).toBeDefined();
      const threadId = reply()?.match(/<#(\d+)>/)?.[1] ?? '';
      expect(reply()).toBe(`Your ticket is open: <#${threadId}>`);
      const [intro] = h.sandbox.messages({ channelId: threadId });
      expect(intro).toMatchObject({
        content: `<@${users.carol}>, thanks for opening a ticket! Tell us what you need in this thread.\n<@&${roles.moderator}>: **reply to this message** to take the ticket. We aim to answer within 1h.`,
        mentions: [users.carol],
        mentionRoles: [roles.moderator],
      });
      expect(h.sandbox.messages({ channelId: channels.modLog })).toMatchObject([
        {
          content: `⏰ <@&${roles.moderator}> the ticket <#${threadId}> opened by <@${users.carol}> has had no staff reply for 1h.`,
          mentionRoles: [roles.moderator],
        },
      ]);
    });

    it('a staff reply within the SLA takes the ticket, and nobody is pinged', async () => {
      const { run } = await openTicket(1);
      const wait = await eventually(
        async () =>
          (await h.service.store.waits
            .findOne({ workflowId: run.workflowId })
            .lean<{ messageId: string }>()) ?? undefined,
        'the run to wait for a reply',
      );
      const intro = h.sandbox.messages({ guildId: guild }).find((m) => m.id === wait.messageId);
      const threadId = intro?.channelId ?? '';
      const content = 'On it, what is the problem?';
      const { messageId } = h.sandbox.inject({
        type: 'messageCreated',
        guildId: guild,
        channelId: threadId,
        userId: users.bob,
        content,
        replyToMessageId: wait.messageId,
      });
      const routed = await h.route({
        kind: 'messageCreated',
        eventId: messageId ?? 'reply',
        guildId: guild,
        message: { id: messageId ?? '', channelId: threadId, content },
        author: { ...userOf(users.bob, 'bob'), bot: false },
        replyTo: wait.messageId,
      });
      expect(routed.signalled).toBe(1);

      expect((await run.result()).status).toBe('completed');
      expect(
        h.sandbox
          .messages({ channelId: threadId, authorId: SANDBOX_IDS.botUser })
          .map((m) => m.content),
      ).toEqual([
        expect.stringContaining('thanks for opening a ticket'),
        `✅ <@${users.bob}> has taken this ticket.`,
      ]);
      expect(h.sandbox.messages({ channelId: channels.modLog })).toEqual([]);
    });

    it('tells the member when the thread cannot be opened', async () => {
      const { run, reply } = await openTicket(1, { ticketChannelId: '1300000000000000999' });
      expect((await run.result()).status).toBe('completed');
      expect(reply()).toMatch(
        /^Sorry, your ticket could not be opened \(.+\)\. Please tell a moderator\.$/,
      );
      expect(h.sandbox.messages({ channelId: channels.modLog })).toEqual([]);
    });
  });
});
