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
}

const GRAPH = '/api/guilds/{guildId}/graphs/{graphId}';
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
      [204, null, 'Deleted; new runs stop, running runs finish.'],
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
      [200, 'GraphResource', 'Published and enabled.'],
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
    answers: [[200, 'GraphResource', 'Disabled (idempotent).'], notFound, stale, activation],
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
    method: 'post',
    path: `${GRAPH}/rollback`,
    summary: 'Make an earlier version the published one',
    description:
      'Re-points the graph to an existing version, enables it and updates its triggers. Running runs keep the version they started with.',
    body: 'RollbackBody',
    etag: true,
    answers: [
      [200, 'GraphResource', 'Rolled back.'],
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
      'The old secret stops working at once; the URL stays. The new secret is shown only in this answer.',
    answers: [
      [200, 'WebhookSecret', 'The new secret.'],
      notFound,
      [409, 'Error', '`not_a_webhook_graph`.'],
    ],
  },
  {
    method: 'post',
    path: `${GRAPH}/runs`,
    summary: 'Start a manual or test run',
    description:
      'Runs the published version; with `draft: true`, or while nothing is published, the current draft (validated first) as version 0. `payload` defaults to a manual trigger’s `samplePayload`.',
    body: 'RunStartBody',
    answers: [
      [202, 'RunStarted', 'Started; follow it at `Location`.'],
      [400, 'Error', '`invalid_graph` (the draft) or `invalid_request`.'],
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
    ],
    answers: [
      [200, 'RunList', 'Newest first. Closed runs are kept 30 days.'],
      [400, 'Error', '`invalid_request`.'],
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
];
