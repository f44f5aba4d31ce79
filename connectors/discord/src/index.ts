/**
 * @guildflow/discord — the real Discord connector: discord.js's REST client configured for
 * Temporal activities, one executor per `discord.*` node (error classification, idempotency,
 * audit-log reasons, limits checked before the call), the registry the worker registers, and
 * the task-queue budget for Discord's global rate limit. See docs/discord.md.
 */
export {
  DISCORD_API_URL,
  DISCORD_REQUEST_TIMEOUT_MS,
  applicationIdFromToken,
  createDiscordRest,
  isRealDiscord,
  type DiscordRestOptions,
} from './rest/create-rest.js';
export {
  DEFAULT_SANDBOX_URL,
  discordConnectionsFromEnv,
  type DiscordConnection,
  type DiscordConnections,
} from './rest/connections.js';
export {
  DISCORD_EXECUTORS,
  createDiscordExecutors,
  type DiscordActivities,
  type DiscordExecutorsOptions,
} from './registry/create-executors.js';
export {
  auditReason,
  type DiscordNodeType,
  type ExecutorDeps,
  type ExecutorFactory,
} from './executors/define.js';
export {
  addReactionExecutor,
  deleteMessageExecutor,
  editMessageExecutor,
  sendMessageExecutor,
} from './executors/messages.js';
export {
  addRoleExecutor,
  banMemberExecutor,
  kickMemberExecutor,
  removeRoleExecutor,
  timeoutMemberExecutor,
} from './executors/members.js';
export { archiveChannelExecutor, createChannelExecutor } from './executors/channels.js';
export { readMessagesExecutor } from './executors/read-messages.js';
export { replyExecutor } from './executors/reply.js';
export {
  DISCORD_UNAVAILABLE,
  classifyDiscordError,
  discordCall,
  discordCode,
  ignoreCodes,
} from './errors/classify.js';
export type { CallSite } from './errors/describe.js';
export { renderedConfigIssues, validateRenderedConfig } from './validation/rendered-config.js';
export { messageNonce } from './payloads/nonce.js';
export { ChannelGuilds, channelGuildsOf } from './guard/channel-guilds.js';
export {
  DISCORD_ACTIVITIES_PER_SECOND,
  DISCORD_GLOBAL_REQUESTS_PER_SECOND,
  DISCORD_GUILD_ACTIVITIES_PER_SECOND,
  DISCORD_MAX_CONCURRENT_ACTIVITIES,
  DISCORD_TASK_QUEUE,
  configureDiscordQueue,
  discordWorkerOptions,
} from './budget/discord-queue.js';
export {
  BudgetWaitExceeded,
  DiscordBudget,
  LOCAL_ACTIVITY_SLOTS,
  type DiscordBudgetOptions,
} from './budget/discord-budget.js';
export {
  BUDGET_MEMBERS_COLLECTION,
  shareDiscordBudget,
  type BudgetShareOptions,
} from './budget/budget-share.js';
export {
  defaultRunsPerSecond,
  RunAdmission,
  RUNS_PER_SECOND_PER_CORE,
  type RunAdmissionOptions,
  type ShedReport,
} from './routing/run-admission.js';
export { startGateway, type Gateway, type GatewayOptions } from './gateway/gateway.js';
export { StatsRecorder } from './gateway/stats-recorder.js';
// What the engine service's ports get in production: sign-in with Discord, the bot's REST reads.
export {
  DISCORD_API_BASE,
  discordOAuth,
  type DiscordOAuthSettings,
} from './sign-in/discord-oauth.js';
export { mayManage } from './sign-in/discord-user-api.js';
export { botApiFromEnv, discordBotApi, type BotAccess } from './rest/bot-api.js';
export { compileTrigger, type CompiledTrigger } from './routing/compile-trigger.js';
export { TriggerIndex, type TriggerMatch } from './routing/trigger-index.js';
export { syncTriggers, type TriggerSync, type TriggerSyncOptions } from './routing/trigger-sync.js';
export { TriggerRouter, eventRunId, type RouteResult } from './routing/trigger-router.js';
export {
  commandActivation,
  commandsApiFromEnv,
  discordCommandsApi,
  noCommandsApi,
  slashCommandJson,
  type CommandsApi,
} from './routing/command-sync.js';
export { FLOW_COMMAND, handleFlowCommand } from './gateway/flow-command.js';
