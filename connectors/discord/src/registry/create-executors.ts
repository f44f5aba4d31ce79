import { ApplicationFailure, asyncLocalStorage } from '@temporalio/activity';
import {
  ERROR_TYPES,
  type ActionActivities,
  type ActionActivity,
  type ActionContext,
  type ActionInput,
} from '@guildflow/engine/core';
import { archiveChannelExecutor, createChannelExecutor } from '../executors/channels.js';
import type { DiscordNodeType, ExecutorDeps, ExecutorFactory } from '../executors/define.js';
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
import { readMessagesExecutor } from '../executors/read-messages.js';
import { replyExecutor } from '../executors/reply.js';
import { BudgetWaitExceeded, type DiscordBudget } from '../budget/discord-budget.js';
import type { DiscordConnection } from '../rest/connections.js';
import { isRealDiscord } from '../rest/create-rest.js';

/** Every Discord executor factory by node type id (all thirteen `discord.*` actions). */
export const DISCORD_EXECUTORS: { readonly [K in DiscordNodeType]: ExecutorFactory<K> } =
  Object.freeze({
    'discord.sendMessage': sendMessageExecutor,
    'discord.editMessage': editMessageExecutor,
    'discord.deleteMessage': deleteMessageExecutor,
    'discord.readMessages': readMessagesExecutor,
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

/** The activities the worker registers: node type id → `(input: ActionInput) => output`. */
export type DiscordActivities = Pick<ActionActivities, DiscordNodeType>;

/**
 * Options of {@link createDiscordExecutors}: the live connection and, optionally, the sandbox
 * connection for `simulate: true` runs (see `discordConnectionsFromEnv`).
 */
export interface DiscordExecutorsOptions extends DiscordConnection {
  simulation?: DiscordConnection | undefined;
  /**
   * The in-process Discord budget every live call waits its turn in (Discord actions run as
   * local activities from interpreter v4). Simulated runs call the sandbox, not Discord, and
   * never wait in it.
   */
  budget?: DiscordBudget | undefined;
}

/**
 * The thirteen Discord activities, for `workers/src/activities.ts` to register. Each takes the
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
  const live: ExecutorDeps = { rest: options.rest, applicationId: options.applicationId };
  const liveIsReal = isRealDiscord(options.rest);
  const bind = <K extends DiscordNodeType>(type: K): ActionActivity<K> => {
    const factory: ExecutorFactory<K> = DISCORD_EXECUTORS[type];
    const onLive = factory(live);
    const onSandbox = options.simulation ? factory(options.simulation) : undefined;
    return async (input) => {
      const simulate = input.context.simulate === true;
      const run = simulate ? (onSandbox ?? (liveIsReal ? undefined : onLive)) : onLive;
      if (!run)
        throw ApplicationFailure.create({
          type: ERROR_TYPES.notConfigured,
          message:
            'This is a test run (simulate), but this worker has no Discord sandbox configured (GUILDFLOW_SANDBOX_URL) and test runs never touch a real server.',
          nonRetryable: true,
        });
      if (!simulate && options.budget) await takeTurn(options.budget, input.context.guildId);
      return run({ config: input.config, context: contextOf(input) });
    };
  };
  return {
    'discord.sendMessage': bind('discord.sendMessage'),
    'discord.editMessage': bind('discord.editMessage'),
    'discord.deleteMessage': bind('discord.deleteMessage'),
    'discord.readMessages': bind('discord.readMessages'),
    'discord.reply': bind('discord.reply'),
    'discord.addRole': bind('discord.addRole'),
    'discord.removeRole': bind('discord.removeRole'),
    'discord.timeoutMember': bind('discord.timeoutMember'),
    'discord.kickMember': bind('discord.kickMember'),
    'discord.banMember': bind('discord.banMember'),
    'discord.createChannel': bind('discord.createChannel'),
    'discord.archiveChannel': bind('discord.archiveChannel'),
    'discord.addReaction': bind('discord.addReaction'),
  };
}

/**
 * Waits for the guild's turn in the budget; past the budget's longest wait, fails the attempt as
 * `RateLimited` with the delay after which Temporal retries it.
 */
async function takeTurn(budget: DiscordBudget, guildId: string): Promise<void> {
  try {
    await budget.acquire(guildId);
  } catch (error) {
    if (!(error instanceof BudgetWaitExceeded)) throw error;
    throw ApplicationFailure.create({
      type: ERROR_TYPES.rateLimited,
      message: `Guildflow's Discord budget for this server is used up for now (Discord's rate limits); retrying in ${Math.ceil(error.retryAfterMs / 1000)} s.`,
      nonRetryable: false,
      nextRetryDelay: error.retryAfterMs,
      details: [{ retryAfterMs: error.retryAfterMs, scope: 'guildflow-budget' }],
    });
  }
}

/** The interpreter's context plus the attempt number (from the activity). */
function contextOf(input: ActionInput): ActionContext {
  const context = input.context;
  return {
    ...context,
    attempt: asyncLocalStorage.getStore()?.info.attempt ?? context.attempt ?? 1,
  };
}
