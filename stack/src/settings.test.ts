import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from './settings.js';

const dir = mkdtempSync(join(tmpdir(), 'guildflow-settings-'));
writeFileSync(
  join(dir, '.env'),
  'GUILDFLOW_ADMIN_TOKEN=from-dotenv\nGUILDFLOW_SECRET_KEY=key-from-dotenv\nPORT=4000\n',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSettings', () => {
  it('reads .env without overriding what the environment sets', () => {
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    const settings = loadSettings(dir, env);
    expect(settings).toMatchObject({
      adminToken: 'from-dotenv',
      secretKey: 'key-from-dotenv',
      port: 5000,
    });
  });

  it('skips .env in a child of npm start, so a secret the supervisor withheld does not come back', () => {
    const settings = loadSettings(dir, { GUILDFLOW_SUPERVISOR_PID: '1', PORT: '5000' });
    expect(settings.adminToken).toBeUndefined();
    expect(settings.secretKey).toBeUndefined();
  });

  it('reads GUILDFLOW_HTTP_ALLOW as a list of hosts, empty when unset', () => {
    const env = { GUILDFLOW_SUPERVISOR_PID: '1' };
    expect(loadSettings(dir, env).httpAllow).toEqual([]);
    const allowed = loadSettings(dir, { ...env, GUILDFLOW_HTTP_ALLOW: ' 127.0.0.1, localhost,,' });
    expect(allowed.httpAllow).toEqual(['127.0.0.1', 'localhost']);
  });

  it('turns billing on with a Stripe key, or GUILDFLOW_BILLING=on where the key is withheld', () => {
    const env = { GUILDFLOW_SUPERVISOR_PID: '1' };
    expect(loadSettings(dir, env).billing).toBe(false);
    expect(loadSettings(dir, { ...env, STRIPE_SECRET_KEY: 'sk_test_1' }).billing).toBe(true);
    expect(loadSettings(dir, { ...env, GUILDFLOW_BILLING: 'on' }).billing).toBe(true);
    expect(loadSettings(dir, { ...env, STRIPE_PRICE_PREMIUM: 'price_1' }).stripePrices).toEqual({
      premium: 'price_1',
    });
  });
});
