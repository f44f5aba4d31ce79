import { Type, type Static } from '@sinclair/typebox';
import { GRAPH_ID_PATTERN } from '../storage/ids.js';

/**
 * Body of `POST …/graphs/:graphId/runs`.
 *
 * @example
 * { payload: { member: { id: '1' } }, simulate: true, timeScale: 3600 }
 */
export const RunStartBodySchema = Type.Object(
  {
    payload: Type.Optional(
      Type.Unknown({
        description: 'The trigger payload; defaults to a manual trigger’s samplePayload, else {}.',
      }),
    ),
    simulate: Type.Optional(
      Type.Boolean({
        description:
          'Run against the sandbox guild. A run of the draft is always simulated: omitted means true, and false answers 400 `sandbox_only` (publish to run it on the server). A run of the published version is live unless true.',
      }),
    ),
    timeScale: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 1_000_000,
        description: 'Every wait is divided by this.',
      }),
    ),
    draft: Type.Optional(
      Type.Boolean({
        description:
          'Test-run the current draft (version 0, in the sandbox) even when a version is published.',
      }),
    ),
    pins: Type.Optional(
      Type.Boolean({
        description:
          'Use the graph’s pinned data (GET …/pins): pinned nodes are not executed, their step shows the pinned output with `pinned: true`. Default true for simulated runs; true with a run that is not simulated answers 400.',
      }),
    ),
  },
  { additionalProperties: false, $id: 'RunStartBody' },
);
export type RunStartBody = Static<typeof RunStartBodySchema>;

/** Answer of `POST …/runs`. */
export const RunStartedSchema = Type.Object(
  { runId: Type.String(), graphId: Type.String(), version: Type.Integer({ minimum: 0 }) },
  { $id: 'RunStarted' },
);

/**
 * The run statuses of the API (docs/execution.md).
 *
 * @example
 * RUN_STATUSES.includes('running'); // true
 */
export const RUN_STATUSES = [
  'running',
  'completed',
  'failed',
  'cancelled',
  'terminated',
  'timed_out',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
const RunStatusSchema = Type.Union(RUN_STATUSES.map((s) => Type.Literal(s)));

/** Query of `GET /api/guilds/:guildId/runs`. */
export const RunListQuerySchema = Type.Object(
  {
    graphId: Type.Optional(Type.String({ pattern: GRAPH_ID_PATTERN })),
    status: Type.Optional(RunStatusSchema),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4096,
        pattern: '^[A-Za-z0-9_-]+$',
        description: 'The `nextCursor` of the previous page (same filters).',
      }),
    ),
  },
  { additionalProperties: false },
);

const summary = {
  runId: Type.String(),
  graphId: Type.String(),
  version: Type.Integer({ minimum: 0, description: '0 for a test run of a draft.' }),
  status: RunStatusSchema,
  triggerType: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  durationMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'From start to end in ms; null while the run goes.',
  }),
};

/** One row of the run list. */
export const RunSummarySchema = Type.Object(summary, { $id: 'RunSummary' });

/** `GET /api/guilds/:guildId/runs/latest`: runs without paging. */
export const RunListSchema = Type.Object(
  { runs: Type.Array(Type.Ref('RunSummary')) },
  { $id: 'RunList' },
);

/** `GET /api/guilds/:guildId/runs`, newest first, one page. */
export const RunPageSchema = Type.Object(
  {
    runs: Type.Array(Type.Ref('RunSummary')),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page (same filters); null on the last page.',
    }),
  },
  { $id: 'RunPage' },
);

/** What a waiting step waits for (the interpreter's StepWait); kept once the wait ended. */
export const StepWaitSchema = Type.Object(
  {
    until: Type.String({
      format: 'date-time',
      description: 'When the wait ends at the latest, in real time (after the run’s timeScale).',
    }),
    untilUncompressed: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When it would end at timeScale 1; only on runs with a timeScale.',
      }),
    ),
    for: Type.Union(
      ['delay', 'event', 'collect'].map((s) => Type.Literal(s)),
      {
        description:
          '`delay`: a timer (flow.delay); `event`: one Discord event or the timeout (flow.waitFor); `collect`: a collection window (flow.collect).',
      },
    ),
    event: Type.Optional(
      Type.Object(
        {
          type: Type.Union(['button', 'reaction', 'reply'].map((s) => Type.Literal(s))),
          messageId: Type.String(),
          customId: Type.Optional(Type.String()),
          emoji: Type.Optional(Type.String()),
          userId: Type.Optional(Type.String({ description: 'Only from this user.' })),
        },
        { description: 'The Discord event awaited or collected, on which message.' },
      ),
    ),
  },
  { $id: 'StepWait' },
);

/** One step of a run's log (the interpreter's StepLog). */
export const StepSchema = Type.Object(
  {
    nodeId: Type.String(),
    iteration: Type.Optional(Type.String()),
    status: Type.Union(
      ['running', 'waiting', 'completed', 'failed', 'skipped'].map((s) => Type.Literal(s)),
    ),
    startedAt: Type.String(),
    endedAt: Type.Optional(Type.String()),
    input: Type.Optional(Type.Unknown()),
    output: Type.Optional(Type.Unknown()),
    port: Type.Optional(Type.String()),
    error: Type.Optional(
      Type.Object({ code: Type.String(), message: Type.String(), retryable: Type.Boolean() }),
    ),
    pinned: Type.Optional(
      Type.Literal(true, {
        description: 'The node was not executed: its output is pinned test data (simulated runs).',
      }),
    ),
    wait: Type.Optional(Type.Ref('StepWait')),
  },
  { $id: 'Step' },
);

/** `GET /api/guilds/:guildId/runs/:runId`. */
export const RunDetailSchema = Type.Object(
  {
    ...summary,
    steps: Type.Array(Type.Ref('Step')),
    droppedSteps: Type.Integer({ minimum: 0 }),
    error: Type.Optional(
      Type.Object(
        { code: Type.String(), message: Type.String() },
        { description: 'Why the run did not complete.' },
      ),
    ),
    stepsError: Type.Optional(
      Type.String({ description: 'Why the step log could not be read (the list is then empty).' }),
    ),
  },
  { $id: 'RunDetail' },
);

/** Answer of `POST /api/guilds/:guildId/runs/:runId/cancel`. */
export const RunCancelledSchema = Type.Object(
  { runId: Type.String(), cancelRequested: Type.Literal(true) },
  { $id: 'RunCancelRequested' },
);

/** Data of a `step` event of `GET …/runs/:runId/events`: the whole step list, after a change. */
export const RunStepEventSchema = Type.Object(
  {
    steps: Type.Array(Type.Ref('Step')),
    droppedSteps: Type.Integer({ minimum: 0 }),
    changedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description:
        'When the workflow changed the steps (its history event time): compare with the arrival time for the update latency.',
    }),
  },
  { $id: 'RunStepEvent' },
);

/** Data of the `end` event of `GET …/runs/:runId/events`: how the run closed. */
export const RunEndEventSchema = Type.Object(
  {
    status: RunStatusSchema,
    endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    durationMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  },
  { $id: 'RunEndEvent' },
);
