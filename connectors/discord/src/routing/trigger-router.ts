import type { RouterEvent } from '@guildflow/engine/core';
import { WAIT_EVENT_SIGNAL, type WaitEvent } from '@guildflow/engine/interpreter';
import {
  enterCollect,
  RunQuota,
  SnapshotCache,
  startRun,
  waitsFor,
  type Store,
} from '@guildflow/engine/service';
import type { Client } from '@temporalio/client';
import type { RunAdmission } from './run-admission.js';
import type { TriggerIndex, TriggerMatch } from './trigger-index.js';

/** What one event did. */
export interface RouteResult {
  /** Runs started (or found already started for this event) by trigger graphs. */
  runs: { graphId: string; runId: string; started: boolean }[];
  /** Waiting runs signalled (`flow.waitFor`). */
  signalled: number;
  /** Collect windows the user entered (`flow.collect`). */
  entered: number;
  /** The guild used its month's runs: matching graphs started nothing (billing on only). */
  overQuota?: boolean;
  /** Shed: the machine was past what it can run, so matching graphs started nothing. */
  shed?: boolean;
}

/** Options of {@link TriggerRouter}. */
export interface TriggerRouterOptions {
  index: TriggerIndex;
  store: () => Promise<Store>;
  client: Client;
  /** The task queue of the graph workers (default `guildflow`). */
  taskQueue?: string | undefined;
  /** Runs act on the sandbox guild (the gateway is connected to the sandbox). */
  simulate?: boolean | undefined;
  /**
   * The plans' monthly run quota (billing on, docs/billing.md): past it, matching graphs start
   * nothing; waiting runs are still signalled (nothing already running is cut off).
   */
  quota?: RunQuota | undefined;
  /** Overload shedding: past its rate, events start no runs (counted and logged there). */
  admission?: RunAdmission | undefined;
}

/**
 * Routes gateway events: starts the runs of matching trigger graphs (deterministic workflow ids
 * from the event id, so a redelivered event starts nothing twice), signals runs that wait for a
 * click, reaction or reply (by a member with the wait's role, when it names one), and stores
 * clicks and reactions as `flow.collect` entries (never one signal per click). Events that match
 * no trigger and can answer no wait never touch the store.
 *
 * @example
 * const router = new TriggerRouter({ index, store: () => openStore(mongo), client });
 * await router.route({ kind: 'memberJoined', eventId, guildId, member, guild });
 */
export class TriggerRouter {
  readonly snapshots: SnapshotCache;

  constructor(private readonly options: TriggerRouterOptions) {
    this.snapshots = new SnapshotCache(options.store);
  }

  /** True when the event may concern a waiting run or a collect window (a store read). */
  static reachesWaits(event: RouterEvent): boolean {
    return (
      event.kind === 'buttonClicked' ||
      (event.kind === 'reactionAdded' && !event.user.bot) ||
      (event.kind === 'messageCreated' && event.replyTo !== undefined && !event.author.bot)
    );
  }

  /**
   * Routes one event. `matches` are the index's matches when the caller already has them (the
   * gateway looks first, to skip events that concern nothing, and to defer interactions).
   */
  async route(
    event: RouterEvent,
    matches: readonly TriggerMatch[] = this.options.index.match(event),
  ): Promise<RouteResult> {
    const result: RouteResult = { runs: [], signalled: 0, entered: 0 };
    if (matches.length === 0 && !TriggerRouter.reachesWaits(event)) return result;
    const { quota, admission } = this.options;
    let starting = matches;
    if (matches.length > 0 && admission && !admission.admit(event.guildId)) {
      result.shed = true;
      starting = [];
    } else if (matches.length > 0 && quota && !(await quota.admit(event.guildId))) {
      result.overQuota = true;
      starting = [];
    }
    const [runs, waits] = await Promise.all([
      Promise.all(
        starting.map(async (match) => {
          const snapshot = await this.snapshots.get(match.graphId, match.version);
          if (!snapshot) return undefined;
          const interaction =
            event.kind === 'slashCommand' || event.kind === 'buttonClicked'
              ? event.interaction
              : undefined;
          const started = await startRun({
            client: this.options.client,
            taskQueue: this.options.taskQueue,
            snapshot,
            trigger: { type: match.triggerType, payload: match.payload },
            triggerType: match.triggerType,
            options: this.options.simulate ? { simulate: true } : {},
            workflowId: eventRunId(event.eventId, match.graphId),
            interaction,
          });
          return { graphId: match.graphId, ...started };
        }),
      ),
      TriggerRouter.reachesWaits(event) ? this.routeToWaits(event) : { signalled: 0, entered: 0 },
    ]);
    for (const run of runs) if (run) result.runs.push(run);
    await quota?.counted(event.guildId, result.runs.filter((run) => run.started).length);
    result.signalled = waits.signalled;
    result.entered = waits.entered;
    return result;
  }

  private async routeToWaits(event: RouterEvent): Promise<{ signalled: number; entered: number }> {
    const store = await this.options.store();
    // Every lookup is keyed by the event's guild: waits and windows of other servers never match.
    const { guildId } = event;
    let target: { messageId: string; event: 'button' | 'reaction' | 'reply' } | undefined;
    let signal: Omit<WaitEvent, 'waitId'> | undefined;
    let entered = 0;
    if (event.kind === 'buttonClicked') {
      target = { messageId: event.messageId, event: 'button' };
      signal = { user: event.user, customId: event.customId };
      entered = (
        await enterCollect(store, {
          guildId,
          messageId: event.messageId,
          customId: event.customId,
          user: event.user,
        })
      ).length;
    } else if (event.kind === 'reactionAdded') {
      const { bot: _bot, ...user } = event.user;
      target = { messageId: event.messageId, event: 'reaction' };
      signal = { user, emoji: event.emoji };
      entered = (
        await enterCollect(store, { guildId, messageId: event.messageId, emoji: event.emoji, user })
      ).length;
    } else if (event.kind === 'messageCreated' && event.replyTo !== undefined) {
      const { bot: _bot, ...user } = event.author;
      target = { messageId: event.replyTo, event: 'reply' };
      signal = { user, content: event.message.content };
    }
    if (!target || !signal) return { signalled: 0, entered };
    const waits = await waitsFor(store, {
      guildId,
      ...target,
      ...(signal.customId !== undefined ? { customId: signal.customId } : {}),
      ...(signal.user ? { userId: signal.user.id, roles: signal.user.roles ?? [] } : {}),
    });
    let signalled = 0;
    for (const wait of waits) {
      try {
        await this.options.client.workflow
          .getHandle(wait.workflowId)
          .signal(WAIT_EVENT_SIGNAL, { waitId: wait._id, ...signal } satisfies WaitEvent);
        signalled++;
      } catch (error) {
        // The run ended (cancelled, timed out) after the wait was read: nothing to deliver.
        if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
      }
    }
    return { signalled, entered };
  }
}

/**
 * The workflow id of the run an event starts for a graph: the same event, redelivered by the
 * gateway or retried by the router, names the same run, and Temporal refuses a second one.
 *
 * @example
 * eventRunId('1300000000000000777', 'g_abc'); // 'ev_1300000000000000777_g_abc'
 */
export function eventRunId(eventId: string, graphId: string): string {
  return `ev_${eventId}_${graphId}`;
}
