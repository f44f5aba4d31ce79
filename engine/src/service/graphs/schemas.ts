import { Type, type Static } from '@sinclair/typebox';
import type { GraphDocument } from '../../core/index.js';

// A graph document (docs/graph-format.md); its JSON Schema is the core's GraphDocumentSchema, published as
// the `GraphDocument` component.
const GraphDocumentRef = Type.Unsafe<GraphDocument>(Type.Ref('GraphDocument'));

/**
 * One problem of a graph document (the core's validation list entry).
 *
 * @example
 * { nodeId: 'greet', path: 'nodes[1].config.channelId', code: 'invalid_config', message: 'channelId is required' }
 */
export const ValidationIssueSchema = Type.Object(
  {
    nodeId: Type.Optional(Type.String()),
    edgeId: Type.Optional(Type.String()),
    path: Type.String(),
    code: Type.String(),
    message: Type.String(),
  },
  { $id: 'ValidationIssue' },
);

/**
 * How deliveries to a hook are signed: `timestamped` (the default) or `body` (replayable).
 *
 * @example
 * { signing: 'body' }
 */
export const WebhookSigningSchema = Type.Union(
  [Type.Literal('timestamped'), Type.Literal('body')],
  {
    description:
      '`timestamped`: HMAC of `<timestamp>.<raw body>`, fresh within 5 minutes, each delivery accepted once. `body`: HMAC of the raw body alone, for senders that cannot sign a timestamp — a captured delivery can be replayed.',
  },
);

/**
 * The inbound webhook of a `trigger.webhook` graph. `secret` appears only in the answer that
 * created or rotated it: it is never shown again (rotate to get a new one). `replayable` is true
 * (with a `warning`) when the hook takes body-only signatures.
 *
 * @example
 * { url: 'http://localhost:3000/hooks/wh_…', secret: 'whsec_…', signing: 'timestamped', replayable: false }
 */
export const WebhookInfoSchema = Type.Object(
  {
    url: Type.String(),
    secret: Type.Optional(
      Type.String({ description: 'Shown once, when the hook is created or rotated.' }),
    ),
    signing: WebhookSigningSchema,
    replayable: Type.Boolean({
      description:
        'True when a captured delivery can be sent again and start another run (body-only signing).',
    }),
    warning: Type.Optional(
      Type.String({ description: 'Present when replayable: what that means and how to fix it.' }),
    ),
  },
  { $id: 'WebhookInfo' },
);

/**
 * Body of `PUT …/webhook`: the hook's signing mode.
 *
 * @example
 * { signing: 'body' }
 */
export const WebhookSettingsBodySchema = Type.Object(
  { signing: WebhookSigningSchema },
  { additionalProperties: false, $id: 'WebhookSettingsBody' },
);

/**
 * Whether the gateways route by a publish, rollback, disable or delete when the API answers.
 *
 * @example
 * { live: true, gateways: [{ id: 'host-42-a1b2c3', confirmed: true }] }
 */
export const RoutingConfirmationSchema = Type.Object(
  {
    live: Type.Boolean({
      description:
        'Every running gateway routes Discord events by this change now (checked before answering).',
    }),
    gateways: Type.Array(Type.Object({ id: Type.String(), confirmed: Type.Boolean() })),
    message: Type.Optional(
      Type.String({
        description: 'What is not in effect yet and what to do (when `live` is false).',
      }),
    ),
  },
  {
    $id: 'RoutingConfirmation',
    description:
      'Present on the answers of publish, rollback, disable and delete for graphs whose trigger the gateways route (Discord events).',
  },
);

/**
 * The answer of a delete that no running gateway has confirmed yet (202): the graph is deleted,
 * but a gateway may still route its events for a moment.
 *
 * @example
 * { routing: { live: false, gateways: [{ id: 'host-42-a1b2c3', confirmed: false }], message: '…' } }
 */
export const DeleteAnswerSchema = Type.Object(
  { routing: Type.Ref('RoutingConfirmation') },
  { $id: 'DeleteAnswer' },
);

/**
 * The graph resource (docs/api/openapi.json: `Graph`), plus its revision (also its ETag), times and,
 * after publish, rollback or disable, whether the gateways route by it.
 *
 * @example
 * { id: 'g_…', guildId: '123', name: 'Welcome', enabled: true, draft: {…}, issues: [], publishedVersion: 2, revision: 5, … }
 */
export const GraphResourceSchema = Type.Object(
  {
    id: Type.String(),
    guildId: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    draft: GraphDocumentRef,
    issues: Type.Array(Type.Ref('ValidationIssue')),
    publishedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    webhook: Type.Optional(Type.Ref('WebhookInfo')),
    revision: Type.Integer({
      minimum: 1,
      description: 'Bumped by every change; sent as the ETag.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    routing: Type.Optional(Type.Ref('RoutingConfirmation')),
  },
  { $id: 'GraphResource' },
);

/**
 * One row of the graph list: the resource without its draft.
 *
 * @example
 * { id: 'g_…', guildId: '123', name: 'Welcome', enabled: true, triggerType: 'trigger.memberJoined', … }
 */
export const GraphSummarySchema = Type.Object(
  {
    id: Type.String(),
    guildId: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    triggerType: Type.Union([Type.String(), Type.Null()]),
    issueCount: Type.Integer({ minimum: 0 }),
    publishedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    revision: Type.Integer({ minimum: 1 }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'GraphSummary' },
);

/** `GET /api/guilds/:guildId/graphs`. */
export const GraphListSchema = Type.Object(
  { graphs: Type.Array(Type.Ref('GraphSummary')) },
  { $id: 'GraphList' },
);

/** One published version in the version list. */
export const VersionSummarySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    publishedBy: Type.String(),
    publishedAt: Type.String({ format: 'date-time' }),
    current: Type.Boolean({ description: 'True for the version new runs use (publishedVersion).' }),
  },
  { $id: 'VersionSummary' },
);

/** `GET …/graphs/:graphId/versions`, newest first. */
export const VersionListSchema = Type.Object(
  {
    publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
    versions: Type.Array(Type.Ref('VersionSummary')),
  },
  { $id: 'VersionList' },
);

/** `GET …/graphs/:graphId/versions/:version`: one immutable snapshot. */
export const VersionDetailSchema = Type.Object(
  {
    graphId: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    publishedBy: Type.String(),
    publishedAt: Type.String({ format: 'date-time' }),
    document: GraphDocumentRef,
  },
  { $id: 'VersionDetail' },
);

/**
 * Body of `POST …/rollback`.
 *
 * @example
 * { version: 1 }
 */
export const RollbackBodySchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false, $id: 'RollbackBody' },
);
export type RollbackBody = Static<typeof RollbackBodySchema>;

/** One audit entry as the API shows it. */
export const AuditEntrySchema = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    actor: Type.Object({
      kind: Type.Union([Type.Literal('admin'), Type.Literal('user')]),
      id: Type.String(),
    }),
    action: Type.String(),
    graphId: Type.Union([Type.String(), Type.Null()]),
    runId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditEntry' },
);

/** `GET /api/guilds/:guildId/audit`, newest first. */
export const AuditListSchema = Type.Object(
  { entries: Type.Array(Type.Ref('AuditEntry')) },
  { $id: 'AuditList' },
);

/** Query of the audit list. */
export const AuditQuerySchema = Type.Object(
  {
    graphId: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
