/**
 * The activity task queue of every `discord.*` action. The interpreter schedules Discord
 * activities here (not on the general `guildflow` queue), and only workers configured with
 * {@link discordWorkerOptions} poll it, so the server-side rate limit below covers every Discord
 * call of every worker process.
 *
 * @example
 * wf.proxyActivities({ taskQueue: DISCORD_TASK_QUEUE, startToCloseTimeout: '30s' });
 */
export const DISCORD_TASK_QUEUE = 'guildflow-discord';

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
