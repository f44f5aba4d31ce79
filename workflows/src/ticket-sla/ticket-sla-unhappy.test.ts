import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { eventually } from '@guildflow/engine/testing/service';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTemplateHarness } from '../testing/template-harness.js';
import { bob, carol, ticketKit } from './ticket-kit.js';

const { channels, roles, users } = SANDBOX_IDS;
const SENIOR = roles.member; // stands in for a senior staff role (see baseVars)

/** The transcript's embed in the log channel. */
function transcriptOf(message: { embeds: unknown[] } | undefined) {
  const embed = message?.embeds[0] as {
    description: string;
    fields: { name: string; value: string }[];
  };
  return {
    lines: embed.description.split('\n').slice(2),
    fields: Object.fromEntries(embed.fields.map((f) => [f.name, f.value])),
  };
}

describe('ticket-sla template: missed SLAs and close requests (time compressed)', () => {
  const h = useTemplateHarness();
  const kit = ticketKit(h);
  beforeEach(() => kit.resetCounters());

  it('a missed SLA pings the senior role in the ticket, a second miss pings them in the log', async () => {
    await kit.allowRolePings();
    // timeScale 3600: the High SLA of 1 hour lasts a second.
    const ticket = await kit.openTicket('high', { timeScale: 3600 });
    await eventually(
      () => (h.sandbox.messages({ channelId: channels.modLog }).length === 2 ? true : undefined),
      'two escalations in the log',
    );
    const [first, second] = h.sandbox.messages({ channelId: channels.modLog });
    expect(first?.content).toMatch(
      new RegExp(
        `^⏰ SLA missed: <#${ticket.threadId}> \\(🟠 High, opened by <@${users.carol}> <t:\\d+:R>\\) had no staff answer within 1h\\. Senior staff were pinged in the ticket\\.$`,
      ),
    );
    expect(first?.mentionRoles).toEqual([]);
    expect(second?.content).toMatch(
      new RegExp(
        `^🚨 <@&${SENIOR}>: <#${ticket.threadId}> \\(🟠 High, opened by <@${users.carol}> <t:\\d+:R>\\) is still unanswered after twice its SLA of 1h\\.$`,
      ),
    );
    expect(second?.mentionRoles).toEqual([SENIOR]);
    const ping = h.sandbox.messages({ channelId: ticket.threadId })[1];
    expect(ping).toMatchObject({
      content: `⏰ <@&${SENIOR}>: this **🟠 High** ticket has had no staff answer for 1h (its SLA). Can you take it?`,
      mentionRoles: [SENIOR],
    });
    expect(await kit.counters()).toMatchObject({ opened: 1, slaMissed: 1, firstResponses: null });

    // A late claim still counts as the first response; then the member closes the ticket.
    await kit.waitingFor(ticket.run, { customId: 'ticket:claim' }, 'the late claim');
    expect((await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:claim')).signalled).toBe(
      1,
    );
    await eventually(
      async () => (await kit.counters()).firstResponses ?? undefined,
      'the late claim to be counted',
    );
    await kit.click(carol, ticket.threadId, ticket.ticketId, 'ticket:close');
    expect((await ticket.run.result()).status).toBe('stopped');

    const { lines, fields } = transcriptOf(h.sandbox.messages({ channelId: channels.modLog })[2]);
    expect(lines.map((line) => line.replace(/^<t:\d+:f> /, ''))).toEqual([
      `📩 opened by <@${users.carol}> as 🟠 High`,
      '⏰ SLA missed, senior staff pinged',
      '🚨 still unanswered, escalated again',
      `✋ claimed by <@${users.bob}>`,
      `🔒 closed by <@${users.carol}>`,
    ]);
    expect(fields.SLA).toBe('missed twice: escalated again after 1h more');
    expect(await kit.counters()).toMatchObject({
      opened: 1,
      slaMissed: 1,
      firstResponses: 1,
      closed: 1,
    });
  });

  it('a close request nobody answers gets a warning, then closes by itself', async () => {
    // timeScale 3600: an hour to reply, then an hour after the warning, each lasting a second.
    const ticket = await kit.openTicket('low', {
      timeScale: 3600,
      vars: { closeWarnAfter: '1h', closeGrace: '1h' },
    });
    await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:claim');
    await eventually(
      async () => (await kit.counters()).firstResponses ?? undefined,
      'the claim to be counted',
    );
    expect((await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:close')).signalled).toBe(
      1,
    );
    expect((await ticket.run.result()).status).toBe('stopped');

    expect(kit.botSaid(ticket.threadId).slice(1)).toEqual([
      `✋ <@${users.bob}> has claimed this ticket, <@${users.carol}>.`,
      expect.stringMatching(
        new RegExp(
          `^🔒 <@${users.bob}> asked to close this ticket\\. <@${users.carol}>, if you still need help, \\*\\*reply to this message\\*\\*; otherwise the ticket closes by itself <t:\\d+:R>\\.$`,
        ),
      ),
      `⚠️ <@${users.carol}>, this ticket closes in 1h unless you **reply to this message**.`,
      '🔒 This ticket was closed by the ticket bot, after no reply. Thanks for reaching out!',
    ]);
    expect(h.sandbox.state.channel(ticket.threadId).thread).toMatchObject({ archived: true });
    const { lines, fields } = transcriptOf(h.sandbox.messages({ channelId: channels.modLog })[0]);
    expect(lines.map((line) => line.replace(/^<t:\d+:f> /, '')).slice(1)).toEqual([
      `✋ claimed by <@${users.bob}>`,
      `🔒 close requested by <@${users.bob}>`,
      '🔒 closed automatically after no reply',
    ]);
    expect(fields['Closed by']).toBe('the ticket bot, after no reply');
    expect(await kit.counters()).toMatchObject({ opened: 1, closed: 1, slaMissed: null });
  });

  it('a reply to the close request keeps the ticket open until someone closes it', async () => {
    const ticket = await kit.openTicket('medium', { timeScale: 60 });
    await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:claim');
    await eventually(
      async () => (await kit.counters()).firstResponses ?? undefined,
      'the claim to be counted',
    );
    await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:close');
    const request = await kit.waitingFor(
      ticket.run,
      { event: 'reply', userId: users.carol },
      'the close request to wait for a reply',
    );
    // What a member types is data: the transcript shows it as typed, never as a template.
    const typed = 'It still crashes {{ vars.logChannelId }}';
    expect((await kit.reply(bob, ticket.threadId, request.messageId, 'Any news?')).signalled).toBe(
      0,
    );
    expect((await kit.reply(carol, ticket.threadId, request.messageId, typed)).signalled).toBe(1);
    await kit.waitingFor(ticket.run, { customId: 'ticket:close' }, 'the ticket to stay open');
    expect(kit.botSaid(ticket.threadId).at(-1)).toBe(
      `👍 The ticket stays open, <@${users.carol}>. Press **Close** on the first message when you are done.`,
    );

    await kit.click(bob, ticket.threadId, ticket.ticketId, 'ticket:close');
    expect((await ticket.run.result()).status).toBe('stopped');
    expect(kit.botSaid(ticket.threadId).at(-1)).toBe(
      `🔒 This ticket was closed by <@${users.bob}>. Thanks for reaching out!`,
    );
    expect(kit.botSaid(ticket.threadId).join('\n')).not.toContain('⚠️');
    const { lines } = transcriptOf(h.sandbox.messages({ channelId: channels.modLog })[0]);
    expect(lines.map((line) => line.replace(/^<t:\d+:f> /, '')).slice(2)).toEqual([
      `🔒 close requested by <@${users.bob}>`,
      `💬 <@${users.carol}> kept it open: “${typed}”`,
      `🔒 closed by <@${users.bob}>`,
    ]);
    // The conversation has both replies as typed, between the bot's messages, oldest first.
    const [, conversation] = h.sandbox.messages({ channelId: channels.modLog })[0]?.embeds as {
      description: string;
    }[];
    const said = conversation?.description.split('\n').map((l) => l.replace(/^\[\d\d:\d\d\] /, ''));
    expect(said?.filter((l) => !l.startsWith('Guildflow'))).toEqual([
      'bob: Any news?',
      `carol: ${typed}`,
    ]);
    expect(said).toHaveLength(7); // intro, claim, request, 2 replies, stays open, closed
  });
});
