import { DEFAULT_SANDBOX_TOKEN } from '@guildflow/discord-sandbox';
import { describe, expect, it } from 'vitest';
import { discordConnectionsFromEnv } from './connections.js';
import {
  applicationIdFromToken,
  createDiscordRest,
  DISCORD_API_URL,
  isRealDiscord,
} from './create-rest.js';

describe('createDiscordRest', () => {
  it('rejects on rate limits, never retries itself, reports exact retry_after', () => {
    const rest = createDiscordRest({ token: 't', apiUrl: 'http://127.0.0.1:3210/api' });
    expect(rest.options).toMatchObject({
      api: 'http://127.0.0.1:3210/api',
      retries: 0,
      offset: 0,
      timeout: 15_000,
    });
    expect(typeof rest.options.rejectOnRateLimit).toBe('function');
    expect(createDiscordRest({ token: 't' }).options.api).toBe(DISCORD_API_URL);
  });

  it('tells real Discord from a double, and reads the application id out of a token', () => {
    expect(isRealDiscord(createDiscordRest({ token: 't' }))).toBe(true);
    expect(isRealDiscord(createDiscordRest({ token: 't', apiUrl: 'http://127.0.0.1:1/api' }))).toBe(
      false,
    );
    expect(applicationIdFromToken(DEFAULT_SANDBOX_TOKEN)).toBe('1300000000000000001');
    expect(applicationIdFromToken('not-a-token')).toBeUndefined();
  });
});

describe('discordConnectionsFromEnv', () => {
  it('uses the sandbox for everything without DISCORD_TOKEN', () => {
    const c = discordConnectionsFromEnv({ GUILDFLOW_SANDBOX_URL: 'http://127.0.0.1:4000/' });
    expect(c.rest.options.api).toBe('http://127.0.0.1:4000/api');
    expect(c.applicationId).toBe('1300000000000000001');
    expect(c.simulation).toBeUndefined();
    expect(discordConnectionsFromEnv({}).rest.options.api).toBe('http://127.0.0.1:3210/api');
  });

  it('uses Discord with DISCORD_TOKEN, and the sandbox for simulated runs when it is configured', () => {
    const token = `${Buffer.from('123456789012345678').toString('base64')}.x.y`;
    const c = discordConnectionsFromEnv({
      DISCORD_TOKEN: token,
      GUILDFLOW_SANDBOX_URL: 'http://127.0.0.1:4000',
    });
    expect(c.rest.options.api).toBe(DISCORD_API_URL);
    expect(c.applicationId).toBe('123456789012345678');
    expect(c.simulation?.rest.options.api).toBe('http://127.0.0.1:4000/api');
    expect(
      discordConnectionsFromEnv({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '42' })
        .applicationId,
    ).toBe('42');
    expect(() => discordConnectionsFromEnv({ DISCORD_TOKEN: 'opaque' })).toThrow(
      /DISCORD_APPLICATION_ID/,
    );
  });
});
