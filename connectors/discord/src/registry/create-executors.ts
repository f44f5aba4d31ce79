import { ApplicationFailure, asyncLocalStorage } from '@temporalio/activity';
import {
  ERROR_TYPES,
  type ActionExecutor,
  type NodeTypeMap,
  type OutputOf,
} from '@guildflow/engine/core';
import type { ActionInput } from '@guildflow/engine/interpreter';
import { archiveChannelExecutor, createChannelExecutor } from '../executors/channels.js';
import type {
  DiscordActionContext,
  DiscordNodeType,
  ExecutorDeps,
  ExecutorFactory,
  InteractionRef,
} from '../executors/define.js';
import {
  addRoleExecutor,
  banMemberExecutor,
  kickMemberExecutor,
  removeRoleExecutor,
  timeoutMemberExecutor,
} from '../executors/members.js';
import {
  addReactionExecutor,
  deleteMessageExecutor,
  editMessageExecutor,
  sendMessageExecutor,
} from '../executors/messages.js';
import { replyExecutor } from '../executors/reply.js';
import type { DiscordConnection } from '../rest/connections.js';
import { isRealDiscord } from '../rest/create-rest.js';

/**
 * Every Discord executor factory by node type id (all twelve `discord.*` actions).
 *
 * @example
 * const send = DISCORD_EXECUTORS['discord.sendMessage']({ rest, applicationId });
 */
export const DISCORD_EXECUTORS: { readonly [K in DiscordNodeType]: ExecutorFactory<K> } =
  Object.freeze({
    'discord.sendMessage': sendMessageExecutor,
    'discord.editMessage': editMessageExecutor,
    'discord.deleteMessage': deleteMessageExecutor,
    'discord.reply': replyExecutor,
    'discord.addRole': addRoleExecutor,
    'discord.removeRole': removeRoleExecutor,
    'discord.timeoutMember': timeoutMemberExecutor,
    'discord.kickMember': kickMemberExecutor,
    'discord.banMember': banMemberExecutor,
    'discord.createChannel': createChannelExecutor,
    'discord.archiveChannel': archiveChannelExecutor,
    'discord.addReaction': addReactionExecutor,
  });

/**
 * The activities the worker registers: node type id → `(input: ActionInput) => output`.
 *
 * @example
 * const activities: DiscordActivities = createDiscordExecutors({ rest, applicationId });
 */
export type DiscordActivities = {
  [K in DiscordNodeType]: (input: ActionInput) => Promise<OutputOf<NodeTypeMap[K]>>;
};

/**
 * Options of {@link createDiscordExecutors}: the live connection and, optionally, the sandbox
 * connection for `simulate: true` runs (see `discordConnectionsFromEnv`).
 *
 * @example
 * const options: DiscordExecutorsOptions = { rest, applicationId, simulation: sandboxConnection };
 */
export interface DiscordExecutorsOptions extends DiscordConnection {
  simulation?: DiscordConnection | undefined;
}

/**
 * The twelve Discord activities, for `workers/src/activities.ts` to register. Each takes the
 * interpreter's `ActionInput` (`{ config, context }`; `context.interaction` carries the
 * triggering interaction for `discord.reply`), checks the rendered config, runs against the live
 * connection — or, for `simulate: true`, the `simulation` connection — and throws classified
 * `ApplicationFailure`s (see `classifyDiscordError`). A simulated run is refused (non-retryable
 * `NotConfigured`) when the only connection is real Discord: test runs never touch a real server.
 *
 * @example
 * const activities = { ...createDiscordExecutors(discordConnectionsFromEnv()), ...engineActivities };
 * await Worker.create({ ...discordWorkerOptions(), activities, connection });
 */
export function createDiscordExecutors(options: DiscordExecutorsOptions): DiscordActivities {
  const live = bindAll({ rest: options.rest, applicationId: options.applicationId });
  const simulated = options.simulation ? bindAll(options.simulation) : undefined;
  const liveIsReal = isRealDiscord(options.rest);
  const activities: Partial<Record<DiscordNodeType, (input: ActionInput) => Promise<unknown>>> = {};
  for (const type of Object.keys(DISCORD_EXECUTORS) as DiscordNodeType[]) {
    activities[type] = async (input: ActionInput) => {
      const simulate = input.context.simulate === true;
      const set = simulate ? (simulated ?? (liveIsReal ? undefined : live)) : live;
      if (!set)
        throw ApplicationFailure.create({
          type: ERROR_TYPES.notConfigured,
          message:
            'This is a test run (simulate), but this worker has no Discord sandbox configured (GUILDFLOW_SANDBOX_URL) and test runs never touch a real server.',
          nonRetryable: true,
        });
      const executor = set[type] as ActionExecutor<unknown>;
      return executor({ config: input.config as never, context: contextOf(input) });
    };
  }
  return activities as DiscordActivities;
}

type BoundExecutors = { [K in DiscordNodeType]: ActionExecutor<NodeTypeMap[K]> };

function bindAll(deps: ExecutorDeps): BoundExecutors {
  const bound: Partial<Record<DiscordNodeType, unknown>> = {};
  for (const [type, factory] of Object.entries(DISCORD_EXECUTORS))
    bound[type as DiscordNodeType] = (factory as ExecutorFactory<DiscordNodeType>)(deps);
  return bound as BoundExecutors;
}

/** The interpreter's context plus the attempt number (from the activity) and the interaction. */
function contextOf(input: ActionInput): DiscordActionContext {
  const context = input.context as ActionInput['context'] & {
    interaction?: InteractionRef;
    attempt?: number;
  };
  return {
    ...context,
    attempt: asyncLocalStorage.getStore()?.info.attempt ?? context.attempt ?? 1,
  };
}
