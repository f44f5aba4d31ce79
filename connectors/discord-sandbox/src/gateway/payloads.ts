import { apiChannel, apiGuild, apiMember, apiUser } from '../serialize.js';
import type { SandboxState } from '../state.js';
import type { GuildRecord } from '../types.js';
import { Intents } from './intents.js';

/**
 * The READY dispatch: discord.js needs `session_id` and `resume_gateway_url` (it resumes there),
 * `user`, `application` and the guilds as unavailable stubs, which it then waits to see as
 * GUILD_CREATE before emitting `clientReady`.
 */
export function readyPayload(
  state: SandboxState,
  options: { sessionId: string; resumeUrl: string; shard: [number, number]; guilds: GuildRecord[] },
): Record<string, unknown> {
  return {
    v: 10,
    user: {
      ...apiUser(state.user(state.botUserId)),
      verified: true,
      mfa_enabled: false,
      email: null,
    },
    user_settings: {},
    guilds: options.guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: options.sessionId,
    session_type: 'normal',
    resume_gateway_url: options.resumeUrl,
    shard: options.shard,
    application: { id: state.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: ['sandbox'],
    auth: {},
    _trace: ['["guildflow-sandbox",{"micros":0}]'],
  };
}

/**
 * A GUILD_CREATE for a session: the REST guild plus channels, active threads and members.
 * Without the GuildMembers intent only the bot's own member is included, as on Discord.
 */
export function guildCreatePayload(
  state: SandboxState,
  guild: GuildRecord,
  intents: number,
): Record<string, unknown> {
  const channels = state.guildChannels(guild);
  const members = state
    .presentMembers(guild)
    .filter((m) => intents & Intents.GuildMembers || m.userId === state.botUserId)
    .map((m) => apiMember(state, guild, m));
  return {
    ...apiGuild(state, guild),
    joined_at: guild.members.get(state.botUserId)?.joinedAt ?? guild.createdAt,
    large: false,
    lazy: true,
    unavailable: false,
    member_count: state.presentMembers(guild).length,
    voice_states: [],
    members,
    channels: channels.filter((c) => !c.thread).map((c) => apiChannel(state, c)),
    threads: channels
      .filter((c) => c.thread && !c.thread.archived)
      .map((c) => apiChannel(state, c)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    max_presences: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    incidents_data: null,
    hub_type: null,
  };
}
