import { randomUUID } from 'node:crypto';
import { testStack } from '@guildflow/stack/testing';
import { Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import {
  DISCORD_ACTIVITIES_PER_SECOND,
  DISCORD_GLOBAL_REQUESTS_PER_SECOND,
  DISCORD_GUILD_ACTIVITIES_PER_SECOND,
  DISCORD_TASK_QUEUE,
  configureDiscordQueue,
  discordWorkerOptions,
} from './discord-queue.js';

describe('discordWorkerOptions', () => {
  it('polls the Discord queue with a server-side rate below the global limit', () => {
    const options = discordWorkerOptions();
    expect(options.taskQueue).toBe(DISCORD_TASK_QUEUE);
    expect(options.maxTaskQueueActivitiesPerSecond).toBeLessThan(
      DISCORD_GLOBAL_REQUESTS_PER_SECOND,
    );
    expect(discordWorkerOptions({ activitiesPerSecond: 10 }).maxTaskQueueActivitiesPerSecond).toBe(
      10,
    );
  });
});

describe('configureDiscordQueue', () => {
  it("sets each guild's share of the Discord queue on the Temporal server, below the queue's rate", async () => {
    const connection = await Connection.connect({ address: testStack().temporalAddress });
    try {
      const taskQueue = `discord-config-${randomUUID()}`;
      await configureDiscordQueue(connection.workflowService, { taskQueue });
      await configureDiscordQueue(connection.workflowService, { taskQueue }); // idempotent
      const described = await connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: 2, // activity
        reportConfig: true,
      });
      const perGuild = described.config?.fairnessKeysRateLimitDefault?.rateLimit;
      expect(perGuild?.requestsPerSecond).toBe(DISCORD_GUILD_ACTIVITIES_PER_SECOND);
      expect(DISCORD_GUILD_ACTIVITIES_PER_SECOND).toBeLessThan(DISCORD_ACTIVITIES_PER_SECOND);
    } finally {
      await connection.close();
    }
  });
});
