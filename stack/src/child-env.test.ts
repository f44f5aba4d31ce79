import { describe, expect, it } from 'vitest';
import { childEnv } from './child-env.js';

const shared: NodeJS.ProcessEnv = {
  PATH: '/usr/bin',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  GUILDFLOW_ADMIN_TOKEN: 'admin',
  GUILDFLOW_SECRET_KEY: 'key',
  DISCORD_TOKEN: 'bot',
  DISCORD_CLIENT_SECRET: 'oauth',
  STRIPE_SECRET_KEY: 'sk',
  STRIPE_WEBHOOK_SECRET: 'whsec',
  STRIPE_API_BASE: 'http://127.0.0.1:12111',
};

describe('childEnv', () => {
  it('gives each child only the secrets it reads, and everything else to all', () => {
    expect(childEnv('engine', shared)).toEqual({ ...shared, GUILDFLOW_BILLING: 'on' });
    expect(childEnv('worker', shared)).toEqual({
      PATH: '/usr/bin',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      GUILDFLOW_SECRET_KEY: 'key',
      DISCORD_TOKEN: 'bot',
      // Stripe steps use each guild's own account (its credential), never the billing key.
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      GUILDFLOW_BILLING: 'on',
    });
    expect(childEnv('gateway', shared)).toEqual({
      PATH: '/usr/bin',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      DISCORD_TOKEN: 'bot',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      GUILDFLOW_BILLING: 'on',
    });
    expect(childEnv('sandbox', shared)).toEqual({
      PATH: '/usr/bin',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      GUILDFLOW_BILLING: 'on',
    });
    expect(shared.GUILDFLOW_ADMIN_TOKEN).toBe('admin'); // the shared env is not changed
  });

  it('says billing is off to every child when there is no Stripe key', () => {
    const { STRIPE_SECRET_KEY: _key, ...selfHosted } = shared;
    expect(childEnv('gateway', selfHosted).GUILDFLOW_BILLING).toBeUndefined();
  });
});
