import { asyncLocalStorage } from '@temporalio/activity';
import {
  DISCORD_NODES,
  type ActionContext,
  type ActionTypeId,
  type NodeTypeMap,
  type OutputOf,
} from '@guildflow/engine/core';
import type { REST } from 'discord.js';
import {
  defineExecutor as defineEngineExecutor,
  type ExecutorFactory as EngineExecutorFactory,
  type ExecutorInput,
} from '@guildflow/engine/service';
import { DISCORD_CONFIG_RULES } from '../validation/rendered-config.js';

/**
 * The type ids of the Discord action nodes (the actions among the catalog's Discord declarations).
 */
export type DiscordNodeType = Extract<ActionTypeId, (typeof DISCORD_NODES)[number]['type']>;

/** What every executor talks to: the REST client and the application id (interaction webhooks). */
export interface ExecutorDeps {
  rest: REST;
  applicationId: string;
}

/**
 * A Discord executor before its dependencies are bound.
 *
 * @example
 * const make: ExecutorFactory<'discord.addRole'> = addRoleExecutor;
 * const addRole = make({ rest, applicationId });
 */
export type ExecutorFactory<K extends DiscordNodeType> = EngineExecutorFactory<K, ExecutorDeps>;

/**
 * Declares a Discord executor (the engine's `defineExecutor` with Discord's rendered-config
 * rules): the returned factory binds the dependencies, and every call first checks the rendered
 * config (a non-retryable `InvalidConfig` failure, before any request) and then runs `run`.
 *
 * @example
 * export const addRoleExecutor = defineExecutor('discord.addRole', async ({ config, context }, { rest }) => {
 *   await rest.put(Routes.guildMemberRole(context.guildId, config.userId, config.roleId));
 *   return {};
 * });
 */
export function defineExecutor<K extends DiscordNodeType>(
  type: K,
  run: (input: ExecutorInput<K>, deps: ExecutorDeps) => Promise<OutputOf<NodeTypeMap[K]>>,
): ExecutorFactory<K> {
  return defineEngineExecutor(type, run, DISCORD_CONFIG_RULES);
}

/**
 * The audit-log reason of a moderation or channel action: the node's `reason`, or one naming the
 * graph, version, run and node (Discord caps reasons at 512 characters).
 *
 * @example
 * auditReason(undefined, context); // 'Guildflow: graph g1 v3, run run-9, node kick'
 */
export function auditReason(reason: string | undefined, context: ActionContext): string {
  const text = reason?.trim()
    ? reason.trim()
    : `Guildflow: graph ${context.graphId} v${context.version}, run ${context.runId}, node ${context.nodeId}`;
  return text.slice(0, 512);
}

/**
 * What the running activity attempt knows (from Temporal's activity context, with safe fallbacks
 * outside one): the attempt number, when the step was first scheduled (the same for every
 * attempt; `now` when unknown or implausible) and the cancellation signal to abort requests with.
 */
export function attemptInfo(context: ActionContext): {
  attempt: number;
  scheduledAtMs: number;
  signal: AbortSignal | undefined;
} {
  const activity = asyncLocalStorage.getStore();
  const now = Date.now();
  const scheduled = activity?.info.scheduledTimestampMs;
  const plausible = scheduled !== undefined && scheduled <= now && now - scheduled < 3_600_000;
  return {
    attempt: activity?.info.attempt ?? context.attempt ?? 1,
    scheduledAtMs: plausible ? scheduled : now,
    signal: activity?.cancellationSignal,
  };
}
