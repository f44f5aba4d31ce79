/** What an action's executor receives and returns, typed from its declaration. */
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { NodeDeclaration } from './define-node.js';

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
 * What an action's executor knows about the step it runs.
 *
 * @example
 * const key = `${context.idempotencyKey}`; // stable across retries of this step
 */
export interface ActionContext {
  runId: string;
  graphId: string;
  guildId: string;
  /** The published graph version the run executes. */
  version: number;
  nodeId: string;
  /** 1 for the first attempt (from the activity info). */
  attempt: number;
  /** Running against the sandbox guild. */
  simulate: boolean;
  /**
   * Stable across retries of one step: `${runId}:${nodeId}`, plus the `flow.forEach`
   * iteration path inside a loop. Passed in by the interpreter.
   */
  idempotencyKey: string;
}

/**
 * The executor of an action node type (implemented by a connector, registered by the worker as
 * the activity named by the type id).
 *
 * @example
 * const addRole: ActionExecutor<typeof addRoleNode> = async ({ config, context }) => {
 *   await rest.addRole(context.guildId, config.userId, config.roleId, config.reason);
 *   return {};
 * };
 */
export type ActionExecutor<D> = (input: {
  config: ConfigOf<D>;
  context: ActionContext;
}) => Promise<OutputOf<D>>;
