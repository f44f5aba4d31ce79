import type {
  Client as TemporalClient,
  Connection as TemporalConnection,
} from '@temporalio/client';
import type { RouterEvent } from '@guildflow/engine/core';
import { GatewayStatus, RunQuota, openStore } from '@guildflow/engine/service';
import { StatsRecorder } from './stats-recorder.js';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  Routes,
  type GatewayGuildMemberUpdateDispatchData,
  type Interaction,
} from 'discord.js';
import type { Connection } from 'mongoose';
import { TriggerIndex } from '../routing/trigger-index.js';
import { defaultRunsPerSecond, RunAdmission } from '../routing/run-admission.js';
import { TriggerRouter } from '../routing/trigger-router.js';
import { syncTriggers, type TriggerSync } from '../routing/trigger-sync.js';
import { EventGate } from './event-gate.js';
import { FLOW_COMMAND, handleFlowCommand } from './flow-command.js';
import { TRANSLATE } from './translate.js';
import { memberBefore } from './translate-members.js';

/** What the gateway connects to. */
export interface GatewayOptions {
  /** The bot token (the sandbox's token in tests and without DISCORD_TOKEN). */
  token: string;
  /** REST base URL with `/api` (Discord by default; the sandbox's `apiUrl`). */
  apiUrl?: string | undefined;
  mongo: Connection;
  temporal: { client: TemporalClient; connection: TemporalConnection };
  /** The task queue of the graph workers (default `guildflow`). */
  taskQueue?: string | undefined;
  /** Connected to the sandbox: runs are `simulate` runs. */
  simulate?: boolean | undefined;
  /** How often the trigger index looks for publishes (default 250 ms). */
  syncIntervalMs?: number | undefined;
  /** How often the gateway's status record is refreshed (default 1 s). */
  heartbeatMs?: number | undefined;
  /** How often activity counters are written for `data.stats` (default 10 s). */
  statsFlushMs?: number | undefined;
  /**
   * Billing is on (the hosted service, `GUILDFLOW_BILLING=on`): runs past a guild's monthly quota
   * start nothing, and the month's one notice goes to the guild's system channel. `now` and
   * `cacheMs` are for tests.
   */
  billing?: boolean | { now?: () => number; cacheMs?: number } | undefined;
  /**
   * Events that start runs admitted per second before the gateway sheds (logged as
   * `gateway.overload_shed`); default {@link defaultRunsPerSecond}, `false` never sheds.
   */
  maxRunsPerSecond?: number | false | undefined;
  /** Structured log lines (default: none). */
  log?: (level: 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>) => void;
}

/** A connected gateway. */
export interface Gateway {
  client: Client<true>;
  index: TriggerIndex;
  router: TriggerRouter;
  sync: TriggerSync;
  /** What the service reads: alive, connected, index loaded, revisions applied. */
  status: GatewayStatus;
  /** Message, join and leave counters (`data.stats`), written in batches. */
  stats: StatsRecorder;
  /** Settles when every event received so far has been routed (tests, shutdown). */
  idle(): Promise<void>;
  /** Events received before the trigger index could load, waiting for it. */
  held(): number;
  /** Overload shedding (absent when turned off): `shedTotal` events shed since start. */
  admission: RunAdmission | undefined;
  stop(): Promise<void>;
}

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
];
/** Tries of one event while Temporal or the store is briefly unavailable (~15 s in all). */
const ROUTE_ATTEMPTS = 5;
/** Events held while the trigger index cannot load; past this, newer ones are logged as lost. */
const MAX_HELD_EVENTS = 10_000;

/**
 * Connects discord.js to the gateway and routes what it receives: member joins and leaves,
 * messages, reactions, slash commands and button clicks. Interactions are acknowledged before
 * anything slow happens (Discord allows 3 seconds), then routed.
 *
 * @example
 * const gateway = await startGateway({ token, apiUrl: sandbox.apiUrl, mongo, temporal, simulate: true });
 * await gateway.stop();
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const log = options.log ?? (() => {});
  const store = () => openStore(options.mongo);
  const index = new TriggerIndex();
  const status = new GatewayStatus(store, {
    heartbeatMs: options.heartbeatMs,
    onError: (error) => log('warn', 'gateway.status_failed', { error: String(error) }),
  });
  status.start();
  // Events wait here until the index has loaded; then the gate stays open.
  const gate = new EventGate<RouterEvent>(
    (event) => track(route(event)),
    MAX_HELD_EVENTS,
    (event) =>
      log('error', 'event.lost', {
        kind: event.kind,
        eventId: event.eventId,
        error: `the trigger index has not loaded and ${MAX_HELD_EVENTS} events are already waiting`,
      }),
  );
  const sync = syncTriggers(store, index, {
    intervalMs: options.syncIntervalMs,
    onError: (error) => log('warn', 'triggers.sync_failed', { error: String(error) }),
    onApplied: (records) => status.ack(records),
    onLoaded: (from) => {
      status.loaded(from);
      if (gate.waiting > 0) log('info', 'events.released', { count: gate.waiting });
      gate.openNow();
    },
  });
  const admission =
    options.maxRunsPerSecond === false
      ? undefined
      : new RunAdmission({
          perSecond: options.maxRunsPerSecond ?? defaultRunsPerSecond(),
          onShed: (report) => log('warn', 'gateway.overload_shed', { ...report }),
        });
  const router = new TriggerRouter({
    admission,
    index,
    store,
    client: options.temporal.client,
    taskQueue: options.taskQueue,
    simulate: options.simulate,
    quota: options.billing
      ? new RunQuota(store, {
          ...(typeof options.billing === 'object' ? options.billing : {}),
          notify: (guildId, message) => postToSystemChannel(client, guildId, message),
        })
      : undefined,
  });
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const route = async (
    event: RouterEvent | undefined,
    matches = event ? index.match(event) : [],
  ): Promise<void> => {
    if (!event) return;
    if (matches.length === 0 && !TriggerRouter.reachesWaits(event)) return;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await router.route(event, matches);
        if (result.runs.length > 0 || result.signalled > 0 || result.entered > 0)
          log('info', 'event.routed', {
            kind: event.kind,
            eventId: event.eventId,
            ...counts(result),
          });
        return;
      } catch (error) {
        if (attempt >= ROUTE_ATTEMPTS) {
          log('error', 'event.lost', {
            kind: event.kind,
            eventId: event.eventId,
            error: String(error),
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
      }
    }
  };
  const stats = new StatsRecorder(store, (error) =>
    log('warn', 'stats.flush_failed', { error: String(error) }),
  );
  stats.start(options.statsFlushMs);
  const handle = (event: RouterEvent | undefined): void => {
    if (!event) return;
    stats.record(event);
    gate.pass(event);
  };

  const client = new Client({
    intents: INTENTS,
    partials: [
      Partials.Message,
      Partials.Reaction,
      Partials.User,
      Partials.GuildMember,
      Partials.Channel,
    ],
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  });
  client.on(Events.GuildMemberAdd, (member) => handle(TRANSLATE.memberJoined(member)));
  client.on(Events.GuildMemberRemove, (member) => handle(TRANSLATE.memberLeft(member)));
  // Member updates from the raw packet: it arrives before discord.js patches its cache (so the
  // member before the change is still there) and carries the session's sequence number, which
  // names the event (discord.js emits no update for a member it had not cached).
  const sessions = new Map<number, string>();
  client.on(Events.Raw, (packet: RawPacket, shardId: number) => {
    if (packet.t === 'READY') {
      const sessionId = (packet.d as { session_id?: unknown }).session_id;
      if (typeof sessionId === 'string') sessions.set(shardId, sessionId);
    } else if (packet.t === 'GUILD_MEMBER_UPDATE' && typeof packet.s === 'number') {
      const data = packet.d as GatewayGuildMemberUpdateDispatchData;
      const guild = client.guilds.cache.get(data.guild_id);
      handle(
        TRANSLATE.memberUpdated(data, {
          eventId: `mupd_${sessions.get(shardId) ?? shardId}_${packet.s}`,
          guild,
          before: memberBefore(guild, data.user.id),
          botUserId: client.user?.id,
        }),
      );
    }
  });
  client.on(Events.MessageCreate, (message) => handle(TRANSLATE.messageCreated(message)));
  client.on(Events.MessageReactionAdd, (reaction, user) =>
    handle(TRANSLATE.reactionAdded(reaction, user, client.user?.id)),
  );
  client.on(Events.MessageReactionRemove, (reaction, user) =>
    handle(TRANSLATE.reactionRemoved(reaction, user, client.user?.id)),
  );
  client.on(Events.InteractionCreate, (interaction) =>
    track(
      onInteraction(interaction).catch((error: unknown) =>
        log('error', 'interaction.failed', { interactionId: interaction.id, error: String(error) }),
      ),
    ),
  );
  client.on(Events.Error, (error) => log('error', 'gateway.error', { error: error.message }));
  client.on(Events.ShardReady, () => status.setConnected(true));
  client.on(Events.ShardResume, () => status.setConnected(true));
  client.on(Events.ShardDisconnect, () => status.setConnected(false));
  client.on(Events.ShardReconnecting, () => status.setConnected(false));

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (!interaction.inGuild()) return;
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === FLOW_COMMAND.name) {
        await handleFlowCommand(interaction, { ...options, temporal: options.temporal });
        return;
      }
      const event = TRANSLATE.slashCommand(interaction);
      if (!gate.open) {
        // Acknowledged within Discord's 3 s, answered once the index has loaded.
        await interaction.deferReply();
        await gate.whenOpen();
        const matches = index.match(event);
        if (matches.length === 0)
          await interaction.editReply(noGraphAnswers(interaction.commandName));
        else await route(event, matches);
        return;
      }
      const matches = index.match(event);
      // Acknowledge first: the run may take longer than Discord's 3 seconds to start.
      await interaction.deferReply(
        matches.some((m) => m.replyEphemeral) ? { flags: MessageFlags.Ephemeral } : {},
      );
      if (matches.length === 0) {
        await interaction.editReply(noGraphAnswers(interaction.commandName));
        return;
      }
      await route(event, matches);
    } else if (interaction.isButton()) {
      await interaction.deferUpdate();
      await gate.whenOpen();
      await route(TRANSLATE.buttonClicked(interaction));
    }
  }

  await sync.ready.catch((error: unknown) =>
    log('warn', 'triggers.load_failed', { error: String(error) }),
  );
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  status.setConnected(true);
  const ready_ = client as Client<true>;
  await ready_.rest
    .put(Routes.applicationCommands(ready_.application.id), { body: [FLOW_COMMAND] })
    .catch((error: unknown) =>
      log('warn', 'flow_command.register_failed', { error: String(error) }),
    );
  log('info', 'gateway.ready', { user: ready_.user.tag, graphs: index.size });

  const idle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    client: ready_,
    index,
    router,
    sync,
    status,
    stats,
    idle,
    held: () => gate.waiting,
    admission,
    stop: async () => {
      sync.stop();
      await status.stop();
      await client.destroy();
      await idle();
      await stats.stop();
      admission?.flush();
    },
  };
}

/** A gateway dispatch as discord.js's `raw` event gives it. */
interface RawPacket {
  t?: string | null;
  s?: number | null;
  d?: unknown;
}

function noGraphAnswers(command: string): string {
  return `No live graph answers /${command} in this server any more.`;
}

function counts(result: Awaited<ReturnType<TriggerRouter['route']>>): Record<string, number> {
  return {
    runs: result.runs.filter((r) => r.started).length,
    signalled: result.signalled,
    entered: result.entered,
  };
}

/**
 * Posts a message of the service (the over-quota notice) to the guild's system channel — the
 * channel Discord shows joins in, which every server can set (Server Settings → System Messages
 * Channel). A guild without one gets no notice; the log line says so.
 */
async function postToSystemChannel(
  client: Client,
  guildId: string,
  content: string,
): Promise<void> {
  const guild = (await client.rest.get(Routes.guild(guildId))) as {
    system_channel_id?: string | null;
  };
  if (!guild.system_channel_id)
    throw new Error('the server has no system channel to post the notice to');
  await client.rest.post(Routes.channelMessages(guild.system_channel_id), {
    body: { content, allowed_mentions: { parse: [] } },
  });
}
