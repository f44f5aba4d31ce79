import { type Operation, temporal } from './operation.js';

/** Inbound webhooks (signed deliveries start runs). */
export const HOOK_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/hooks/{hookId}',
    summary: 'Deliver an inbound webhook (starts a run)',
    description:
      'The URL is the graph resource’s `webhook.url`. No bearer token: the HMAC signature authenticates the request (docs/api/webhooks.md). The published version runs with the payload `{ body, query, headers }` (body parsed as JSON for a JSON content type, else text; signature, authorization and cookie headers removed). A timestamped delivery is accepted once: a copy of it within its 5-minute window (whatever its Idempotency-Key) answers the first run’s id and starts nothing. Checked in this order: hook, size, signature, graph state, copy of an accepted delivery, rate limit, the plan’s monthly runs.',
    public: true,
    rawBody:
      'Any content type, at most 256 kB, uncompressed. The signature covers these exact bytes.',
    headers: [
      {
        name: 'X-Guildflow-Signature',
        required: true,
        description:
          '`sha256=<hex HMAC-SHA256>` keyed with the hook secret, over `<timestamp>.<raw body>` — or over the raw body alone, without X-Guildflow-Timestamp, on a hook switched to body-only signing (replayable).',
      },
      {
        name: 'X-Guildflow-Timestamp',
        description:
          'Unix seconds, covered by the signature; must be within 5 minutes of the server clock. Required unless the hook uses body-only signing.',
      },
      {
        name: 'Idempotency-Key',
        description:
          'Up to 255 characters; a repeated key answers the first delivery’s runId and starts nothing new.',
      },
    ],
    answers: [
      [
        202,
        'HookAccepted',
        'A run of the published version started (or, for a copy of an accepted delivery or a repeated Idempotency-Key, had started).',
      ],
      [
        400,
        'Error',
        '`invalid_json` (JSON content type, body does not parse) or `invalid_request` (Idempotency-Key).',
      ],
      [
        401,
        'Error',
        '`invalid_signature` (missing, malformed or wrong), `timestamp_required` (no X-Guildflow-Timestamp on a timestamped hook) or `stale_timestamp`; nothing started.',
      ],
      [
        402,
        'Error',
        '`plan_limit` (hosted, billing on): the server used its plan’s runs for this month; nothing started.',
      ],
      [404, 'Error', '`not_found`: no hook with this id (or its graph was deleted).'],
      [
        409,
        'Error',
        '`graph_disabled` (not published, or disabled) or `not_a_webhook_graph` (the published trigger is another).',
      ],
      [413, 'Error', '`payload_too_large`: the body is over 256 kB.'],
      [415, 'Error', '`unsupported_media_type`: a compressed (Content-Encoding) body.'],
      [429, 'Error', '`rate_limited`: over this hook’s limit; `Retry-After` says when to retry.'],
      temporal,
    ],
  },
];
