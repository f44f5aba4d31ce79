/**
 * @guildflow/discord-sandbox — a local Discord double (REST v10 + Gateway v10) that the real
 * discord.js client talks to unchanged, with a control API to inject events and faults.
 */
export { startSandbox, type Sandbox, type SandboxOptions } from './server.js';
export {
  SANDBOX_IDS,
  SANDBOX_GUILD_ID,
  SANDBOX_APPLICATION_ID,
  DEFAULT_SANDBOX_TOKEN,
  defaultSeed,
  otherGuildSeed,
  type SandboxSeed,
  type GuildSeed,
  type ChannelSeed,
  type RoleSeed,
  type MemberSeed,
  type OverwriteSeed,
  SANDBOX_BOT_PERMISSIONS,
} from './seed.js';
export type { SandboxEvent, InjectResult } from './control/inject.js';
export type { GuildView, MessageView, MemberView, MessageQuery } from './control/views.js';
export type { FaultSpec, Fault, FaultKind, FaultRegistry } from './faults.js';
export type { RequestRecord, RequestFilter } from './request-log.js';
export type { DropOptions } from './gateway/gateway.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { ActionRecord } from './types.js';
export type { SandboxState } from './state.js';
export { snowflake, snowflakeTime } from './snowflake.js';
export { DEFAULT_SANDBOX_CLIENT_SECRET, type OAuthOptions } from './oauth/grants.js';
