import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define-node.js';
import { Reason, Snowflake, StringEnum } from '../schemas.js';
import { CHANNEL_PERMISSIONS } from './shared.js';

const Permissions = Type.Array(StringEnum(CHANNEL_PERMISSIONS), {
  uniqueItems: true,
  maxItems: CHANNEL_PERMISSIONS.length,
});

/**
 * `discord.createChannel`: creates a text channel (optionally in a category, with permission
 * overwrites) or a private thread in a channel (with members added) — e.g. a support ticket.
 *
 * @example
 * // config: { name: 'ticket-{{ trigger.user.username }}', channelType: 'privateThread', parentId: '{{ vars.supportChannelId }}', members: ['{{ trigger.user.id }}'] }
 * // output: { channelId, mention }
 */
export const createChannel = defineNode({
  type: 'discord.createChannel',
  kind: 'action',
  group: 'Discord',
  queue: 'discord',
  title: 'Create channel',
  description:
    'Creates a text channel (in the category `parentId`, with permission overwrites) or a private thread in the channel `parentId`, adding `members`. Good for tickets. The bot needs Manage Channels (text channels) or Create Private Threads (threads).',
  config: Type.Object(
    {
      name: Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'Channel name (Discord lowercases text channel names and replaces spaces with dashes).',
      }),
      channelType: Type.Optional(
        StringEnum(['text', 'privateThread'], {
          default: 'text',
          description: 'A text channel or a private thread.',
        }),
      ),
      parentId: Type.Optional(
        Snowflake(
          'Text channel: its category. Private thread: the channel to open it in (required).',
        ),
      ),
      topic: Type.Optional(
        Type.String({ maxLength: 1024, description: 'Text channels: the topic.' }),
      ),
      permissionOverwrites: Type.Optional(
        Type.Array(
          Type.Object(
            {
              type: StringEnum(['everyone', 'role', 'member'], {
                description: '`everyone` is the @everyone role (no id needed).',
              }),
              id: Type.Optional(Snowflake('The role or member.')),
              allow: Type.Optional(Permissions),
              deny: Type.Optional(Permissions),
            },
            { additionalProperties: false },
          ),
          {
            maxItems: 100,
            description:
              'Text channels: who may see and write (e.g. deny ViewChannel to everyone, allow it to a member).',
          },
        ),
      ),
      members: Type.Optional(
        Type.Array(Snowflake('A user.'), {
          maxItems: 50,
          description:
            'Private threads: users to add (the thread is invisible to everyone else but moderators).',
        }),
      ),
      reason: Reason(),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    channelId: Type.String(),
    mention: Type.String({ description: '`<#id>`, a link to the channel in messages.' }),
  }),
  ports: { outputs: OUT },
  requires: {
    permissions: [
      { permissions: ['ManageChannels'], when: { channelType: 'text' } },
      { permissions: ['ManageRoles'], when: { channelType: 'text', permissionOverwrites: true } },
      {
        permissions: ['ViewChannel', 'CreatePrivateThreads'],
        when: { channelType: 'privateThread' },
        channelField: 'parentId',
      },
    ],
  },
  ui: {
    icon: 'hash',
    color: COLORS.discord,
    fields: {
      name: { placeholder: 'ticket-{{ trigger.user.username }}' },
      channelType: { widget: 'select' },
      parentId: {
        widget: 'channelOrCategory',
        help: 'A category for text channels; the parent channel for private threads.',
      },
      topic: { widget: 'textarea' },
      permissionOverwrites: { widget: 'permissionOverwrites' },
      members: { widget: 'list', items: 'member' },
    },
  },
  examples: [
    {
      title: 'Private ticket channel',
      config: {
        name: 'ticket-{{ trigger.user.username }}',
        parentId: '{{ vars.ticketCategoryId }}',
        permissionOverwrites: [
          { type: 'everyone', deny: ['ViewChannel'] },
          {
            type: 'member',
            id: '{{ trigger.user.id }}',
            allow: ['ViewChannel', 'SendMessages', 'ReadMessageHistory'],
          },
          { type: 'role', id: '{{ vars.staffRoleId }}', allow: ['ViewChannel', 'SendMessages'] },
        ],
      },
    },
    {
      title: 'Private thread ticket',
      config: {
        name: 'ticket-{{ trigger.user.username }}',
        channelType: 'privateThread',
        parentId: '{{ vars.supportChannelId }}',
        members: ['{{ trigger.user.id }}'],
      },
    },
  ],
  check: (config) => {
    const issues: ConfigIssue[] = [];
    const thread = config.channelType === 'privateThread';
    if (thread && config.parentId === undefined)
      issues.push({
        path: '/parentId',
        message: 'A private thread needs the channel to open it in (`parentId`).',
      });
    if (thread && config.permissionOverwrites !== undefined)
      issues.push({
        path: '/permissionOverwrites',
        message: 'Threads take their permissions from their channel; add `members` instead.',
      });
    if (thread && config.topic !== undefined)
      issues.push({ path: '/topic', message: 'Threads have no topic.' });
    if (!thread && config.members !== undefined)
      issues.push({
        path: '/members',
        message:
          '`members` applies to private threads; use permission overwrites for text channels.',
      });
    const overwrites = Array.isArray(config.permissionOverwrites)
      ? (config.permissionOverwrites as unknown[])
      : [];
    overwrites.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null) return;
      const o = raw as { type?: unknown; id?: unknown; allow?: unknown; deny?: unknown };
      if (o.type !== 'everyone' && o.id === undefined)
        issues.push({
          path: `/permissionOverwrites/${i}/id`,
          message: 'Which role or member? (`id`)',
        });
      if (Array.isArray(o.allow) && Array.isArray(o.deny)) {
        const both = (o.allow as unknown[]).filter((p) => (o.deny as unknown[]).includes(p));
        if (both.length > 0)
          issues.push({
            path: `/permissionOverwrites/${i}`,
            message: `Both allowed and denied: ${both.join(', ')}.`,
          });
      }
    });
    return issues;
  },
});
