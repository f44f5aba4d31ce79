/** What an action's executor receives and returns, typed from its declaration. */
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { NodeDeclaration } from './define-node.js';
import type { ActionTypeId, NodeTypeMap } from './registry.js';

/**
 * The config type of a declaration, as its executor receives it (expressions resolved).
 *
 * @example
 * type SendMessageConfig = ConfigOf<typeof sendMessage>; // { channelId?: string; content?: string; … }
 */
export type ConfigOf<D> = D extends NodeDeclaration<string, infer C, TSchema> ? Static<C> : never;

/**
 * The output type of a declaration (`nodes.<id>`; for triggers the payload).
 *
 * @example
 * type Sent = OutputOf<typeof sendMessage>; // { messageId: string; channelId: string }
 */
export type OutputOf<D> = D extends NodeDeclaration<string, TObject, infer O> ? Static<O> : never;

/**
 * An interaction a run answers through its webhook (`discord.reply`): the slash command or
 * button click that started the run. Never part of the trigger payload — the token is a
 * credential (valid 15 minutes), kept out of templates and step logs.
 */
export interface InteractionRef {
  id: string;
  token: string;
}

/**
 * What an action's executor knows about the step it runs (the interpreter builds it; the
 * worker adds the attempt number from the activity info).
 *
 * @example
 * const key = `${context.idempotencyKey}`; // stable across retries of this step
 */
export interface ActionContext {
  runId: string;
  graphId: string;
  guildId: string;
  /** The published graph version the run executes (0 for a draft). */
  version: number;
  nodeId: string;
  /** 1 for the first attempt; absent until the worker sets it from the activity info. */
  attempt?: number;
  /** Running against the sandbox guild. */
  simulate: boolean;
  /**
   * Stable across retries of one step: `${runId}:${nodeId}`, plus the `flow.forEach`
   * iteration path inside a loop. Passed in by the interpreter.
   */
  idempotencyKey: string;
  /** The interaction that started the run, for `discord.reply` (absent for other runs). */
  interaction?: InteractionRef | undefined;
}

/** The argument of every action activity (the rendered config, unchecked); named by the node type. */
export interface ActionInput {
  config: Record<string, unknown>;
  context: ActionContext;
}

/**
 * The executor of an action node type, typed from its declaration (implemented by a connector,
 * registered by the worker as the activity named by the type id).
 */
export type ActionExecutor<D> = (input: {
  config: ConfigOf<D>;
  context: ActionContext;
}) => Promise<OutputOf<D>>;

/** One action's activity as the worker registers it: it checks the rendered config itself. */
export type ActionActivity<K extends ActionTypeId> = (
  input: ActionInput,
) => Promise<OutputOf<NodeTypeMap[K]>>;

/**
 * Every action's activity, by type id: a declared action without an executor does not compile.
 * Assembled by the worker from the connectors' maps.
 */
export type ActionActivities = { [K in ActionTypeId]: ActionActivity<K> };
