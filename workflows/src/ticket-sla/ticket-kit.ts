/**
 * What the ticket-sla tests do as members and staff: post the panel with /ticket-panel, click a
 * priority, click Claim or Close, reply to a message — each through the sandbox and the real
 * trigger router, as on Discord.
 */
import { SANDBOX_BOT_PERMISSIONS, SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { eventually } from '@guildflow/engine/testing/service';
import { expect } from 'vitest';
import {
  userOf,
  type PayloadUser,
  type TemplateHarness,
  type TemplateRun,
} from '../testing/template-harness.js';

const { guild, channels, roles, users } = SANDBOX_IDS;

/** A wait a run registered (`flow.waitFor`), as the store keeps it. */
interface WaitRecord {
  messageId: string;
  event: 'button' | 'reaction' | 'reply';
  customId: string | null;
  userId: string | null;
}

/** Carol opens tickets; Bob is staff (Moderator); Dave is another member. */
export const carol = userOf(users.carol, 'carol', [roles.member]);
export const bob = userOf(users.bob, 'bob', [roles.moderator]);
export const dave = userOf(users.dave, 'dave', [roles.member]);

/** The install answers of the tests: staff = Moderator; Member stands in for the senior role. */
export const baseVars = {
  ticketChannelId: channels.tickets,
  staffRoleId: roles.moderator,
  seniorRoleId: roles.member,
  logChannelId: channels.modLog,
};

/** The `tickets.*` guild counters the weekly recap reads. */
export const COUNTERS = [
  'opened',
  'closed',
  'firstResponses',
  'firstResponseMs',
  'resolutionMs',
  'slaMissed',
] as const;

/** An opened ticket: its run, thread and ticket message, and what the click was answered. */
export interface OpenedTicket {
  run: TemplateRun;
  threadId: string;
  ticketId: string;
  answer(): string | undefined;
}

/** The helpers of one test file's harness. */
export function ticketKit(h: TemplateHarness) {
  /** Waits until the run waits for `filter` (a wait registered in the store) and returns it. */
  const waitingFor = (run: TemplateRun, filter: Partial<WaitRecord>, what: string) =>
    eventually(
      async () =>
        (await h.service.store.waits
          .findOne({ workflowId: run.workflowId, ...filter })
          .lean<WaitRecord>()) ?? undefined,
      what,
    );

  /**
   * Clicks a button as `who` and routes it like the gateway does: the click is acknowledged
   * without a message (a deferred update), then reaches the runs that wait for it.
   */
  async function click(who: PayloadUser, channelId: string, messageId: string, customId: string) {
    const injected = h.sandbox.inject({
      type: 'buttonClicked',
      guildId: guild,
      userId: who.id,
      channelId,
      messageId,
      customId,
    });
    const interaction = {
      id: injected.interactionId ?? '',
      token: injected.interactionToken ?? '',
    };
    const acknowledged = await fetch(
      `${h.sandbox.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":6}' },
    );
    expect(acknowledged.status, await acknowledged.text()).toBeLessThan(300);
    return h.route({
      kind: 'buttonClicked',
      eventId: interaction.id,
      guildId: guild,
      user: who,
      channelId,
      messageId,
      customId,
      interaction,
    });
  }

  /** Replies to a message as `who` (Discord's reply, which `flow.waitFor` reply listens to). */
  async function reply(who: PayloadUser, channelId: string, messageId: string, content: string) {
    const injected = h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId,
      userId: who.id,
      content,
      replyToMessageId: messageId,
    });
    return h.route({
      kind: 'messageCreated',
      eventId: injected.messageId ?? content,
      guildId: guild,
      message: { id: injected.messageId ?? '', channelId, content },
      author: { ...who, bot: false },
      replyTo: messageId,
    });
  }

  /** Posts a message as `who` in a channel or thread (nothing waits for it: no routing). */
  const say = (who: PayloadUser, channelId: string, content: string) =>
    h.sandbox.inject({
      type: 'messageCreated',
      guildId: guild,
      channelId,
      userId: who.id,
      content,
    });

  /** Installs the template and posts the panel with /ticket-panel as `by`; returns the panel. */
  async function postPanel(vars: Record<string, unknown> = {}, by: PayloadUser = bob) {
    const installed = await h.install('ticket-sla', { ...baseVars, ...vars });
    const panelGraph = installed.graphs['Ticket panel'];
    if (!panelGraph) throw new Error('the template installed no "Ticket panel" graph');
    const interaction = await h.slashCommand(by.id, 'ticket-panel', {});
    const run = await h.start(
      panelGraph,
      {
        type: 'trigger.slashCommand',
        payload: { user: by, channelId: channels.general, command: 'ticket-panel', options: {} },
      },
      { interaction },
    );
    expect((await run.result()).status).toBe('completed');
    const answer = h.sandbox
      .messages({ channelId: channels.general })
      .find((m) => m.interactionId === interaction.id)?.content;
    const panel = h.sandbox.messages({ channelId: channels.tickets }).at(-1);
    return { installed, panel, answer };
  }

  /**
   * Posts the panel, then `who` clicks the `priority` button: the run starts as the router
   * starts it, and the ticket is ready once the run waits for a claim.
   */
  async function openTicket(
    priority: string,
    options: { vars?: Record<string, unknown>; timeScale?: number; who?: PayloadUser } = {},
  ): Promise<OpenedTicket> {
    const { installed, panel } = await postPanel(options.vars);
    if (!panel) throw new Error('no panel was posted');
    const who = options.who ?? carol;
    const customId = `ticket:open:${priority}`;
    const click = { channelId: channels.tickets, messageId: panel.id, customId };
    const interaction = await h.buttonClick({ userId: who.id, ...click });
    const run = await h.start(
      installed,
      { type: 'trigger.buttonClicked', payload: { user: who, ...click } },
      { interaction, timeScale: options.timeScale ?? 1 },
    );
    const claim = await waitingFor(
      run,
      { customId: 'ticket:claim' },
      'the ticket to wait for a claim',
    );
    const ticket = h.sandbox.messages({ guildId: guild }).find((m) => m.id === claim.messageId);
    const answer = () =>
      h.sandbox
        .messages({ channelId: channels.tickets })
        .find((m) => m.interactionId === interaction.id)?.content;
    return { run, threadId: ticket?.channelId ?? '', ticketId: claim.messageId, answer };
  }

  /** The bot's messages in a channel, as text. */
  const botSaid = (channelId: string) =>
    h.sandbox.messages({ channelId, authorId: SANDBOX_IDS.botUser }).map((m) => m.content);

  /** The `tickets.*` counters (null: never written). */
  async function counters(): Promise<Record<(typeof COUNTERS)[number], number | null>> {
    const read = async (name: string) =>
      (
        await h.service.store.dataKeys
          .findOne({ guildId: guild, scope: 'guild', key: `tickets.${name}` })
          .lean<{ num?: number }>()
      )?.num ?? null;
    return Object.fromEntries(
      await Promise.all(COUNTERS.map(async (name) => [name, await read(name)] as const)),
    ) as Record<(typeof COUNTERS)[number], number | null>;
  }

  /** Forgets the counters, so each test sees its own ticket's. */
  const resetCounters = async (): Promise<void> => {
    await h.service.store.dataKeys.deleteMany({ key: /^tickets\./ });
  };

  /** Lets the bot ping any role (Mention @everyone, @here and All Roles), as an admin would. */
  async function allowRolePings() {
    const response = await fetch(`${h.sandbox.url}/sandbox/guilds/${guild}/roles/${roles.bot}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ permissions: [...SANDBOX_BOT_PERMISSIONS, 'MentionEveryone'] }),
    });
    expect(response.status, await response.text()).toBe(200);
  }

  return {
    click,
    reply,
    say,
    postPanel,
    openTicket,
    waitingFor,
    botSaid,
    counters,
    resetCounters,
    allowRolePings,
  };
}
