import { DEFAULT_SANDBOX_TOKEN, SANDBOX_APPLICATION_ID } from '@guildflow/discord-sandbox';
import { SANDBOX_BOT_TOKEN } from '@guildflow/engine/service';
import { commandsApiFromEnv } from './command-sync.js';
import { describe, expect, it } from 'vitest';

describe('the engine registers commands as the sandbox bot', () => {
  it('uses the sandbox’s own default token (the engine cannot import the sandbox)', () => {
    expect(SANDBOX_BOT_TOKEN).toBe(DEFAULT_SANDBOX_TOKEN);
    expect(Buffer.from(SANDBOX_BOT_TOKEN.split('.')[0]!, 'base64').toString()).toBe(
      SANDBOX_APPLICATION_ID,
    );
  });

  it('has no commands API without a bot token or a sandbox', () => {
    expect(commandsApiFromEnv({})).toBeUndefined();
    expect(commandsApiFromEnv({ GUILDFLOW_SANDBOX_URL: 'http://127.0.0.1:3210' })).toBeDefined();
    expect(commandsApiFromEnv({ DISCORD_TOKEN: 'not-a-token' })).toBeUndefined();
  });
});
