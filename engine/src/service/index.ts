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
  enterCollect,
  waitsFor,
} from './activities/index.js';
export {
  connectStore,
  openStore,
  sweepExpired,
  type GraphRecord,
  type Store,
  type TriggerRecord,
} from './storage/index.js';
export { createSession, endSession } from './auth/index.js';
export { DISCORD_API_BASE, type DiscordOAuthSettings } from './auth/discord-oauth.js';
export { startStripeRuns, stripeEventMatches } from './stripe/stripe-events.js';
// The ownership checks the Stripe executors and billing call (docs/api/README.md, Stripe webhook).
export {
  StripeObjectOwnedElsewhere,
  assertStripeObjectOwned,
  recordStripeObject,
  stripeObjectKind,
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
export { SANDBOX_BOT_TOKEN } from './guilds/sandbox-token.js';
export { readRun, type RunDetail } from './runs/run-detail.js';
export type { TemporalDeps } from './runs/temporal-calls.js';
export { findVersion, snapshotOf } from './graphs/graph-store.js';
export {
  scheduleActivation,
  scheduleIdOf,
  type ScheduleActivationOptions,
} from './schedules/schedule-activation.js';
export { signWebhook } from './hooks/signature.js';
export { StatsRecorder } from './stats/stats-recorder.js';
export { createStatsExecutor, readStats, type StatsSummary } from './stats/read-stats.js';
export { log, messageOf } from './log.js';
