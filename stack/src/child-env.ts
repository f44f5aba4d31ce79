import type { serviceEntries } from './services.js';

/** A Node service `npm start` runs. */
export type ServiceName = keyof typeof serviceEntries;

/**
 * The secret settings and the services that read them; every other child starts without them,
 * so a gateway or sandbox that is compromised (or prints its environment) holds no admin token
 * and no key to the database's secrets, and a worker holds no admin token and no Stripe key
 * (`STRIPE_SECRET_KEY` is the service's billing account; a guild's Stripe steps use its own).
 * `GUILDFLOW_SECRET_KEY` goes to the engine (it seals webhook secrets and credentials) and to
 * the worker, whose executors open a guild's credentials (`http.request`'s `credential`, a
 * guild's Stripe account); the admin token never leaves the engine.
 *
 * @example
 * SECRET_READERS.GUILDFLOW_ADMIN_TOKEN; // ['engine']
 */
export const SECRET_READERS: Readonly<Record<string, readonly ServiceName[]>> = {
  GUILDFLOW_ADMIN_TOKEN: ['engine'],
  GUILDFLOW_SECRET_KEY: ['engine', 'worker'],
  DISCORD_CLIENT_SECRET: ['engine'],
  STRIPE_WEBHOOK_SECRET: ['engine'],
  // Billing only: stripe.* actions use each guild's own account (its `stripe` credential).
  STRIPE_SECRET_KEY: ['engine'],
  // Slash command registration and the builder's guild data (engine), Discord actions
  // (worker), the gateway connection.
  DISCORD_TOKEN: ['engine', 'worker', 'gateway'],
};

/**
 * The environment of one child: everything in `env` except the secrets it does not read.
 *
 * @example
 * childEnv('worker', { PATH: '/bin', GUILDFLOW_ADMIN_TOKEN: 't' }); // { PATH: '/bin' }
 */
export function childEnv(service: ServiceName, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = { ...env };
  // Whether billing is on is no secret: the gateway (which enforces the run quota) learns it
  // without the Stripe key.
  if (env.STRIPE_SECRET_KEY?.trim()) own.GUILDFLOW_BILLING = 'on';
  for (const [name, readers] of Object.entries(SECRET_READERS)) {
    if (!readers.includes(service)) delete own[name];
  }
  return own;
}
