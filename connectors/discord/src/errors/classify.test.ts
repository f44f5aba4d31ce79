import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendMessageExecutor } from '../executors/messages.js';
import { kickMemberExecutor } from '../executors/members.js';
import type { ExecutorDeps } from '../executors/define.js';
import { channelGuildsOf } from '../guard/channel-guilds.js';
import { createDiscordRest } from '../rest/create-rest.js';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  startHarness,
  type Harness,
} from '../testing/harness.js';

const { channels, users, guild } = SANDBOX_IDS;
const MESSAGES = '/channels/:id/messages';

describe('Discord errors become Temporal failures (real REST client, sandbox faults)', () => {
  let h: Harness;
  let deps: ExecutorDeps;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());
  beforeEach(() => {
    h.sandbox.reset();
    // A fresh client per test (no rate-limit state), knowing the seeded channels' server, so
    // each test sees exactly the requests of the action itself.
    deps = h.freshDeps();
    for (const id of Object.values(channels)) channelGuildsOf(deps.rest).remember(id, guild);
  });

  const send = (channelId: string = channels.general) =>
    inActivity(() =>
      sendMessageExecutor(deps)({
        config: { channelId, content: 'Hello' },
        context: actionContext(),
      }),
    );

  it("429 with Retry-After: retryable RateLimited, nextRetryDelay = Discord's retry_after, one request", async () => {
    h.sandbox.faults.add({ method: 'POST', path: MESSAGES, kind: 'rateLimit', retryAfter: 2.5 });
    const started = Date.now();
    const failure = await failureOf(send());
    expect(Date.now() - started).toBeLessThan(1000); // thrown, not slept on
    expect(failure).toMatchObject({
      type: 'RateLimited',
      nonRetryable: false,
      nextRetryDelay: 2500,
    });
    expect(failure.message).toContain('retrying in 2.50 s');
    expect(h.sandbox.requests()).toHaveLength(1);
    expect(h.sandbox.messages()).toEqual([]);
  });

  it('a global 429 is classified the same way', async () => {
    h.sandbox.faults.add({ path: MESSAGES, kind: 'rateLimit', retryAfter: 1, scope: 'global' });
    const failure = await failureOf(send());
    expect(failure).toMatchObject({
      type: 'RateLimited',
      nonRetryable: false,
      nextRetryDelay: 1000,
    });
    expect(failure.message).toContain('(global)');
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('a bucket discord.js knows is empty rejects without a request, with the time left', async () => {
    h.sandbox.faults.add({ path: MESSAGES, kind: 'rateLimit', retryAfter: 3 });
    await failureOf(send());
    const failure = await failureOf(send());
    expect(failure.type).toBe('RateLimited');
    expect(Number(failure.nextRetryDelay)).toBeGreaterThan(2000);
    expect(Number(failure.nextRetryDelay)).toBeLessThanOrEqual(3000);
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('a 403 fault is non-retryable MissingPermissions after exactly one request', async () => {
    h.sandbox.faults.add({ path: MESSAGES, kind: 'forbidden' });
    const failure = await failureOf(send());
    expect(failure).toMatchObject({ type: 'MissingPermissions', nonRetryable: true });
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('posting in #announcements (the bot may not) is MissingPermissions saying what to do', async () => {
    const failure = await failureOf(send(channels.announcements));
    expect(failure).toMatchObject({ type: 'MissingPermissions', nonRetryable: true });
    expect(failure.message).toBe(
      `Guildflow's bot lacks permission to post in channel ${channels.announcements}: give it View Channel and Send Messages in that channel (and Embed Links for embeds).`,
    );
    expect(failure.details).toEqual([
      expect.objectContaining({ status: 403, code: 50013, method: 'POST' }),
    ]);
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('an unknown channel is non-retryable UnknownResource', async () => {
    const failure = await failureOf(send('1300000000000000199'));
    expect(failure).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(failure.message).toBe(
      "Could not use channel 1300000000000000199: the channel does not exist (or Guildflow's bot cannot see it): check the channel id.",
    );
    expect(h.sandbox.requests()).toHaveLength(1);
  });

  it('a 500 is retryable, and discord.js does not retry it itself (one request per attempt)', async () => {
    h.sandbox.faults.add({ path: MESSAGES, kind: 'serverError', status: 502 });
    const failure = await failureOf(send());
    expect(failure).toMatchObject({ type: 'HttpServerError', nonRetryable: false });
    expect(failure.message).toContain('Discord answered 502');
    expect(h.sandbox.requests()).toHaveLength(1);
    // The next attempt goes through and posts once.
    await expect(send()).resolves.toMatchObject({ channelId: channels.general });
    expect(h.sandbox.messages()).toHaveLength(1);
  });

  it('a request timeout is retryable', async () => {
    const slow: ExecutorDeps = {
      rest: createDiscordRest({ token: h.sandbox.token, apiUrl: h.sandbox.apiUrl, timeoutMs: 100 }),
      applicationId: h.sandbox.applicationId,
    };
    channelGuildsOf(slow.rest).remember(channels.general, guild);
    h.sandbox.faults.add({ path: MESSAGES, kind: 'delay', delayMs: 500 });
    const failure = await failureOf(
      inActivity(() =>
        sendMessageExecutor(slow)({
          config: { channelId: channels.general, content: 'Hello' },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'HttpServerError', nonRetryable: false });
    expect(failure.message).toContain('could not be reached');
    expect(failure.message).toContain('timed out');
  });

  it('an unreachable Discord is retryable', async () => {
    const down: ExecutorDeps = {
      rest: createDiscordRest({ token: 'x', apiUrl: 'http://127.0.0.1:9/api' }),
      applicationId: '1',
    };
    const failure = await failureOf(
      inActivity(() =>
        kickMemberExecutor(down)({ config: { userId: users.frank }, context: actionContext() }),
      ),
    );
    expect(failure).toMatchObject({ type: 'HttpServerError', nonRetryable: false });
    expect(failure.message).toContain('ECONNREFUSED');
  });

  it('Discord refusing the body (50035) is non-retryable InvalidRequest with its reasons', async () => {
    const failure = await failureOf(
      inActivity(() =>
        sendMessageExecutor(deps)({
          // Passes the catalog's checks (its URLs may be 2,048 characters long), but Discord caps
          // a button's URL at 512 characters: refused by Discord, not retried.
          config: {
            channelId: channels.general,
            content: 'x',
            buttons: [
              { label: 'go', style: 'link', url: `https://example.com/${'a'.repeat(600)}` },
            ],
          },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidRequest', nonRetryable: true });
    expect(failure.message).toContain('Discord refused to post in channel');
    expect(failure.message).toContain('Must be 512 or fewer in length');
    expect(h.sandbox.requests()).toHaveLength(1);
  });
});
