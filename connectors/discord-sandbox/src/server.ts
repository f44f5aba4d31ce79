import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { controlRouter } from './control/control-api.js';
import { injectEvent, type InjectResult, type SandboxEvent } from './control/inject.js';
import {
  guildView,
  interactionView,
  listMessages,
  memberView,
  type GuildView,
  type MemberView,
  type MessageQuery,
  type MessageView,
} from './control/views.js';
import type { Core } from './core.js';
import { FaultRegistry } from './faults.js';
import { Gateway, type DropOptions } from './gateway/gateway.js';
import { authorizeRouter } from './oauth/authorize.js';
import { DEFAULT_SANDBOX_CLIENT_SECRET, OAuthGrants, type OAuthOptions } from './oauth/grants.js';
import { oauthRestRouter } from './oauth/oauth-rest.js';
import { RateLimiter, type RateLimitOptions } from './rate-limits.js';
import { RequestLog, type RequestFilter, type RequestRecord } from './request-log.js';
import { restRouter } from './rest/router.js';
import { DEFAULT_SANDBOX_TOKEN, defaultSeed, type SandboxSeed } from './seed.js';
import { SandboxState } from './state.js';
import type { ActionRecord } from './types.js';

/** How to start a sandbox; everything is optional. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** The bot token accepted as `Bot <token>`; {@link DEFAULT_SANDBOX_TOKEN} by default. */
  token?: string;
  /** Guilds, channels, roles and members to start with (and reset to); {@link defaultSeed} by default. */
  seed?: SandboxSeed;
  /** HELLO's heartbeat interval (Discord: 41250 ms). */
  heartbeatIntervalMs?: number;
  /** Per-route request limit answered with real 429s; false turns rate limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** Refuse interaction callbacks after this many ms (Discord: 3000). Off by default so slow test runs still answer. */
  interactionAckDeadlineMs?: number | null;
  /** Interaction tokens expire after this long (Discord: 15 minutes). */
  interactionTokenTtlMs?: number;
  /** How long a dropped gateway session stays resumable. */
  resumeWindowMs?: number;
  /** The application's OAuth2 side (sign-in with Discord): client secret, redirect URIs. */
  oauth?: OAuthOptions;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `…/api`: discord.js's `rest.api` option. */
  apiUrl: string;
  /** `ws://127.0.0.1:<port>/gateway` (discord.js finds it through `GET /gateway/bot`). */
  gatewayUrl: string;
  port: number;
  token: string;
  applicationId: string;
  botUserId: string;
  /** OAuth2 client credentials of the sandbox application (client id = application id). */
  oauth: { clientId: string; clientSecret: string };
  /** The first seeded guild (the default sandbox guild). */
  guildId: string;
  /** The live model, for assertions the views below do not cover. */
  state: SandboxState;
  faults: FaultRegistry;
  gateway: { drop(options?: DropOptions): number; sessions(): ReturnType<Gateway['describe']> };
  snapshot(): { guilds: GuildView[] };
  messages(query?: MessageQuery): MessageView[];
  member(guildId: string, userId: string): MemberView;
  requests(filter?: RequestFilter): RequestRecord[];
  actions(filter?: { guildId?: string; type?: string }): ActionRecord[];
  interaction(id: string): ReturnType<typeof interactionView> | undefined;
  inject(event: SandboxEvent): InjectResult;
  /** Back to the seed: state, records, requests, faults and rate limits (gateway sessions stay connected). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a Discord double speaking REST v10 and Gateway v10 on one port, plus the `/sandbox`
 * control API. Point discord.js at it with `rest: { api: sandbox.apiUrl }` and log in with
 * `sandbox.token`.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0 });
 * const client = new Client({ intents, rest: { api: sandbox.apiUrl } });
 * await client.login(sandbox.token);
 * // …
 * await client.destroy();
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? DEFAULT_SANDBOX_TOKEN;
  const seed = options.seed ?? defaultSeed();
  const firstGuild = seed.guilds[0];
  if (!firstGuild) throw new Error('The sandbox seed needs at least one guild.');
  const state = new SandboxState(seed);
  let base = '';
  const gateway = new Gateway(state, {
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    resumeWindowMs: options.resumeWindowMs ?? 5 * 60_000,
    bufferSize: 5_000,
    url: () => `${base.replace(/^http/, 'ws')}/gateway`,
  });
  const core: Core = {
    state,
    gateway,
    interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    interactionAckDeadlineMs: options.interactionAckDeadlineMs ?? null,
  };
  const faults = new FaultRegistry();
  const requests = new RequestLog();
  const grants = new OAuthGrants(
    state.applicationId,
    options.oauth?.clientSecret ?? DEFAULT_SANDBOX_CLIENT_SECRET,
    options.oauth?.redirectUris,
  );
  const rateLimits = new RateLimiter(options.rateLimit ?? { limit: 50, windowMs: 1000 });
  const reset = (): void => {
    state.load();
    faults.clear();
    requests.clear();
    rateLimits.reset();
    grants.clear();
  };

  const app = express();
  app.disable('x-powered-by');
  // discord.js never revalidates; an ETag 304 would hand it an empty body.
  app.set('etag', false);
  app.use(
    '/sandbox',
    controlRouter({ core, faults, requests, gateway, reset, startedAt: Date.now() }),
  );
  app.use(authorizeRouter(state, grants));
  app.use(
    ['/api/v10', '/api/v9'],
    oauthRestRouter(state, grants),
    restRouter({
      ...core,
      token,
      faults,
      rateLimits,
      requests,
      gatewayUrl: () => `${base.replace(/^http/, 'ws')}/gateway`,
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ message: '404: Not Found', code: 0 });
  });

  const server = createServer(app);
  server.on('upgrade', (request, socket, head) => {
    if (!gateway.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: base,
    apiUrl: `${base}/api`,
    gatewayUrl: `${base.replace(/^http/, 'ws')}/gateway`,
    port,
    token,
    applicationId: state.applicationId,
    botUserId: state.botUserId,
    oauth: { clientId: grants.clientId, clientSecret: grants.clientSecret },
    guildId: firstGuild.id,
    state,
    faults,
    gateway: { drop: (o) => gateway.drop(o), sessions: () => gateway.describe() },
    snapshot: () => ({ guilds: [...state.guilds.values()].map((g) => guildView(state, g)) }),
    messages: (query = {}) => listMessages(state, query),
    member: (guildId, userId) => memberView(state, guildId, userId),
    requests: (filter) => requests.list(filter),
    actions: (filter = {}) =>
      state.actions.filter(
        (a) =>
          (!filter.guildId || a.guildId === filter.guildId) &&
          (!filter.type || a.type === filter.type),
      ),
    interaction: (id) => {
      const record = state.interactions.get(id);
      return record ? interactionView(record) : undefined;
    },
    inject: (event) => injectEvent(core, event),
    reset,
    close: () =>
      (closed ??= (async () => {
        gateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}
