import { notFound, type Operation, temporal } from './operation.js';

/** Runs of a guild (list, detail, live events, rerun, cancel), templates and the audit log. */
export const RUN_OPERATIONS: Operation[] = [
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
          '`graph`: add each template’s graph documents (`graph`, the main one, and `documents`, all of them; their configs read `{{ vars.x }}`), e.g. to draw a preview.',
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
    summary: 'Install a template as new graphs',
    description:
      'Checks `vars` against the template’s parameters (omitted ones take their defaults) and saves each of the template’s graph documents, with the vars filled in, as the draft of a new graph — exactly like `POST …/graphs`. Answers with the main graph’s resource and `installed`, every graph created (a template whose feature starts from several triggers installs several graphs). All or nothing: when one cannot be saved, none is kept. Publish them to turn them on.',
    body: 'TemplateInstallBody',
    etag: true,
    answers: [
      [
        201,
        'TemplateInstallAnswer',
        'Installed as drafts; `Location` and `ETag` are the main graph’s.',
      ],
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
];
