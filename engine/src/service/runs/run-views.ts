import type { WorkflowExecutionInfo } from '@temporalio/client';
import { notFound } from '../auth/index.js';
import type { ServiceDeps } from '../deps.js';
import type { TemporalDeps } from './temporal-calls.js';
import type { RunStatus } from './schemas.js';
import { readRunAttributes } from './search-attributes.js';
import { temporalCall } from './temporal-calls.js';

/** A row of the run list. */
export interface RunSummary {
  runId: string;
  graphId: string;
  version: number;
  status: RunStatus;
  triggerType: string | null;
  startedAt: string;
  endedAt: string | null;
  /** From start to end; null while the run goes (the client counts the elapsed time). */
  durationMs: number | null;
}

// A paused workflow has not ended; a continued-as-new execution lives on in its successor.
const FROM_TEMPORAL: Record<string, RunStatus> = {
  RUNNING: 'running',
  PAUSED: 'running',
  CONTINUED_AS_NEW: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  TERMINATED: 'terminated',
  TIMED_OUT: 'timed_out',
};

// The spelling of each status in Temporal's visibility query language.
const IN_QUERIES: Record<RunStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Canceled',
  terminated: 'Terminated',
  timed_out: 'TimedOut',
};

/**
 * The API status of a Temporal execution status name.
 *
 * @example
 * runStatus('TIMED_OUT'); // 'timed_out'
 */
export function runStatus(temporalStatus: string): RunStatus {
  return FROM_TEMPORAL[temporalStatus] ?? 'running';
}

/**
 * The run summary of a Temporal execution that belongs to `guildId`, or undefined when it is
 * not a Guildflow run of that guild (other guilds' runs are indistinguishable from missing ones).
 */
export function toRunSummary(
  info: Pick<
    WorkflowExecutionInfo,
    'workflowId' | 'typedSearchAttributes' | 'status' | 'startTime' | 'closeTime' | 'memo'
  >,
  guildId: string,
): RunSummary | undefined {
  const attributes = readRunAttributes(info.typedSearchAttributes);
  if (attributes.guildId !== guildId || attributes.graphId === undefined) return undefined;
  const memoStart = typeof info.memo?.startedAt === 'string' ? info.memo.startedAt : undefined;
  const startedAt = memoStart ?? info.startTime.toISOString();
  const endedAt =
    info.closeTime && info.status.name !== 'CONTINUED_AS_NEW' ? info.closeTime : undefined;
  return {
    runId: info.workflowId,
    graphId: attributes.graphId,
    version: attributes.version ?? 0,
    status: runStatus(info.status.name),
    triggerType: attributes.triggerType ?? null,
    // The memo keeps the first start across continue-as-new; the execution's own is later.
    startedAt,
    endedAt: endedAt?.toISOString() ?? null,
    durationMs: endedAt ? Math.max(0, endedAt.getTime() - Date.parse(startedAt)) : null,
  };
}

/**
 * The visibility query of a guild's runs, filtered on the search attributes (continued-as-new
 * executions are hidden: their successor is the run).
 *
 * @example
 * runQuery('123', { status: 'running' }); // "GuildId = '123' AND ExecutionStatus = 'Running'"
 */
export function runQuery(
  guildId: string,
  filter: {
    graphId?: string | undefined;
    status?: RunStatus | undefined;
    startedSince?: Date | undefined;
  },
): string {
  const clauses = [`GuildId = ${quote(guildId)}`];
  if (filter.graphId) clauses.push(`GraphId = ${quote(filter.graphId)}`);
  if (filter.startedSince) clauses.push(`StartTime >= ${quote(filter.startedSince.toISOString())}`);
  clauses.push(
    filter.status
      ? `ExecutionStatus = ${quote(IN_QUERIES[filter.status])}`
      : `ExecutionStatus != 'ContinuedAsNew'`,
  );
  return clauses.join(' AND ');
}

/** Graph ids per visibility query (keeps each query short). */
const LATEST_CHUNK = 100;

/**
 * The latest run of each of `graphIds` (graphs that never ran are absent), in few visibility
 * queries instead of one per graph: each query asks for the runs of the graphs still
 * unresolved, so its first row always resolves one and a page usually resolves them all.
 * Visibility lists running runs first, then closed ones by close time, so a graph's "latest"
 * is its running run if it has one, else the one that ended last.
 *
 * @example
 * const latest = await latestRuns(deps, guildId, ['g_1', 'g_2']); // [{ graphId: 'g_1', … }]
 */
export async function latestRuns(
  deps: ServiceDeps,
  guildId: string,
  graphIds: readonly string[],
): Promise<RunSummary[]> {
  const found: RunSummary[] = [];
  for (let start = 0; start < graphIds.length; start += LATEST_CHUNK) {
    const remaining = new Set(graphIds.slice(start, start + LATEST_CHUNK));
    while (remaining.size > 0) {
      const query = [
        `GuildId = ${quote(guildId)}`,
        `GraphId IN (${[...remaining].map(quote).join(', ')})`,
        `ExecutionStatus != 'ContinuedAsNew'`,
      ].join(' AND ');
      const page = await temporalCall(deps, async () => {
        const rows: RunSummary[] = [];
        for await (const info of deps.temporal.client.workflow.list({ query, pageSize: 100 })) {
          const summary = toRunSummary(info, guildId);
          if (summary) rows.push(summary);
          if (rows.length >= 100) break;
        }
        return rows;
      });
      const before = remaining.size;
      for (const run of page) if (remaining.delete(run.graphId)) found.push(run);
      // An empty page: the rest never ran (no progress cannot happen, but must not loop).
      if (remaining.size === before) break;
    }
  }
  return found;
}

/** Describes a run of this guild, or throws 404 (missing, or another guild's). */
export async function describeRun(deps: TemporalDeps, guildId: string, runId: string) {
  if (!/^[A-Za-z0-9_.:/-]{1,255}$/.test(runId)) throw notFound('run');
  const handle = deps.temporal.client.workflow.getHandle(runId);
  try {
    const description = await temporalCall(deps, () => handle.describe());
    const summary = toRunSummary(description, guildId);
    if (!summary) throw notFound('run');
    return { summary, handle };
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') throw notFound('run');
    throw error;
  }
}

// Values come from validated patterns; quoting still escapes, so a future caller cannot inject.
function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
