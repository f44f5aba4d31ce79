import { describe, expect, it } from 'vitest';
import {
  DISCORD_GLOBAL_REQUESTS_PER_SECOND,
  DISCORD_TASK_QUEUE,
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
