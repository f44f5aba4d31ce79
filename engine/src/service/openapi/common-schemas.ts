import { Type } from '@sinclair/typebox';

/**
 * Every stable error code the API answers with. Clients branch on these, so they never change
 * meaning; new ones are only added.
 *
 * @example
 * if (body.error.code === 'conflict') reloadAndRetry();
 */
export const ERROR_CODES = [
  'unauthorized',
  'not_found',
  'invalid_json',
  'invalid_request',
  'invalid_document',
  'invalid_graph',
  'unknown_version',
  'unsupported_media_type',
  'payload_too_large',
  'conflict',
  'publish_in_progress',
  'not_a_webhook_graph',
  'graph_disabled',
  'invalid_signature',
  'stale_timestamp',
  'timestamp_required',
  'rate_limited',
  'method_not_allowed',
  'run_not_running',
  'run_not_rerunnable',
  'sandbox_only',
  'not_pinnable',
  'invalid_vars',
  'sign_in_not_configured',
  'sign_in_state_mismatch',
  'sign_in_denied',
  'sign_in_failed',
  'not_a_session',
  'discord_unavailable',
  'sandbox_unavailable',
  'sandbox_refused',
  'stripe_not_configured',
  'stripe_object_owned',
  'stripe_unavailable',
  'billing_off',
  'billing_misconfigured',
  'no_customer',
  'already_on_plan',
  'subscription_exists',
  'plan_limit',
  'admin_only',
  'activation_failed',
  'store_unavailable',
  'temporal_unavailable',
  'internal',
] as const;

/** The error body of every failure: `{ error: { code, message, details? } }`. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(
        ERROR_CODES.map((code) => Type.Literal(code)),
        { description: 'Stable; branch on it.' },
      ),
      message: Type.String({ description: 'What went wrong and what to do, for people.' }),
      details: Type.Optional(
        Type.Array(Type.Unknown(), {
          description:
            'The validation list (invalid_document, invalid_graph), the request problems (invalid_request), the var problems (invalid_vars) or the limit a plan sets (plan_limit).',
        }),
      ),
    }),
  },
  { $id: 'Error' },
);

/** `GET /api/health`. */
export const HealthSchema = Type.Object(
  {
    ok: Type.Boolean(),
    temporal: Type.Boolean(),
    mongo: Type.Boolean(),
    discord: Type.Boolean({
      description:
        'A gateway is running, connected to Discord (or the sandbox) and has loaded its trigger index: events are routed.',
    }),
    details: Type.Object({
      store: Type.Optional(Type.String()),
      discord: Type.Union([Type.Literal('sandbox'), Type.Literal('gateway'), Type.Literal('none')]),
      gateways: Type.Array(
        Type.Object({
          id: Type.String(),
          connected: Type.Boolean(),
          indexLoaded: Type.Boolean(),
        }),
        { description: 'The running gateways (heartbeat within 5 s).' },
      ),
      errors: Type.Record(Type.String(), Type.String()),
    }),
  },
  { $id: 'Health' },
);

/** `GET /api/catalog` (the node catalog; each node type is described in docs/nodes.md). */
export const CatalogSchema = Type.Object(
  {
    groups: Type.Array(Type.String()),
    nodes: Type.Array(
      Type.Object(
        {
          type: Type.String(),
          kind: Type.Union([
            Type.Literal('trigger'),
            Type.Literal('action'),
            Type.Literal('control'),
          ]),
          group: Type.String(),
          title: Type.String(),
          description: Type.String(),
          configSchema: Type.Record(Type.String(), Type.Unknown()),
          outputSchema: Type.Record(Type.String(), Type.Unknown()),
          ports: Type.Object({
            inputs: Type.String(),
            outputs: Type.Array(Type.Record(Type.String(), Type.Unknown())),
            error: Type.Boolean(),
          }),
          ui: Type.Record(Type.String(), Type.Unknown()),
          examples: Type.Array(Type.Unknown()),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { $id: 'Catalog' },
);

/** The answer of `POST …/webhook/rotate`: the new secret, shown this once, and the hook's mode. */
export const WebhookSecretSchema = Type.Object(
  {
    url: Type.String(),
    secret: Type.String(),
    signing: Type.Union([Type.Literal('timestamped'), Type.Literal('body')]),
    replayable: Type.Boolean(),
    warning: Type.Optional(Type.String()),
  },
  { $id: 'WebhookSecret' },
);
