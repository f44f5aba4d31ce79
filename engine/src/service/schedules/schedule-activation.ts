import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
  type WorkflowStartOptions,
} from '@temporalio/client';
import {
  INTERPRETER_VERSION,
  TASK_QUEUE,
  SEARCH_ATTRIBUTE_KEYS,
  runPriority,
  runSearchAttributes,
  type GraphRunInput,
  type GraphSnapshot,
} from '../../interpreter/contract.js';
import type { ActivatedGraph, ActivationHooks } from '../graphs/activation.js';
import { log } from '../log.js';
import { triggerConfigOf } from '../router/router-activation.js';
import { scheduleTiming, type ScheduleTiming } from './schedule-spec.js';
import { graphWorkflow } from '../../interpreter/workflows.js';

/** What the schedule hooks need. */
export interface ScheduleActivationOptions {
  client: Client;
  /** The task queue of the graph workers (default `guildflow`). */
  taskQueue?: string | undefined;
  /** Deadline of each Temporal call (default 10 s), so an outage fails the publish instead of hanging it. */
  timeoutMs?: number | undefined;
  /** The clock, for deciding whether an `at` date is past (tests). */
  now?: () => Date;
}

/**
 * A missed action (Temporal was down at the time) still starts if Temporal is back within this
 * window; older ones are dropped rather than run in a burst.
 *
 * @example
 * policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: SCHEDULE_CATCHUP_WINDOW }
 */
export const SCHEDULE_CATCHUP_WINDOW = '10m';

/**
 * The Temporal Schedule id of a graph.
 *
 * @example
 * scheduleIdOf('g_abc'); // 'sched_g_abc'
 */
export function scheduleIdOf(graphId: string): string {
  return `sched_${graphId}`;
}

/**
 * Activation hooks that keep one Temporal Schedule per `trigger.schedule` graph,
 * `sched_<graphId>`, in line with its live version: activate creates or replaces it (cron in its
 * time zone, interval, or a one-shot date; overlap SKIP) so that it starts `graphWorkflow` with
 * the pinned snapshot; a live version with another trigger, an `at` date already past, and
 * deactivate delete it. All idempotent. The trigger payload stays `{}`: the interpreter fills
 * `scheduledAt` from the schedule's start time.
 *
 * @example
 * const activation = composeActivation(
 *   routerActivation(() => openStore(mongo)),
 *   scheduleActivation({ client: temporal.client, taskQueue: deps.taskQueue }),
 * );
 */
export function scheduleActivation(options: ScheduleActivationOptions): ActivationHooks {
  const { client } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const call = <T>(fn: () => Promise<T>) =>
    client.connection.withDeadline(Date.now() + timeoutMs, fn);
  const remove = (graph: ActivatedGraph) => call(() => deleteSchedule(client, graph.id));

  return {
    activate: async (graph, snapshot) => {
      const { type, config } = triggerConfigOf(snapshot);
      // The trigger type changed (or never was a schedule): no schedule may outlive it.
      if (type !== 'trigger.schedule') return remove(graph);
      const timing = scheduleTiming(config, options.now?.() ?? new Date());
      if (timing.kind === 'past') {
        log('warn', 'schedule.date_past', {
          graphId: graph.id,
          guildId: graph.guildId,
          version: snapshot.version,
          at: timing.at.toISOString(),
          hint: 'The schedule trigger’s `at` date has passed, so this version will not run; publish a future date to schedule it.',
        });
        return remove(graph);
      }
      const schedule = scheduleOptions(graph, snapshot, timing, options.taskQueue ?? TASK_QUEUE);
      await call(() => upsertSchedule(client, schedule));
      log('info', 'schedule.activated', {
        graphId: graph.id,
        version: snapshot.version,
        timing: timing.summary,
      });
    },
    deactivate: remove,
  };
}

/** The full description of a graph's schedule for one live version. */
function scheduleOptions(
  graph: ActivatedGraph,
  snapshot: GraphSnapshot,
  timing: Exclude<ScheduleTiming, { kind: 'past' }>,
  taskQueue: string,
): ScheduleOptions {
  const input: GraphRunInput = {
    graph: snapshot,
    trigger: { type: 'trigger.schedule', payload: {} },
    options: {},
    interpreterVersion: INTERPRETER_VERSION,
  };
  const scheduleId = scheduleIdOf(graph.id);
  // The SDK sends the action's `priority` (its schedule encoder reads it) but its options type
  // lacks the field, hence the wider type. Typed by the workflow, so `args` are its input.
  const action: ScheduleOptionsStartWorkflowAction<typeof graphWorkflow> &
    Pick<WorkflowStartOptions, 'priority'> = {
    type: 'startWorkflow',
    workflowType: graphWorkflow,
    // Temporal appends each action's time: runs are `sched_<graphId>-<time>`.
    workflowId: scheduleId,
    taskQueue,
    args: [input],
    typedSearchAttributes: runSearchAttributes(snapshot, 'trigger.schedule'),
    memo: { interpreterVersion: INTERPRETER_VERSION },
    priority: runPriority(snapshot),
  };
  return {
    scheduleId,
    spec: timing.spec,
    action,
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: SCHEDULE_CATCHUP_WINDOW },
    // Operators can find a guild's schedules by these.
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTE_KEYS.GuildId, value: graph.guildId },
      { key: SEARCH_ATTRIBUTE_KEYS.GraphId, value: graph.id },
    ],
    state: {
      paused: false,
      note: `${graph.name} v${snapshot.version}: ${timing.summary}`.slice(0, 200),
      ...(timing.remainingActions === undefined
        ? {}
        : { remainingActions: timing.remainingActions }),
    },
  };
}

/** Creates the schedule, or replaces every part of it that an update may change. */
async function upsertSchedule(client: Client, schedule: ScheduleOptions): Promise<void> {
  try {
    await client.schedule.create(schedule);
    return;
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const { scheduleId, memo: _memo, state, ...rest } = schedule;
  await client.schedule.getHandle(scheduleId).update(() => ({
    ...rest,
    // remainingActions absent = unlimited (a one-shot republished as a cron runs on).
    state: {
      paused: state?.paused ?? false,
      note: state?.note,
      remainingActions: state?.remainingActions,
    },
  }));
}

/** Deletes a graph's schedule; one that does not exist is already what we want. */
async function deleteSchedule(client: Client, graphId: string): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleIdOf(graphId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}
