import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../server.js';

/** A sandbox with a real discord.js client logged in to it. */
export interface Harness {
  sandbox: Sandbox;
  client: Client;
  close(): Promise<void>;
}

/**
 * The intents Guildflow's gateway uses.
 *
 * @example
 * new Client({ intents: TEST_INTENTS, rest: { api: sandbox.apiUrl } });
 */
export const TEST_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
];

/**
 * Starts a sandbox and logs a real discord.js client into it (REST `api` pointed at the sandbox;
 * the gateway is discovered through `GET /gateway/bot`), resolving once `clientReady` fired.
 */
export async function startWithClient(
  options: SandboxOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const client = new Client({
    intents: TEST_INTENTS,
    ...clientOptions,
    rest: { api: sandbox.apiUrl, ...clientOptions.rest },
  });
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(15_000) });
  await client.login(sandbox.token);
  await ready;
  return {
    sandbox,
    client,
    close: async () => {
      await client.destroy();
      await sandbox.close();
    },
  };
}

/**
 * Waits for the next emission of a client event (matching `filter`), failing after `timeoutMs`.
 *
 * @example
 * const [member] = await nextEvent(client, Events.GuildMemberAdd);
 */
export async function nextEvent<T extends unknown[] = unknown[]>(
  client: Client,
  event: string,
  filter: (...args: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`No ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: unknown[]): void => {
      if (!filter(...(args as T))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as T);
    };
    client.on(event, listener);
  });
}

/**
 * Calls the control API over HTTP, returning status and JSON body.
 *
 * @example
 * const { status, body } = await control(sandbox, 'POST', '/sandbox/events', { ... });
 */
export async function control<T = unknown>(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
