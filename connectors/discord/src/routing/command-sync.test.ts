import { DEFAULT_SANDBOX_TOKEN, SANDBOX_APPLICATION_ID } from '@guildflow/discord-sandbox';
import { commandsApiFromEnv } from './command-sync.js';
import { describe, expect, it } from 'vitest';

describe('the engine registers commands as the sandbox bot', () => {
  it('registers as the sandbox’s application: its default token names that application', () => {
    expect(Buffer.from(DEFAULT_SANDBOX_TOKEN.split('.')[0]!, 'base64').toString()).toBe(
      SANDBOX_APPLICATION_ID,
    );
  });

  it('has no commands API without a bot token or a sandbox', () => {
    expect(commandsApiFromEnv({})).toBeUndefined();
    expect(commandsApiFromEnv({ GUILDFLOW_SANDBOX_URL: 'http://127.0.0.1:3210' })).toBeDefined();
    expect(commandsApiFromEnv({ DISCORD_TOKEN: 'not-a-token' })).toBeUndefined();
  });
});
