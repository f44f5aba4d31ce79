import { DISCORD_NODES } from '@guildflow/engine/core';
import type { ActionInput } from '@guildflow/engine/interpreter';
import { describe, expect, it } from 'vitest';
import { createDiscordRest } from '../rest/create-rest.js';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import { createDiscordExecutors, DISCORD_EXECUTORS } from './create-executors.js';

const { channels } = SANDBOX_IDS;

/** The interpreter's input: its context has no `attempt` (the activity knows it). */
function input(config: Record<string, unknown>, simulate: boolean): ActionInput {
  const { attempt: _attempt, ...context } = actionContext({ simulate });
  return { config, context };
}

describe('createDiscordExecutors', () => {
  const h = useHarness();

  it('has one activity per discord.* node type of the catalog, named by the type id', () => {
    const activities = createDiscordExecutors(h.deps);
    const types = DISCORD_NODES.map((d) => d.type).sort();
    expect(Object.keys(activities).sort()).toEqual(types);
    expect(Object.keys(DISCORD_EXECUTORS).sort()).toEqual(types);
    expect(types).toHaveLength(13);
  });

  it('runs an ActionInput from the interpreter, checking the rendered config first', async () => {
    const activities = createDiscordExecutors(h.deps);
    const out = await inActivity(() =>
      activities['discord.sendMessage'](
        input({ channelId: channels.general, content: 'Hi' }, false),
      ),
    );
    expect(out).toEqual({ messageId: expect.any(String), channelId: channels.general });
    const failure = await failureOf(
      inActivity(() =>
        activities['discord.sendMessage'](
          input({ channelId: '{{ vars.missing }}', content: 'Hi' }, false),
        ),
      ),
    );
    expect(failure.type).toBe('InvalidConfig');
    expect(failure.message).toContain(
      'channelId is still an expression ({{ vars.missing }}) after rendering',
    );
  });

  it('routes simulated runs to the simulation connection', async () => {
    const nowhere = createDiscordRest({ token: 'x', apiUrl: 'http://127.0.0.1:9/api' });
    const activities = createDiscordExecutors({
      rest: nowhere,
      applicationId: '1',
      simulation: h.deps,
    });
    await inActivity(() =>
      activities['discord.sendMessage'](
        input({ channelId: channels.general, content: 'test run' }, true),
      ),
    );
    expect(h.sandbox.messages({ channelId: channels.general }).map((m) => m.content)).toEqual([
      'test run',
    ]);
  });

  it('refuses a simulated run when the only connection is real Discord (no request made)', async () => {
    const activities = createDiscordExecutors({
      rest: createDiscordRest({ token: 'MTIz.x.y' }),
      applicationId: '123',
    });
    const failure = await failureOf(
      inActivity(() => activities['discord.addRole'](input({ userId: '1', roleId: '2' }, true))),
    );
    expect(failure).toMatchObject({ type: 'NotConfigured', nonRetryable: true });
  });

  it('passes the attempt number of the activity to the executor (retries reuse created channels)', async () => {
    const activities = createDiscordExecutors(h.deps);
    const config = { name: 'ticket-registry' };
    const scheduledTimestampMs = Date.now();
    const first = await inActivity(() => activities['discord.createChannel'](input(config, true)), {
      scheduledTimestampMs,
    });
    const again = await inActivity(() => activities['discord.createChannel'](input(config, true)), {
      attempt: 3,
      scheduledTimestampMs,
    });
    expect(again).toEqual(first);
    expect(h.sandbox.actions({ type: 'channel.create' })).toHaveLength(1);
  });
});
