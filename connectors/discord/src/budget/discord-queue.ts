import type { WorkflowService } from '@temporalio/client';
import { discordTaskQueue, TASK_QUEUE } from '@guildflow/engine/interpreter';

/**
 * The activity task queue of every live `discord.*` action of runs on the `guildflow` queue (the
 * interpreter names it: `discordTaskQueue`). Only workers configured with
 * {@link discordWorkerOptions} poll it, so the server-side rate limit below covers every Discord
 * call of every worker process.
 */
export const DISCORD_TASK_QUEUE = discordTaskQueue(TASK_QUEUE);

/** Discord's global limit: requests per second per bot, across all processes. */
export const DISCORD_GLOBAL_REQUESTS_PER_SECOND = 50;

/**
 * Discord activities the Temporal server hands out per second on {@link DISCORD_TASK_QUEUE}, for
 * all workers together (`maxTaskQueueActivitiesPerSecond` is enforced by the server, per task
 * queue). Below the global 50 because an activity can make more than one request (a DM opens
 * the DM channel first; archive reads the channel; a ticket thread adds its members; the first
 * use of a channel checks its server) and the gateway process spends a little of the same budget.
 *
 * @example
 * DISCORD_ACTIVITIES_PER_SECOND; // 40
 */
export const DISCORD_ACTIVITIES_PER_SECOND = 40;

/**
 * Discord activities per second one guild may use on {@link DISCORD_TASK_QUEUE}: half the
 * queue's budget. Runs carry their guild as Temporal's fairness key, so the server hands out
 * the Discord queue's tasks round-robin over guilds, and caps each guild at this rate: a guild
 * that starts 1,000 actions cannot delay another guild's action, nor take the whole budget.
 *
 * @example
 * DISCORD_GUILD_ACTIVITIES_PER_SECOND; // 20
 */
export const DISCORD_GUILD_ACTIVITIES_PER_SECOND = 20;

/**
 * Discord activities one worker process runs at once. Requests take ~50–300 ms, so a few dozen
 * keep the queue's 40/s flowing without piling up attempts that would time out.
 *
 * @example
 * DISCORD_MAX_CONCURRENT_ACTIVITIES; // 50
 */
export const DISCORD_MAX_CONCURRENT_ACTIVITIES = 50;

/**
 * Worker options of a Discord activity worker (spread into `Worker.create`, with `connection`
 * and `activities`): the Discord task queue, the queue-wide rate limit and the per-process
 * concurrency. Plain values, assignable to `@temporalio/worker`'s `WorkerOptions`.
 *
 * The layers of the budget: (1) the server-side queue rate keeps all workers together under the
 * global limit; (2) inside each process discord.js's own limiter (50/s) and route buckets reject
 * (never sleep) and the executor retries after the `retry_after` Discord or discord.js reported;
 * (3) any 429 Discord still sends becomes a retry after exactly its `retry_after`.
 *
 * @example
 * const worker = await Worker.create({
 *   connection,
 *   namespace: 'default',
 *   activities: createDiscordExecutors(discordConnectionsFromEnv()),
 *   ...discordWorkerOptions(),
 * });
 */
export function discordWorkerOptions(
  overrides: { activitiesPerSecond?: number; maxConcurrentActivities?: number } = {},
): {
  taskQueue: string;
  maxTaskQueueActivitiesPerSecond: number;
  maxConcurrentActivityTaskExecutions: number;
} {
  return {
    taskQueue: DISCORD_TASK_QUEUE,
    maxTaskQueueActivitiesPerSecond: overrides.activitiesPerSecond ?? DISCORD_ACTIVITIES_PER_SECOND,
    maxConcurrentActivityTaskExecutions:
      overrides.maxConcurrentActivities ?? DISCORD_MAX_CONCURRENT_ACTIVITIES,
  };
}

/** `temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY`. */
const ACTIVITY_TASK_QUEUE = 2;

/**
 * Sets the per-guild share of the Discord queue on the Temporal server (`UpdateTaskQueueConfig`:
 * each fairness key — a run's guild id — at most `perGuildActivitiesPerSecond`, default
 * {@link DISCORD_GUILD_ACTIVITIES_PER_SECOND}). Idempotent: every Discord worker sets it at start,
 * so every deployment gets it whatever Temporal it talks to. The server applies it only with
 * fairness enabled (dynamic config `matching.enableFairness`, see docs/operations.md); the
 * queue-wide rate of {@link discordWorkerOptions} holds either way.
 */
export async function configureDiscordQueue(
  workflowService: Pick<WorkflowService, 'updateTaskQueueConfig'>,
  options: { namespace?: string; taskQueue?: string; perGuildActivitiesPerSecond?: number } = {},
): Promise<void> {
  const perGuild = options.perGuildActivitiesPerSecond ?? DISCORD_GUILD_ACTIVITIES_PER_SECOND;
  await workflowService.updateTaskQueueConfig({
    namespace: options.namespace ?? 'default',
    identity: 'guildflow-discord-worker',
    taskQueue: options.taskQueue ?? DISCORD_TASK_QUEUE,
    taskQueueType: ACTIVITY_TASK_QUEUE,
    updateFairnessKeyRateLimitDefault: {
      rateLimit: { requestsPerSecond: perGuild },
      reason: `Guildflow: each guild gets at most ${perGuild} Discord actions/s`,
    },
  });
}
