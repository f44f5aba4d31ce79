import { Type } from '@sinclair/typebox';

/** Query of `GET …/graphs/:graphId/preflight`: a published version, or (without it) the draft. */
export const PreflightQuerySchema = Type.Object(
  {
    version: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,8}$',
        description: 'A published version to check instead of the draft.',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * One preflight warning.
 *
 * @example
 * { code: 'role_above_bot', severity: 'warning', nodeId: 'give', field: '/roleId', message: '…' }
 */
export const PreflightWarningSchema = Type.Object(
  {
    code: Type.Union(
      [
        Type.Literal('bot_missing_permission'),
        Type.Literal('role_above_bot'),
        Type.Literal('channel_not_text'),
        Type.Literal('message_may_exceed_limit'),
        Type.Literal('reply_after_interaction_window'),
      ],
      { description: 'What may go wrong (docs/api/README.md, Preflight).' },
    ),
    severity: Type.Literal('warning', {
      description: 'Warnings never block publishing: the graph may still be right.',
    }),
    nodeId: Type.Optional(Type.String({ description: 'The node concerned.' })),
    field: Type.Optional(
      Type.String({ description: 'JSON pointer into the node’s config, e.g. `/roleId`.' }),
    ),
    message: Type.String({ description: 'What may fail and what to do about it.' }),
  },
  { $id: 'PreflightWarning', additionalProperties: false },
);

/**
 * `GET …/graphs/:graphId/preflight`.
 *
 * @example
 * { checkedAt: '2026-12-02T22:00:00.000Z', discord: 'checked', warnings: [] }
 */
export const PreflightReportSchema = Type.Object(
  {
    checkedAt: Type.String({ format: 'date-time' }),
    version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'The version checked; null for the draft.',
    }),
    discord: Type.Union([Type.Literal('checked'), Type.Literal('unavailable')], {
      description:
        '`checked`: the guild was read as the bot and its warnings are included. `unavailable`: only the graph-only warnings; `discordError` says why.',
    }),
    discordError: Type.Optional(
      Type.String({
        description:
          'Why the guild could not be read, and that permissions, roles and channels were not checked.',
      }),
    ),
    warnings: Type.Array(Type.Ref('PreflightWarning')),
  },
  { $id: 'PreflightReport', additionalProperties: false },
);
