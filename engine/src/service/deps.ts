import type {
  Connection as TemporalConnection,
  Client as TemporalClient,
} from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';
import type { DiscordOAuth } from './auth/discord-sign-in.js';
import type { DiscordBot } from './guilds/discord-bot.js';
import type { ActivationHooks } from './graphs/activation.js';
import type { RateLimitSettings } from './http/rate-limits.js';
import type { BillingSettings } from './billing/billing-settings.js';
import type { TemplateCatalog } from './templates/template-catalog.js';

/** Everything the HTTP service needs from the outside, so tests can build an app on test servers. */
export interface ServiceDeps {
  mongo: MongoConnection;
  temporal: { connection: TemporalConnection; client: TemporalClient };
  /** The Discord sandbox's base URL when running without a bot token. */
  sandboxUrl?: string | undefined;
  /**
   * The bot's REST access (Discord's API, or the sandbox's with its bot token), for the guild
   * list and the guild data of the builder's pickers (`GET /api/guilds`, `…/discord`); without
   * it those routes answer 503 `discord_unavailable`. `@guildflow/discord`'s `botApiFromEnv`
   * builds it in production.
   */
  discordBot?: DiscordBot | undefined;
  /**
   * The folder of the built builder UI (`builder-ui/dist`, the default); the service serves its
   * `index.html` for the client routes and its hashed `/assets/`.
   */
  builderDir?: string | undefined;
  adminToken: string;
  storeKind?: string | undefined;
  /**
   * Told when a graph's live version changes (publish, rollback, disable, delete): the trigger
   * router, schedules, slash commands and webhooks plug in here. Defaults to no-op hooks.
   */
  activation?: ActivationHooks | undefined;
  /** The task queue runs are started on (default `guildflow`); tests isolate runs with their own. */
  taskQueue?: string | undefined;
  /** Key that webhook secrets, Discord sign-in grants and guild credentials are encrypted with at rest (`GUILDFLOW_SECRET_KEY`; never the admin token). */
  secretKey: string;
  /**
   * Keys that sealed secrets before `secretKey` did, used only to open them: the admin token,
   * which was the key until `npm start` generated a separate one. The engine service re-seals
   * what they opened with `secretKey` when it starts (`resealWebhookSecrets`).
   */
  legacySecretKeys?: readonly string[] | undefined;
  /** Public base URL for links the API hands out (webhook URLs); defaults to the request's own origin. */
  publicUrl?: string | undefined;
  /** How long an API call waits for Temporal before answering 503 (default 5 s). */
  temporalTimeoutMs?: number | undefined;
  /**
   * Sign-in with Discord (`@guildflow/discord`'s `discordOAuth`, from `DISCORD_CLIENT_ID`,
   * `DISCORD_CLIENT_SECRET`, `DISCORD_API_BASE`); without it `/auth/discord` answers 501 saying what to set. Redirect URI base: `publicUrl`.
   */
  discordOAuth?: DiscordOAuth | undefined;
  /** Signing secret of the Stripe webhook endpoint (`STRIPE_WEBHOOK_SECRET`); without it `/stripe/webhook` answers 503. */
  stripeWebhookSecret?: string | undefined;
  /**
   * Per-hook limit of inbound webhook runs (`POST /hooks/:hookId`), a token bucket: `perSecond`
   * refill, up to `burst` at once. Default 20/s, burst 100; `false` turns it off (the limit is
   * per hook and per process: raise it for a hook that must take more).
   */
  webhookRateLimit?: { perSecond: number; burst: number } | false | undefined;
  /**
   * Request limits (docs/api/README.md, Rate limits): failed bearer tokens per client, sign-in and
   * Stripe webhook requests per client, `/api` requests per caller. Each field overrides the
   * default (`DEFAULT_RATE_LIMITS`); `false` turns them all off. Counted in this process's memory
   * unless `store` gives a shared store.
   */
  rateLimits?: Partial<RateLimitSettings> | false | undefined;
  /** The clock of sessions (expiry, re-checking guilds with Discord); `Date.now` by default. Tests move it. */
  now?: (() => number) | undefined;
  /**
   * The prebuilt templates of `GET /api/templates` and `…/templates/:templateId/install`
   * (`templateCatalog` of `@guildflow/workflows`, which depends on the engine); none when unset.
   */
  templates?: TemplateCatalog | undefined;
  /**
   * Plans and billing of the hosted service (`STRIPE_SECRET_KEY`, docs/billing.md); unset, billing
   * is off: no limits, `GET …/billing` says `billing: "off"`, and `/stripe/webhook` is not used.
   */
  billing?: BillingSettings | undefined;
}
