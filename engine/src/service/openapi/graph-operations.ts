import { activation, GRAPH, notFound, type Operation, stale, temporal } from './operation.js';

/** Health, the catalog, graphs and their lifecycle: drafts, publishing, versions, preflight, rollback, webhooks and runs of one graph. */
export const GRAPH_OPERATIONS: Operation[] = [
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
];
