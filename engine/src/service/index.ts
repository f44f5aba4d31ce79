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
  type GraphRecord,
  type Store,
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
export { TriggerIndex, type TriggerMatch } from './router/trigger-index.js';
export { syncTriggers, type TriggerSync, type TriggerSyncOptions } from './router/trigger-sync.js';
export { GatewayStatus, type GatewayStatusOptions } from './router/gateway-status.js';
export {
  confirmRouting,
  liveGateways,
  CONFIRM_TIMEOUT_MS,
  GATEWAY_FRESH_MS,
} from './router/routing-confirmation.js';
export { TriggerRouter, eventRunId, type RouteResult } from './router/trigger-router.js';
export { ROUTED_TRIGGER_TYPES, compileTrigger } from './router/trigger-matchers.js';
export { userRef, type EventUser, type RouterEvent } from './router/router-event.js';
export {
  applicationIdFromToken,
  commandActivation,
  commandsApiFromEnv,
  discordCommandsApi,
  noCommandsApi,
  SANDBOX_BOT_TOKEN,
  slashCommandJson,
  type CommandsApi,
} from './router/command-sync.js';
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
