import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type Priority,
  type SearchAttributePair,
} from '@temporalio/common';
import type { InteractionRef } from '../core/catalog/action-contract.js';
import type { GraphDocument } from '../core/index.js';

/**
 * Bumped on every change to how a graph runs. Each run stamps the version it started with
 * (in its input and memo `interpreterVersion`); a change that would make running workflows
 * replay differently is gated on that stamp (`input.interpreterVersion >= N`), which adds
 * nothing to the history, or on `patched()` where no stamp can decide (see docs/operations.md).
 *
 * - 1: first release.
 * - 2: live Discord actions run on `<queue>-discord` (for runs whose input is stamped ≥ 2);
 *   runs keep the interaction that started them (`discord.reply`); schedule runs get
 *   `scheduledAt`; child runs are stamped with the version that started them.
 * - 3: pinned data: in a simulated run (`options.simulate === true`), an action node with a pin
 *   in `options.pins` is not executed; its step completes with the pinned output and port and
 *   `pinned: true`. Runs that are not simulated ignore pins; child runs never inherit them.
 * - 4: Discord actions run as local activities in the worker running the run (one marker event
 *   instead of an activity task and a second workflow task); the worker's in-process Discord
 *   budget replaces the Discord queue's server-side rate limit. Waits and collect windows take
 *   their deadline from the activity that registers them (`durationMs`), not from the workflow's
 *   clock, which lags local activities within a workflow task.
 */
export const INTERPRETER_VERSION = 4;

/** The task queue every run and activity uses. */
export const TASK_QUEUE = 'guildflow';

/**
 * The task queue of live Discord actions of runs on `runQueue` (interpreter v2 on), polled only
 * by the rate-limited Discord workers. Named here only: running histories replay on this name.
 */
export function discordTaskQueue(runQueue: string): string {
  return `${runQueue}-discord`;
}

/** Options of one run (docs/execution.md). */
export interface RunOptions {
  /** Run against the sandbox guild. */
  simulate?: boolean;
  /** Every wait is divided by this (a 7-day giveaway in seconds). */
  timeScale?: number;
  /**
   * Pinned outputs by node id, used instead of executing those action nodes — only when
   * `simulate` is true (interpreter ≥ 3); a run that is not simulated ignores them.
   */
  pins?: Record<string, PinnedOutput>;
}

/** A node's pinned output and the port it leaves by. */
export interface PinnedOutput {
  output: unknown;
  port: string;
}

/** The pinned graph version a run executes. */
export interface GraphSnapshot {
  graphId: string;
  guildId: string;
  version: number;
  document: GraphDocument;
}

/** Input of the graph workflow. `resume` is only set by continue-as-new. */
export interface GraphRunInput {
  graph: GraphSnapshot;
  trigger: { type: string; payload: unknown };
  options?: RunOptions;
  /** When the run first started (kept across continue-as-new). */
  startedAt?: string;
  /** The interpreter version the run started with (stamped at start, kept across continue-as-new). */
  interpreterVersion?: number;
  resume?: import('./run-state.js').SavedRunState;
  /**
   * The interaction that started the run (slash command or button click), which `discord.reply`
   * answers. Kept out of the trigger payload: the token is a credential (valid 15 minutes), so
   * templates and step logs never see it.
   */
  interaction?: InteractionRef;
}

/** Status of one step in the run's log (docs/execution.md, The step log). */
export type StepStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'skipped';

/** One entry of the compact per-node step log. */
export interface StepLog {
  nodeId: string;
  /** `forEachNodeId#index` path when the step ran inside a loop iteration. */
  iteration?: string;
  status: StepStatus;
  startedAt: string;
  endedAt?: string;
  /** The rendered config, truncated for size. */
  input?: unknown;
  /** A size-bounded summary of the output. */
  output?: unknown;
  /** Which output port was taken. */
  port?: string;
  error?: { code: string; message: string; retryable: boolean };
  /** The node was not executed: its output is pinned test data (simulated runs only). */
  pinned?: boolean;
  /** Set once the step waits (kept after): until when, and for what. */
  wait?: StepWait;
}

/** What a `waiting` step waits for (`flow.delay`, `flow.waitFor`, `flow.collect`). */
export interface StepWait {
  /** When the wait ends at the latest, in real time (after the run's timeScale). */
  until: string;
  /** When it would end at timeScale 1; only on compressed runs. */
  untilUncompressed?: string;
  /** A timer (`delay`), one event or its timeout (`event`), or a collection window (`collect`). */
  for: 'delay' | 'event' | 'collect';
  /** The Discord event awaited or collected: its kind and the message it must concern. */
  event?: WaitedEvent;
}

/** A Discord event a step waits for or collects. */
export interface WaitedEvent {
  type: 'button' | 'reaction' | 'reply';
  messageId: string;
  customId?: string;
  emoji?: string;
  /** Only from this user. */
  userId?: string;
}

/** The result of a finished run. */
export interface GraphRunResult {
  status: 'completed' | 'stopped';
  steps: StepLog[];
  /** Steps dropped from the log to keep it small. */
  droppedSteps: number;
}

/**
 * The graph workflow's signature. Control nodes that start child runs (`flow.runGraph`) get the
 * workflow function through their context, typed by this, rather than importing the module
 * that runs them.
 */
export type GraphWorkflow = (
  input: GraphRunInput & { continueAsNewAfterEvents?: number },
) => Promise<GraphRunResult>;

// One action contract for the interpreter and every executor: the catalog's.
export type {
  ActionContext,
  ActionInput,
  InteractionRef,
} from '../core/catalog/action-contract.js';

/** Signal carrying an event that a `flow.waitFor` node waits for (sent by the trigger router). */
export const WAIT_EVENT_SIGNAL = 'waitEvent';
export interface WaitEvent {
  waitId: string;
  /** `roles`: the member's role ids, sent by routers since `flow.waitFor` has `roleId`. */
  user?: { id: string; username?: string; mention?: string; roles?: string[] };
  customId?: string;
  emoji?: string;
  content?: string;
}

/** Query returning the step log of a running (or closed) run. */
export const STEPS_QUERY = 'steps';

/** A wait the trigger router must route to this run (stored by the engine, not the workflow). */
export interface WaitRegistration {
  waitId: string;
  workflowId: string;
  guildId: string;
  event: 'button' | 'reaction' | 'reply';
  messageId: string;
  customId?: string;
  userId?: string;
  /** Only a member with this role satisfies the wait (absent: anyone, or `userId`). */
  roleId?: string;
  expiresAt: string;
  /**
   * Interpreter v4: the wait lasts this long from when the activity runs, which answers the
   * resulting `expiresAt` (the workflow's clock lags local activities within a workflow task,
   * so its own `expiresAt` would come early).
   */
  durationMs?: number;
}

/** A collection window: clicks/reactions on the message are stored as entries meanwhile. */
export interface CollectWindow {
  collectId: string;
  workflowId: string;
  guildId: string;
  messageId: string;
  customId?: string;
  emoji?: string;
  /** Only members with this role are entered (absent: everyone). */
  roleId?: string;
  closesAt: string;
  /** Interpreter v4: the window lasts this long from when the activity runs (see WaitRegistration). */
  durationMs?: number;
}

/** What `engine.readCollected` answers: the entries of a window (see `flow.collect`). */
export interface CollectedEntries {
  /** `roles` when they entered; `entries` with `bonusEntries` (1 plus their bonus). */
  users: { id: string; username: string; mention: string; roles?: string[]; entries?: number }[];
  count: number;
  /** With `bonusEntries`: each user as many times as they have entries. */
  tickets?: { id: string; username: string; mention: string }[];
}

/**
 * Activities the engine itself provides to the interpreter (not node types: those are named by
 * their type id). Implemented by the engine's storage layer and registered by the worker. A type
 * literal, not an interface, so it fits the workers' `Record<string, activity>` registries.
 */
export type EngineActivities = {
  /** Answers when the wait expires (v4; older runs recorded nothing). */
  'engine.registerWait'(wait: WaitRegistration): Promise<{ expiresAt: string } | void>;
  'engine.clearWait'(input: { waitId: string }): Promise<void>;
  /** Answers when the window closes (v4; older runs recorded nothing). */
  'engine.openCollect'(window: CollectWindow): Promise<{ closesAt: string } | void>;
  /**
   * `close`: the window ends now (ended early: later clicks are not entered); `bonusEntries`:
   * answer `tickets` too. Both only from graphs that use them (older runs send `{ collectId }`).
   */
  'engine.readCollected'(input: {
    collectId: string;
    close?: boolean;
    bonusEntries?: { roleId: string; extraEntries: number }[];
  }): Promise<CollectedEntries>;
  'engine.loadGraph'(input: { guildId: string; graphId: string }): Promise<GraphSnapshot>;
};

/** The search attributes every run carries (registered on the namespace by the stack). */
export const SEARCH_ATTRIBUTE_KEYS = {
  GuildId: defineSearchAttributeKey('GuildId', SearchAttributeType.KEYWORD),
  GraphId: defineSearchAttributeKey('GraphId', SearchAttributeType.KEYWORD),
  GraphVersion: defineSearchAttributeKey('GraphVersion', SearchAttributeType.INT),
  TriggerType: defineSearchAttributeKey('TriggerType', SearchAttributeType.KEYWORD),
} as const;

/**
 * The search attributes of a run of `graph` started by `triggerType`, set when the run starts
 * (by the service, the router, or a parent run for `flow.runGraph`).
 */
export function runSearchAttributes(
  graph: GraphSnapshot,
  triggerType: string,
): SearchAttributePair[] {
  return [
    { key: SEARCH_ATTRIBUTE_KEYS.GuildId, value: graph.guildId },
    { key: SEARCH_ATTRIBUTE_KEYS.GraphId, value: graph.graphId },
    { key: SEARCH_ATTRIBUTE_KEYS.GraphVersion, value: graph.version },
    { key: SEARCH_ATTRIBUTE_KEYS.TriggerType, value: triggerType },
  ];
}

/**
 * The Temporal priority of a run of `graph`: its guild is the fairness key, so a task queue with
 * a backlog (the Discord queue above all) serves guilds round-robin instead of first come,
 * first served. Activities, child runs and continued runs inherit it.
 */
export function runPriority(graph: GraphSnapshot): Priority {
  return { fairnessKey: graph.guildId };
}
