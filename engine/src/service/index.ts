export { createApp } from './app.js';
export type { ServiceDeps } from './deps.js';
export { ApiError } from './errors.js';
export { checkHealth, type Health } from './health.js';
export type {
  InstantiateResult,
  TemplateCatalog,
  TemplateSummary,
  VarIssue,
} from './templates/template-catalog.js';
export {
  composeActivation,
  noActivation,
  type ActivatedGraph,
  type ActivationHooks,
} from './graphs/activation.js';
export { reconcileActivations } from './graphs/reconcile.js';
export { startRun, type StartRunInput } from './runs/start-run.js';
export {
  createDataExecutors,
  createEngineActivities,
  createStoreActivities,
  declarationOf,
  defineExecutor,
  enterCollect,
  renderedConfigIssues,
  storeMissingExecutors,
  unavailableExecutor,
  validateRenderedConfig,
  waitsFor,
  type DataNodeType,
  type ExecutorFactory,
  type ExecutorInput,
  type RenderedConfigRules,
} from './activities/index.js';
export {
  connectStore,
  openStore,
  sweepExpired,
  secretBox,
  sha256Hex,
  startSweeper,
  type GraphRecord,
  type SessionRecord,
  type StatsRecord,
  type Store,
  type TriggerRecord,
} from './storage/index.js';
export { resealWebhookSecrets } from './hooks/reseal-secrets.js';
// What executors resolve a guild's credentials by name through (http.request, stripe.*).
export {
  credentialSource,
  credentialsUnavailable,
  type CredentialSource,
  type CredentialSourceOptions,
  type ResolvedCredential,
} from './credentials/credential-source.js';
export { createSession, endSession, SESSION_TTL_MS } from './auth/index.js';
// The ports the Discord connector implements (sign-in with Discord, the bot's REST reads).
export {
  signInFailed,
  type DiscordGrant,
  type DiscordIdentity,
  type DiscordOAuth,
  type GuildsRecheck,
} from './auth/discord-sign-in.js';
export { botGet, type BotAnswer, type DiscordBot } from './guilds/discord-bot.js';
export { stripeClient } from './stripe/stripe-client.js';
// Plans and the monthly run quota the gateway enforces (docs/billing.md).
export { RunQuota, type RunQuotaOptions } from './billing/run-quota.js';
export { PLANS, type Limits, type PlanId } from './billing/plans.js';
export type { BillingSettings } from './billing/billing-settings.js';
export { startStripeRuns, stripeEventMatches } from './stripe/stripe-events.js';
// The ownership checks the Stripe executors and billing call (docs/api/README.md, Stripe webhook).
export {
  StripeObjectOwnedElsewhere,
  assertStripeObjectOwned,
  recordStripeObject,
  stripeObjectKind,
  stripeOwnership,
} from './stripe/stripe-ownership.js';
export { routerActivation, triggerConfigOf } from './router/router-activation.js';
export { GatewayStatus, type GatewayStatusOptions } from './router/gateway-status.js';
export {
  confirmRouting,
  liveGateways,
  CONFIRM_TIMEOUT_MS,
  GATEWAY_FRESH_MS,
} from './router/routing-confirmation.js';
export { SnapshotCache } from './router/snapshot-cache.js';
export { readRun, type RunDetail } from './runs/run-detail.js';
export type { TemporalDeps } from './runs/temporal-calls.js';
export { findVersion, snapshotOf } from './graphs/graph-store.js';
export {
  scheduleActivation,
  scheduleIdOf,
  type ScheduleActivationOptions,
} from './schedules/schedule-activation.js';
export { signWebhook } from './hooks/signature.js';
export { createStatsExecutor, readStats, type StatsSummary } from './stats/read-stats.js';
export { log, messageOf } from './log.js';
