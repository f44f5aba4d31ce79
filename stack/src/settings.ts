import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Settings read from the environment (and an optional `.env`), with the documented defaults. */
export interface Settings {
  port: number;
  dataDir: string;
  adminToken: string | undefined;
  /** Key that encrypts secrets at rest (`GUILDFLOW_SECRET_KEY`); `npm start` generates one. */
  secretKey: string | undefined;
  temporalAddress: string | undefined;
  mongodbUri: string | undefined;
  discordToken: string | undefined;
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  /** Where Stripe's API is (`STRIPE_API_BASE`): stripe-mock for tests and development; unset, api.stripe.com. */
  stripeApiBase: string | undefined;
  /**
   * Plans and billing are on (the hosted service): `STRIPE_SECRET_KEY` is set, or, in a process
   * that does not get the key (the gateway), `GUILDFLOW_BILLING=on`. Off, nothing is limited.
   */
  billing: boolean;
  /** Stripe price ids that override the plans' lookup keys (`STRIPE_PRICE_PREMIUM`, `STRIPE_PRICE_ENTERPRISE`). */
  stripePrices: { premium?: string; enterprise?: string };
  /** Ports of the embedded servers; change them when the defaults are taken. */
  temporalPort: number;
  temporalUiPort: number;
  storePort: number;
  sandboxPort: number;
  /**
   * Host names and IP addresses `http.request` may call although they are not public
   * (`GUILDFLOW_HTTP_ALLOW`, comma-separated); empty by default.
   */
  httpAllow: string[];
  /** `mongodb` or `ferretdb` forces one store; unset tries MongoDB then FerretDB. */
  store: 'mongodb' | 'ferretdb' | undefined;
}

/**
 * Loads `.env` from `cwd` into `env` when present (without overriding variables already set)
 * and reads the settings. A child of `npm start` (`GUILDFLOW_SUPERVISOR_PID` set) skips `.env`:
 * the supervisor read it and handed the child what it needs, and reading it again would give
 * back the secrets the supervisor kept from it.
 *
 * @example
 * const settings = loadSettings(process.cwd());
 * console.log(settings.port); // 3000 unless PORT is set
 */
export function loadSettings(cwd: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const envFile = resolve(cwd, '.env');
  if (!env.GUILDFLOW_SUPERVISOR_PID && existsSync(envFile)) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(envFile, 'utf8')))) {
      if (env[name] === undefined) env[name] = value;
    }
  }
  const store = env.GUILDFLOW_STORE;
  if (store !== undefined && store !== '' && store !== 'mongodb' && store !== 'ferretdb') {
    throw new Error(`GUILDFLOW_STORE must be "mongodb" or "ferretdb", not "${store}".`);
  }
  return {
    port: intSetting(env, 'PORT', 3000),
    dataDir: resolve(cwd, nonEmpty(env.GUILDFLOW_DATA_DIR) ?? './data'),
    adminToken: nonEmpty(env.GUILDFLOW_ADMIN_TOKEN),
    secretKey: nonEmpty(env.GUILDFLOW_SECRET_KEY),
    temporalAddress: nonEmpty(env.TEMPORAL_ADDRESS),
    mongodbUri: nonEmpty(env.MONGODB_URI),
    discordToken: nonEmpty(env.DISCORD_TOKEN),
    stripeSecretKey: nonEmpty(env.STRIPE_SECRET_KEY),
    stripeWebhookSecret: nonEmpty(env.STRIPE_WEBHOOK_SECRET),
    stripeApiBase: nonEmpty(env.STRIPE_API_BASE),
    billing: nonEmpty(env.STRIPE_SECRET_KEY) !== undefined || env.GUILDFLOW_BILLING === 'on',
    stripePrices: Object.fromEntries(
      (
        [
          ['premium', nonEmpty(env.STRIPE_PRICE_PREMIUM)],
          ['enterprise', nonEmpty(env.STRIPE_PRICE_ENTERPRISE)],
        ] as const
      ).filter(([, price]) => price !== undefined),
    ),
    temporalPort: intSetting(env, 'GUILDFLOW_TEMPORAL_PORT', 7233),
    temporalUiPort: intSetting(env, 'GUILDFLOW_TEMPORAL_UI_PORT', 8233),
    storePort: intSetting(env, 'GUILDFLOW_STORE_PORT', 27217),
    sandboxPort: intSetting(env, 'GUILDFLOW_SANDBOX_PORT', 3210),
    httpAllow: (env.GUILDFLOW_HTTP_ALLOW ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    store: store === '' ? undefined : store,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, not "${raw}".`);
  }
  return value;
}
