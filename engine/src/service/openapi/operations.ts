/**
 * The implemented routes of the public API, as data: the OpenAPI document is built from this
 * table and the route schemas, and the contract test checks the server against the result.
 */

/** One documented answer: a component schema name (JSON body), or null for no body. */
export type Answer = [status: number, schema: string | null, description: string];

/** One operation of the API. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  /** Component schema of the JSON body. */
  body?: string;
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
  /** Sends and answers `ETag` / `If-Match` (optimistic concurrency). */
  etag?: boolean;
  answers: Answer[];
  /** The operation needs no token. */
  public?: boolean;
  /** Request headers the operation reads (besides Authorization and If-Match). */
  headers?: { name: string; description: string; required?: boolean }[];
  /** The body is taken as raw bytes of any content type, as described here (not a JSON component). */
  rawBody?: string;
  /** The success answer is a `text/event-stream` of these events (name → data component). */
  events?: Record<string, string>;
}

const GRAPH = '/api/guilds/{guildId}/graphs/{graphId}';
const sandboxDown: Answer = [
  503,
  'Error',
  '`sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer.',
];
const notFound: Answer = [
  404,
  'Error',
  '`not_found`: no such graph/run in this guild, or a guild you may not manage (never 403).',
];
const stale: Answer = [
  412,
  'Error',
  '`conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it.',
];
const activation: Answer = [
  503,
  'Error',
  '`activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`.',
];
const signInLimited: Answer = [
  429,
  'Error',
  '`rate_limited`: too many sign-in requests from this address (30 per 10 minutes by default).',
];
const temporal: Answer = [
  503,
  'Error',
  '`temporal_unavailable` or `store_unavailable`; nothing was started or changed.',
];

/**
 * Every operation of the API, in documentation order.
 *
 * @example
 * OPERATIONS.find((o) => o.path === '/api/catalog');
 */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Health of each dependency',
    public: true,
    answers: [
      [200, 'Health', 'Temporal and the store are up.'],
      [503, 'Health', 'Temporal or the store is down (see the booleans).'],
    ],
  },
  {
    method: 'get',
    path: '/api/catalog',
    summary: 'The node catalog',
    answers: [[200, 'Catalog', 'Every node type with its config schema, ports and UI hints.']],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/graphs',
    summary: 'List the graphs of a guild',
    answers: [[200, 'GraphList', 'The live graphs, most recently changed first (drafts omitted).']],
  },
  {
    method: 'post',
    path: '/api/guilds/{guildId}/graphs',
    summary: 'Create a graph from a graph document',
    description:
      'The document becomes the draft. A body that is not a well-formed document answers 400 `invalid_document` with the validation list; a well-formed document with other problems is saved, with them in `issues`. A `trigger.webhook` graph gets its webhook; the answer is the only one that shows its secret.',
    body: 'GraphDocument',
    etag: true,
    answers: [
      [201, 'GraphResource', 'Created; `Location` and `ETag` are set.'],
      [400, 'Error', '`invalid_document` (details: the validation list) or `invalid_json`.'],
      [413, 'Error', '`payload_too_large`: the body is over 1 MB.'],
      [415, 'Error', '`unsupported_media_type`: send JSON.'],
    ],
  },
  {
    method: 'get',
    path: GRAPH,
    summary: 'Read a graph',
    etag: true,
    answers: [[200, 'GraphResource', 'The graph, with its ETag.'], notFound],
  },
  {
    method: 'put',
    path: GRAPH,
    summary: 'Save the draft',
    description:
      'Send `If-Match: "<revision>"` (the ETag you loaded) so a save never overwrites someone else’s; without it the save is unconditional.',
    body: 'GraphDocument',
    etag: true,
    answers: [
      [200, 'GraphResource', 'Saved.'],
      [400, 'Error', '`invalid_document` with the validation list.'],
      notFound,
      stale,
    ],
  },
  {
    method: 'delete',
    path: GRAPH,
    summary: 'Delete a graph',
    etag: true,
    answers: [
      [
        204,
        null,
        'Deleted; new runs stop, running runs finish. For a graph started by Discord events, every running gateway has stopped routing it.',
      ],
      [
        202,
        'DeleteAnswer',
        'Deleted, but a running gateway did not confirm within 3 s that it stopped routing the graph (`routing` says which, and what to do).',
      ],
      notFound,
      stale,
      activation,
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/publish`,
    summary: 'Publish the draft as a new immutable version',
    description:
      'Validates, snapshots version n+1, enables the graph and updates its triggers; on any failure the previous state stays.',
    etag: true,
    answers: [
      [
        200,
        'GraphResource',
        'Published and enabled. For a graph started by Discord events, `routing` says whether every running gateway routes by the new version (publish waits up to 3 s for them).',
      ],
      [400, 'Error', '`invalid_graph`: details is the validation list.'],
      notFound,
      [409, 'Error', '`publish_in_progress`: another publish of this graph is running.'],
      stale,
      activation,
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/disable`,
    summary: 'Disable a graph',
    etag: true,
    answers: [
      [
        200,
        'GraphResource',
        'Disabled (idempotent); `routing` says whether every running gateway has stopped routing it.',
      ],
      notFound,
      stale,
      activation,
    ],
  },
  {
    method: 'get',
    path: `${GRAPH}/versions`,
    summary: 'List the published versions',
    answers: [[200, 'VersionList', 'Newest first.'], notFound],
  },
  {
    method: 'get',
    path: `${GRAPH}/versions/{version}`,
    summary: 'Read one published version',
    answers: [[200, 'VersionDetail', 'The immutable snapshot.'], notFound],
  },
  {
    method: 'get',
    path: `${GRAPH}/preflight`,
    summary: 'Preflight: what may fail once the graph runs in this guild',
    description:
      'Warnings before publishing (never blocking): the bot lacks a permission a node needs (guild-level from its roles, and channel overwrites for a literal channel), a role to give or take sits at or above the bot’s highest role, a message channel is not a text channel or does not exist, a message can exceed Discord’s limits once rendered, a `discord.reply` comes after more than 15 minutes of waiting. The guild is read as the bot; when it cannot be, the graph-only warnings answer with `discord: "unavailable"` and `discordError`. Slash commands are always deferred by the gateway before the run starts, so no “3 s without deferral” warning exists. See docs/api/README.md, Preflight.',
    query: [
      {
        name: 'version',
        description: 'A published version to check; without it, the draft.',
        schema: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' },
      },
    ],
    answers: [
      [200, 'PreflightReport', 'The warnings, each naming its node and field and what to do.'],
      [400, 'Error', '`invalid_request`: `version` is not a positive whole number.'],
      [
        404,
        'Error',
        '`not_found`: no such graph or version in this guild, or a guild you may not manage.',
      ],
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/rollback`,
    summary: 'Make an earlier version the published one',
    description:
      'Re-points the graph to an existing version, enables it and updates its triggers. Running runs keep the version they started with.',
    body: 'RollbackBody',
    etag: true,
    answers: [
      [200, 'GraphResource', 'Rolled back; `routing` as for publish.'],
      [400, 'Error', '`unknown_version` or `invalid_request`.'],
      notFound,
      stale,
      activation,
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/webhook/rotate`,
    summary: 'Create or rotate the webhook secret',
    description:
      'The old secret stops working at once; the URL and the signing mode stay. The new secret is shown only in this answer.',
    answers: [
      [200, 'WebhookSecret', 'The new secret, with the hook’s signing mode.'],
      notFound,
      [409, 'Error', '`not_a_webhook_graph`.'],
    ],
  },
  {
    method: 'put',
    path: `${GRAPH}/webhook`,
    summary: 'Set how the webhook’s deliveries are signed',
    description:
      '`timestamped` (the default): HMAC of `<timestamp>.<raw body>`, fresh within 5 minutes, each delivery accepted once. `body`: HMAC of the raw body alone, for senders that cannot sign a timestamp — a captured delivery can then be replayed, and the answer (like the graph resource) says so with `replayable: true` and a `warning`. Takes effect at once; audited as `webhook.signing`.',
    body: 'WebhookSettingsBody',
    answers: [
      [
        200,
        'WebhookInfo',
        'The hook as it is now (its secret only if this call created the hook).',
      ],
      [400, 'Error', '`invalid_request`: `signing` must be `timestamped` or `body`.'],
      notFound,
      [409, 'Error', '`not_a_webhook_graph`.'],
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/runs`,
    summary: 'Start a manual or test run',
    description:
      'Runs the published version; with `draft: true`, or while nothing is published, the current draft (validated first) as version 0. A draft runs in the sandbox only: `simulate` defaults to true for it and `false` is refused (publish to run it on the server). Simulated runs use the graph’s pins (…/pins) unless `pins: false`; other runs never do. `payload` defaults to a manual trigger’s `samplePayload`.',
    body: 'RunStartBody',
    answers: [
      [202, 'RunStarted', 'Started; follow it at `Location`.'],
      [
        400,
        'Error',
        '`invalid_graph` (the draft), `sandbox_only` (a draft with `simulate: false`) or `invalid_request` (e.g. `pins: true` on a run that is not simulated).',
      ],
      notFound,
      temporal,
    ],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/runs',
    summary: 'List runs (from Temporal visibility)',
    query: [
      { name: 'graphId', description: 'Only this graph’s runs.', schema: { type: 'string' } },
      {
        name: 'status',
        description: 'running, completed, failed, cancelled, terminated or timed_out.',
        schema: { type: 'string' },
      },
      { name: 'limit', description: '1–200, default 50.', schema: { type: 'integer' } },
      {
        name: 'cursor',
        description:
          'The `nextCursor` of the previous page, with the same `graphId` and `status` (opaque).',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [
        200,
        'RunPage',
        'Newest first (running runs, then by end), one page; `nextCursor` is null on the last. Closed runs are kept 30 days.',
      ],
      [
        400,
        'Error',
        '`invalid_request`: a bad filter, or a cursor this API did not give or gave for other filters.',
      ],
      temporal,
    ],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/runs/{runId}',
    summary: 'A run node by node',
    answers: [
      [
        200,
        'RunDetail',
        'Steps from the running workflow, its result, or a replay of the closed workflow.',
      ],
      notFound,
      temporal,
    ],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/runs/{runId}/events',
    summary: 'Follow a run live (server-sent events)',
    description:
      'A `text/event-stream`: `run` first (the run as `GET …/runs/{runId}` answers it), then `step` with the whole step list each time it changes (within a second: one watcher per run per service process long-polls its history and reads the steps only when a workflow task completed), then `end` with the closing status, and the stream closes. A comment line every 15 s keeps proxies from closing an idle stream. `error` (`watch_failed`) ends a stream that lost Temporal for good: reconnect. A finished run answers `run` and `end` at once. Errors before the stream starts (404, 503) are JSON.',
    events: { run: 'RunDetail', step: 'RunStepEvent', end: 'RunEndEvent' },
    answers: [[200, null, 'The event stream.'], notFound, temporal],
  },
  {
    method: 'post',
    path: '/api/guilds/{guildId}/runs/{runId}/rerun',
    summary: 'Run a run again',
    description:
      'Starts a new run with what this one was started with: the same graph version (a test run: the same draft snapshot), trigger payload and options (`simulate`, `timeScale`, pins). The interaction of a slash command or button is not kept.',
    answers: [
      [202, 'RunStarted', 'Started.'],
      notFound,
      [409, 'Error', '`run_not_rerunnable`: not started by Guildflow’s interpreter.'],
      temporal,
    ],
  },
  {
    method: 'post',
    path: '/api/guilds/{guildId}/runs/{runId}/cancel',
    summary: 'Cancel a running run',
    answers: [
      [202, 'RunCancelRequested', 'Cancellation requested.'],
      notFound,
      [409, 'Error', '`run_not_running`.'],
      temporal,
    ],
  },
  {
    method: 'get',
    path: '/api/templates',
    summary: 'List the prebuilt templates',
    query: [
      {
        name: 'include',
        description:
          '`graph`: add each template’s graph document (its configs read `{{ vars.x }}`), e.g. to draw a preview.',
        schema: { type: 'string', enum: ['graph'] },
      },
    ],
    answers: [
      [200, 'TemplateList', 'Every template with the JSON Schema of the vars its install takes.'],
      [400, 'Error', '`invalid_request`: `include` is not `graph`.'],
    ],
  },
  {
    method: 'post',
    path: '/api/guilds/{guildId}/templates/{templateId}/install',
    summary: 'Install a template as a new graph',
    description:
      'Checks `vars` against the template’s parameters (omitted ones take their defaults) and saves the template’s graph document, with the vars filled in, as the draft of a new graph — exactly like `POST …/graphs`. Publish it to turn it on.',
    body: 'TemplateInstallBody',
    etag: true,
    answers: [
      [201, 'GraphResource', 'Installed as a draft; `Location` and `ETag` are set.'],
      [
        400,
        'Error',
        '`invalid_vars` (details: `{ var, path, message }` per problem), `invalid_request` or `invalid_json`.',
      ],
      [404, 'Error', '`not_found`: no template with that id.'],
      [415, 'Error', '`unsupported_media_type`: send JSON.'],
    ],
  },
  {
    method: 'get',
    path: '/api/guilds/{guildId}/audit',
    summary: 'The guild’s audit log',
    query: [
      { name: 'graphId', description: 'Only this graph’s entries.', schema: { type: 'string' } },
      { name: 'limit', description: '1–500, default 100.', schema: { type: 'integer' } },
    ],
    answers: [
      [200, 'AuditList', 'Who changed what and when, newest first.'],
      [400, 'Error', '`invalid_request`.'],
    ],
  },
  {
    method: 'post',
    path: '/hooks/{hookId}',
    summary: 'Deliver an inbound webhook (starts a run)',
    description:
      'The URL is the graph resource’s `webhook.url`. No bearer token: the HMAC signature authenticates the request (docs/api/webhooks.md). The published version runs with the payload `{ body, query, headers }` (body parsed as JSON for a JSON content type, else text; signature, authorization and cookie headers removed). A timestamped delivery is accepted once: a copy of it within its 5-minute window (whatever its Idempotency-Key) answers the first run’s id and starts nothing. Checked in this order: hook, size, signature, graph state, copy of an accepted delivery, rate limit.',
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
  {
    method: 'get',
    path: '/auth/discord',
    summary: 'Start signing in with Discord',
    description:
      'A browser navigation, not an API call: sets a short-lived HttpOnly SameSite=Lax `state` cookie and redirects to Discord’s consent page (scopes `identify guilds`). See docs/api/README.md, Signing in.',
    public: true,
    answers: [
      [302, null, 'To Discord’s consent page.'],
      signInLimited,
      [
        501,
        'Error',
        '`sign_in_not_configured`: set DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and GUILDFLOW_PUBLIC_URL.',
      ],
    ],
  },
  {
    method: 'get',
    path: '/auth/discord/callback',
    summary: 'Finish signing in with Discord (the redirect URI)',
    description:
      'Where Discord sends the browser back. Checks `state` against the cookie, exchanges the code, reads the user and their guilds (owner, Manage Server or Administrator) and creates a session, then redirects to `/login#token=<session token>`. Failures create no session; browsers (Accept: text/html) get an HTML page, other clients the JSON error.',
    public: true,
    query: [
      { name: 'code', description: 'The authorization code.', schema: { type: 'string' } },
      { name: 'state', description: 'Must match the state cookie.', schema: { type: 'string' } },
      {
        name: 'error',
        description: 'Set by Discord instead of a code, e.g. `access_denied`.',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [302, null, 'Signed in: to `/login#token=…` (the token stays in the fragment).'],
      [
        400,
        'Error',
        '`sign_in_state_mismatch` (not started in this browser, or too old), `sign_in_failed` (code expired or used) or `invalid_request`.',
      ],
      [403, 'Error', '`sign_in_denied`: the user cancelled on Discord.'],
      signInLimited,
      [501, 'Error', '`sign_in_not_configured`.'],
      [
        502,
        'Error',
        '`sign_in_failed`: Discord refused the client credentials or could not be reached.',
      ],
    ],
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'Who the token belongs to',
    answers: [[200, 'Session', 'The admin, or the signed-in user and the guilds they manage.']],
  },
  {
    method: 'post',
    path: '/api/session/end',
    summary: 'Sign out',
    answers: [
      [204, null, 'The session token stops working at once.'],
      [409, 'Error', '`not_a_session`: the admin token cannot be signed out.'],
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox',
    summary: 'The sandbox guilds',
    description:
      'The Discord sandbox’s guilds with their channels, roles and members (one shared playground with made-up members: every signed-in caller may use it).',
    answers: [[200, 'Sandbox', 'The guilds and the bot’s user id.'], sandboxDown],
  },
  {
    method: 'post',
    path: '/api/sandbox/events',
    summary: 'Inject member activity into the sandbox',
    description:
      '`type` is a trigger name without its prefix: `memberJoined { user: { username } }`, `memberLeft { userId }`, `messageCreated { channelId, userId, content }`, `reactionAdded { channelId, messageId, userId, emoji }`, `buttonClicked { channelId, messageId, userId, customId }`, `slashCommand { channelId, userId, name, options }`. The gateway delivers it like Discord, so published graphs run.',
    body: 'SandboxEvent',
    answers: [
      [200, 'SandboxEventResult', 'Injected.'],
      [
        400,
        'Error',
        '`invalid_request` (unknown type: the message lists the types) or `invalid_json`.',
      ],
      [404, 'Error', '`not_found`: no such guild, channel, member or message in the sandbox.'],
      [
        409,
        'Error',
        '`sandbox_refused`: Discord would not let the member do this (permissions, timeout).',
      ],
      [415, 'Error', '`unsupported_media_type`: send JSON.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/commands',
    summary: 'The slash commands of a sandbox guild',
    description:
      'What the bot registered there (published `trigger.slashCommand` graphs), with the options members fill in — for forms that run a command as a member (POST /api/sandbox/events, type `slashCommand`).',
    query: [
      { name: 'guildId', description: 'The sandbox guild (required).', schema: { type: 'string' } },
    ],
    answers: [
      [200, 'SandboxCommandList', 'In registration order.'],
      [400, 'Error', '`invalid_request`: no guild id.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/messages',
    summary: 'What the bot posted in the sandbox',
    query: [
      { name: 'guildId', description: 'Only this guild.', schema: { type: 'string' } },
      { name: 'channelId', description: 'Only this channel.', schema: { type: 'string' } },
      {
        name: 'dmUserId',
        description: 'Only the bot’s DMs with this user.',
        schema: { type: 'string' },
      },
      {
        name: 'authors',
        description: '`bot` (default) or `all` (members’ messages too).',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [200, 'SandboxMessageList', 'In creation order.'],
      [400, 'Error', '`invalid_request`.'],
      [404, 'Error', '`not_found`: no such guild or channel.'],
      sandboxDown,
    ],
  },
  {
    method: 'get',
    path: '/api/sandbox/guilds/{guildId}/members/{userId}',
    summary: 'A sandbox member’s state',
    answers: [
      [200, 'SandboxMember', 'Roles, timeout, ban and kick.'],
      [400, 'Error', '`invalid_request`: ids are digits.'],
      [404, 'Error', '`not_found`: never a member of that guild.'],
      sandboxDown,
    ],
  },
  {
    method: 'put',
    path: '/api/guilds/{guildId}/stripe/objects/{objectId}',
    summary: 'Record a Stripe object for a guild (operator only)',
    description:
      'Records that the guild owns a Stripe customer (cus_…), subscription (sub_…) or checkout session (cs_…) made outside Guildflow, so its events reach the guild’s `trigger.stripeEvent` graphs and its Stripe actions may use it. Objects Guildflow creates are recorded by themselves. Admin token only; an owner is never replaced. Audited as `stripe.record`.',
    answers: [
      [201, 'StripeObject', 'Recorded.'],
      [200, 'StripeObject', 'Already recorded for this guild.'],
      [400, 'Error', '`invalid_request`: not a cus_, sub_ or cs_ id.'],
      [403, 'Error', '`admin_only`: only the admin token records Stripe objects.'],
      notFound,
      [409, 'Error', '`stripe_object_owned`: another guild owns it.'],
    ],
  },
  {
    method: 'post',
    path: '/stripe/webhook',
    summary: 'Stripe’s webhook endpoint (starts trigger.stripeEvent graphs)',
    description:
      'Register this URL in Stripe and set STRIPE_WEBHOOK_SECRET to its signing secret. Each verified event starts every published `trigger.stripeEvent` graph whose event list matches, of the guild that owns the event’s object as Guildflow recorded it (the object itself, else its customer, subscription or checkout session) — never by `metadata.guildId`. The run id is `stripe_<event id>_<graph id>` (a redelivery starts nothing twice). An event no recorded object vouches for starts nothing (logged as unattributed) and is still answered 200.',
    public: true,
    rawBody: 'The Stripe event JSON exactly as Stripe sent it; the signature covers these bytes.',
    headers: [
      {
        name: 'Stripe-Signature',
        required: true,
        description: 'Stripe’s signature header (`t=…,v1=…`).',
      },
    ],
    answers: [
      [200, 'StripeWebhookReceived', 'Verified; `runs` says how many runs this delivery started.'],
      [400, 'Error', '`invalid_signature`: missing or wrong signature; nothing started.'],
      [
        429,
        'Error',
        '`rate_limited`: too many deliveries from this address (600 a minute by default); nothing started, Stripe delivers again.',
      ],
      [
        503,
        'Error',
        '`stripe_not_configured` (no STRIPE_WEBHOOK_SECRET), `temporal_unavailable` or `store_unavailable` (Stripe delivers again).',
      ],
    ],
  },
];
