import {
  DISCORD_PERMISSION_BITS,
  PERMISSION_LABELS,
  getNodeType,
  permissionNeeds,
  type DiscordPermission,
  type GraphDocument,
  type GraphNode,
  type PreflightWarning,
} from '../../../core/index.js';
import {
  botChannelPermissions,
  botGuildPermissions,
  botHighestPosition,
  type GuildView,
  type ViewChannel,
} from './guild-view.js';

const SNOWFLAKE = /^\d{17,20}$/;
const VAR_ONLY = /^\{\{\s*vars\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/**
 * The id a config value names before any run: a literal id, or `{{ vars.x }}` when the graph's
 * variable `x` is a literal id (as templates install them); undefined otherwise.
 */
export function literalId(doc: GraphDocument, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (SNOWFLAKE.test(text)) return text;
  const name = VAR_ONLY.exec(text)?.[1];
  const bound = name === undefined ? undefined : doc.vars?.[name];
  return typeof bound === 'string' && SNOWFLAKE.test(bound.trim()) ? bound.trim() : undefined;
}

const label = (node: GraphNode) => `"${node.id}" (${getNodeType(node.type)?.title ?? node.type})`;
const names = (list: readonly DiscordPermission[]) =>
  list.map((p) => PERMISSION_LABELS[p]).join(', ');

/** `bot_missing_permission`: each node's declared needs against the bot's permissions. */
function permissionWarnings(doc: GraphDocument, view: GuildView): PreflightWarning[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const botRole = [...view.botRoles]
    .map((id) => view.roles.get(id))
    .sort((a, b) => (b?.position ?? 0) - (a?.position ?? 0))[0];
  const roleText = botRole ? `the bot’s role "${botRole.name}"` : 'the bot’s role';
  const warnings: PreflightWarning[] = [];
  for (const need of permissionNeeds(doc)) {
    const node = byId.get(need.nodeId) as GraphNode;
    const channelId = need.field ? literalId(doc, node.config[need.field.slice(1)]) : undefined;
    const channel = channelId ? view.channels.get(channelId) : undefined;
    // A channel that does not exist is channel_not_text's (message nodes) or the run's to report.
    if (channelId && !channel) continue;
    const perms = channel ? botChannelPermissions(view, channel) : botGuildPermissions(view);
    const missing = need.permissions.filter((p) => (perms & DISCORD_PERMISSION_BITS[p]) === 0n);
    if (missing.length === 0) continue;
    const where = channel
      ? `in #${channel.name}`
      : need.field
        ? 'in this server (checked at server level only: the channel is chosen at run time, so its own permission settings were not checked)'
        : 'in this server';
    const fix = channel
      ? `Give ${roleText} ${missing.length === 1 ? 'it' : 'them'} in Server Settings → Roles, or allow ${missing.length === 1 ? 'it' : 'them'} for the bot in #${channel.name}’s permissions.`
      : `Give ${roleText} ${missing.length === 1 ? 'it' : 'them'} in Server Settings → Roles.`;
    warnings.push({
      code: 'bot_missing_permission',
      severity: 'warning',
      nodeId: node.id,
      ...(need.field ? { field: need.field } : {}),
      message: `${label(node)} needs the bot to have ${names(missing)} ${where}, and it does not: the node will fail with Missing Permissions. ${fix}`,
    });
  }
  return warnings;
}

const ROLE_NODES: Readonly<Record<string, string>> = {
  'discord.addRole': 'gives',
  'discord.removeRole': 'takes away',
};

/** `role_above_bot`: a role the graph gives or takes that sits at or above the bot's highest. */
function roleWarnings(doc: GraphDocument, view: GuildView): PreflightWarning[] {
  const highest = botHighestPosition(view);
  const top = [...view.roles.values()].find(
    (r) => view.botRoles.includes(r.id) && r.position === highest,
  );
  return doc.nodes.flatMap((node) => {
    const verb = ROLE_NODES[node.type];
    const roleId = verb ? literalId(doc, node.config.roleId) : undefined;
    const role = roleId ? view.roles.get(roleId) : undefined;
    if (!verb || !role || role.position < highest) return [];
    return [
      {
        code: 'role_above_bot' as const,
        severity: 'warning' as const,
        nodeId: node.id,
        field: '/roleId',
        message: `${label(node)} ${verb} the role "${role.name}", which sits ${role.position === highest ? 'at' : 'above'} the bot’s highest role${top ? ` "${top.name}"` : ''}: Discord will refuse it. In Server Settings → Roles, drag ${top ? `"${top.name}"` : 'the bot’s role'} above "${role.name}", or pick a lower role.`,
      },
    ];
  });
}

/** Channel types that hold no plain messages: category, directory, forum, media. */
const NOT_TEXT: Readonly<Record<number, string>> = {
  4: 'a category',
  14: 'a server directory',
  15: 'a forum (it takes posts, not plain messages)',
  16: 'a media channel (it takes posts, not plain messages)',
};
const MESSAGE_CHANNEL_NODES = new Set(['discord.sendMessage', 'discord.editMessage']);

/** `channel_not_text`: a message node's literal channel that is missing or holds no messages. */
function channelWarnings(doc: GraphDocument, view: GuildView): PreflightWarning[] {
  return doc.nodes.flatMap((node) => {
    if (!MESSAGE_CHANNEL_NODES.has(node.type)) return [];
    const channelId = literalId(doc, node.config.channelId);
    if (!channelId) return [];
    const channel: ViewChannel | undefined = view.channels.get(channelId);
    const problem = !channel
      ? `names the channel ${channelId}, which does not exist in this server (deleted, or from another server)`
      : NOT_TEXT[channel.type] !== undefined
        ? `posts in #${channel.name}, which is ${NOT_TEXT[channel.type]}`
        : undefined;
    if (!problem) return [];
    return [
      {
        code: 'channel_not_text' as const,
        severity: 'warning' as const,
        nodeId: node.id,
        field: '/channelId',
        message: `${label(node)} ${problem}: Discord will refuse the message. Pick a text channel.`,
      },
    ];
  });
}

/**
 * The warnings that need the guild: the bot's permissions for each node, roles above the bot's,
 * and message channels that are not text channels.
 */
export function guildWarnings(doc: GraphDocument, view: GuildView): PreflightWarning[] {
  return [
    ...permissionWarnings(doc, view),
    ...roleWarnings(doc, view),
    ...channelWarnings(doc, view),
  ];
}
