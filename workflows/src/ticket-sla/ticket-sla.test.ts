import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { eventually } from '@guildflow/engine/testing/service';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness } from '../testing/template-harness.js';
import { ticketSla } from './index.js';
import { baseVars, bob, carol, ticketKit } from './ticket-kit.js';

const { channels, roles, users } = SANDBOX_IDS;

describe('ticket-sla template', () => {
  it('is a priority-button graph and a /ticket-panel graph', () => {
    for (const doc of [...ticketSla.graphs, ...instantiateAll('ticket-sla', baseVars)])
      expect(validateGraph(doc), doc.name).toEqual([]);
    const [main, panel] = ticketSla.graphs;
    expect(main?.nodes[0]).toMatchObject({
      type: 'trigger.buttonClicked',
      config: { customIdPrefix: 'ticket:open' },
    });
    expect(panel?.nodes[0]).toMatchObject({
      type: 'trigger.slashCommand',
      config: { name: 'ticket-panel' },
    });
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();
    const kit = ticketKit(h);
    beforeEach(() => kit.resetCounters());

    it('/ticket-panel posts one button per priority with its SLA, for staff only', async () => {
      const { panel, answer } = await kit.postPanel({ slaHigh: '2h' });
      expect(answer).toBe(`The ticket panel is up: <#${channels.tickets}>`);
      expect(panel?.content).toBe(
        '🎫 **Need help?** Open a private ticket with the staff. Pick how urgent it is:\n' +
          '🔴 **Critical**: something is broken for everyone; first answer within 15m\n' +
          '🟠 **High**: you are blocked; within 2h\n' +
          '🟡 **Medium**: a question or a problem; within 4h\n' +
          '🟢 **Low**: no hurry; within 1d',
      );
      const buttons = JSON.stringify(panel?.components);
      for (const priority of ['critical', 'high', 'medium', 'low'])
        expect(buttons).toContain(`"custom_id":"ticket:open:${priority}"`);

      const refused = await kit.postPanel({}, carol);
      expect(refused.answer).toBe('Only staff can post the ticket panel.');
      expect(h.sandbox.messages({ channelId: channels.tickets })).toHaveLength(1);
    });

    it('staff claim in time, then the member closes it: archived, logged and counted', async () => {
      const ticket = await kit.openTicket('critical');
      expect(ticket.answer()).toBe(
        `Your **🔴 Critical** ticket is open: <#${ticket.threadId}>. Staff aim to answer within 15m.`,
      );
      const [created] = h.sandbox.actions({ type: 'thread.create' });
      expect(created).toMatchObject({ channelId: ticket.threadId });
      const [intro] = h.sandbox.messages({ channelId: ticket.threadId });
      expect(intro?.content).toMatch(
        new RegExp(
          `^📩 <@${users.carol}> opened a \\*\\*🔴 Critical\\*\\* ticket\\. Tell us what you need in this thread\\.\\n<@&${roles.moderator}>: press \\*\\*Claim\\*\\* to take it\\. First answer due <t:\\d+:R> \\(SLA 15m\\)\\.$`,
        ),
      );
      expect(intro).toMatchObject({ mentions: [users.carol], mentionRoles: [roles.moderator] });

      // The member's own click on Claim is no claim: only the staff role counts.
      expect(
        (await kit.click(carol, ticket.threadId, ticket.ticketId, 'ticket:claim')).signalled,
      ).toBe(0);
      expect(
        (await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:claim')).signalled,
      ).toBe(1);
      await eventually(
        async () => (await kit.counters()).firstResponseMs ?? undefined,
        'the first response to be recorded',
      );
      const claimed = h.sandbox.messages({ channelId: ticket.threadId })[0];
      expect(JSON.stringify(claimed?.components)).toMatch(
        /"label":"Claimed by bob".*"disabled":true.*"custom_id":"ticket:close"/,
      );

      // The conversation: a long story first (more than the transcript holds), then a line
      // that looks like an expression, which must show as typed.
      const story = Array.from(
        { length: 14 },
        (_, i) => `Part ${i + 1} of the story: ${'so much happened. '.repeat(16)}`,
      );
      for (const text of [...story, 'It crashes on {{ vars.logChannelId }}'])
        kit.say(carol, ticket.threadId, text);
      kit.say(bob, ticket.threadId, 'Fixed it, please try again.');

      expect(
        (await kit.click(carol, ticket.threadId, ticket.ticketId, 'ticket:close')).signalled,
      ).toBe(1);
      expect((await ticket.run.result()).status).toBe('stopped');
      expect(kit.botSaid(ticket.threadId)).toEqual([
        intro?.content,
        `✋ <@${users.bob}> has claimed this ticket, <@${users.carol}>.`,
        `🔒 This ticket was closed by <@${users.carol}> (the member). Thanks for reaching out!`,
      ]);
      expect(h.sandbox.messages({ channelId: ticket.threadId })[0]?.components).toEqual([]);
      expect(h.sandbox.state.channel(ticket.threadId).thread).toMatchObject({
        archived: true,
        locked: true,
      });

      const [transcript] = h.sandbox.messages({ channelId: channels.modLog });
      const embed = transcript?.embeds[0] as {
        title: string;
        description: string;
        fields: { name: string; value: string }[];
      };
      expect(embed.title).toBe('🔒 Ticket closed: critical-carol');
      expect(embed.description.split('\n')).toEqual([
        `<#${ticket.threadId}> (archived), opened by <@${users.carol}>`,
        '',
        expect.stringMatching(
          new RegExp(`^<t:\\d+:f> 📩 opened by <@${users.carol}> as 🔴 Critical$`),
        ),
        expect.stringMatching(new RegExp(`^<t:\\d+:f> ✋ claimed by <@${users.bob}>$`)),
        expect.stringMatching(new RegExp(`^<t:\\d+:f> 🔒 closed by <@${users.carol}>$`)),
      ]);
      expect(Object.fromEntries(embed.fields.map((f) => [f.name, f.value]))).toEqual({
        Priority: '🔴 Critical (SLA 15m)',
        SLA: 'not missed',
        'First response': expect.stringMatching(new RegExp(`^<@${users.bob}> after \\d+`)),
        'Resolved in': expect.stringMatching(/^\d/),
        'Closed by': `<@${users.carol}> (the member)`,
      });

      // The conversation, oldest first, the newest lines that fit in one embed.
      const conversation = transcript?.embeds[1] as { title: string; description: string };
      expect(conversation.title).toBe('💬 Conversation');
      const said = conversation.description.split('\n');
      const time = '\\[\\d\\d:\\d\\d\\]';
      expect(said[0]).toMatch(/^…\((\d+) earlier messages\)$/);
      const earlier = Number(/\d+/.exec(said[0] ?? '')?.[0]);
      // intro + claim notice + 14 story parts + 2 lines + close notice = 19 messages.
      expect(earlier + said.length - 1).toBe(19);
      // Posted after the claim: the intro and the claim notice are among the earlier ones.
      expect(said.slice(-3)).toEqual([
        expect.stringMatching(
          new RegExp(`^${time} carol: It crashes on \\{\\{ vars\\.logChannelId \\}\\}$`),
        ),
        expect.stringMatching(new RegExp(`^${time} bob: Fixed it, please try again\\.$`)),
        expect.stringMatching(
          new RegExp(
            `^${time} \\w+: 🔒 This ticket was closed by <@${users.carol}> \\(the member\\)`,
          ),
        ),
      ]);
      const parts = said.slice(1, -3);
      expect(parts.length).toBeGreaterThan(5);
      expect(
        parts.every((line) =>
          new RegExp(`^${time} carol: Part \\d+ of the story: so much`).test(line),
        ),
      ).toBe(true);
      expect(parts.at(-1)).toMatch(/ carol: Part 14 of the story: .{200,}…$/);
      expect(conversation.description.length).toBeLessThanOrEqual(4096);
      // Discord counts titles, descriptions, field names and values and footers: 6,000 at most.
      const textOf = (e: Record<string, unknown>): number =>
        [e.title, e.description, (e.footer as { text?: string } | undefined)?.text]
          .concat(
            ((e.fields ?? []) as { name: string; value: string }[]).flatMap((f) => [
              f.name,
              f.value,
            ]),
          )
          .reduce((sum: number, t) => sum + (typeof t === 'string' ? t.length : 0), 0);
      const embeds = (transcript?.embeds ?? []) as Record<string, unknown>[];
      expect(embeds.reduce((sum, e) => sum + textOf(e), 0)).toBeLessThanOrEqual(6000);

      const counted = await kit.counters();
      expect(counted).toMatchObject({ opened: 1, closed: 1, firstResponses: 1, slaMissed: null });
      expect(counted.firstResponseMs).toBeGreaterThan(0);
      expect(counted.resolutionMs).toBeGreaterThanOrEqual(counted.firstResponseMs ?? 0);
    });

    it('tells the member when the thread cannot be opened, and staff when the panel cannot be posted', async () => {
      const missing = '1300000000000000999';
      const { installed, answer } = await kit.postPanel({ ticketChannelId: missing });
      expect(answer).toMatch(/^The ticket panel could not be posted: .+/);

      const panel = await h.postAsBot(channels.tickets, {
        content: 'Open a ticket',
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 1, label: 'High', custom_id: 'ticket:open:high' }],
          },
        ],
      });
      const click = {
        channelId: channels.tickets,
        messageId: panel.id,
        customId: 'ticket:open:high',
      };
      const interaction = await h.buttonClick({ userId: carol.id, ...click });
      const run = await h.start(
        installed,
        { type: 'trigger.buttonClicked', payload: { user: carol, ...click } },
        { interaction },
      );
      expect((await run.result()).status).toBe('completed');
      expect(
        h.sandbox
          .messages({ channelId: channels.tickets })
          .find((m) => m.interactionId === interaction.id)?.content,
      ).toMatch(/^Sorry, your ticket could not be opened \(.+\)\. Please tell a moderator\.$/);
      expect(await kit.counters()).toMatchObject({ opened: null });
    });
  });
});
