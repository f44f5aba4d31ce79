import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { isGrpcServiceError } from '@temporalio/client';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { runQuery, toRunSummary, type RunSummary } from './run-views.js';
import type { RunStatus } from './schemas.js';
import { temporalCall } from './temporal-calls.js';

/** The filters of the run list. */
export interface RunListFilter {
  graphId?: string | undefined;
  status?: RunStatus | undefined;
  limit: number;
  cursor?: string | undefined;
  /**
   * Only runs started at or after this (the plan's retention, billing on); taken at day
   * granularity, so a cursor's query stays the same all day.
   */
  startedSince?: Date | undefined;
}

/** One page of the run list; `nextCursor` is null on the last page. */
export interface RunPage {
  runs: RunSummary[];
  nextCursor: string | null;
}

const INVALID_ARGUMENT = 3;

/**
 * One page of a guild's runs from Temporal visibility, newest first (running runs, then closed
 * ones by close time). The cursor wraps Temporal's page token with the filters it was made for,
 * so a cursor replayed with other filters is refused instead of paging the wrong list.
 *
 * @example
 * const first = await listRuns(deps, guildId, { status: 'completed', limit: 20 });
 * const next = await listRuns(deps, guildId, { status: 'completed', limit: 20, cursor: first.nextCursor });
 */
export async function listRuns(
  deps: ServiceDeps,
  guildId: string,
  filter: RunListFilter,
): Promise<RunPage> {
  const token = filter.cursor === undefined ? undefined : openCursor(filter.cursor, filter);
  const client = deps.temporal.client;
  const { namespace, loadedDataConverter } = client.workflow.options;
  return temporalCall(deps, async () => {
    let response;
    try {
      response = await client.workflowService.listWorkflowExecutions({
        namespace,
        query: runQuery(guildId, {
          ...filter,
          startedSince: filter.startedSince && startOfDay(filter.startedSince),
        }),
        pageSize: filter.limit,
        ...(token ? { nextPageToken: token } : {}),
      });
    } catch (error) {
      // Temporal could not read the token (e.g. the service's visibility store changed).
      if (token && isGrpcServiceError(error) && error.code === INVALID_ARGUMENT)
        throw badCursor('it is no longer valid');
      throw error;
    }
    const runs: RunSummary[] = [];
    for (const raw of response.executions) {
      const info = await executionInfoFromRaw(raw, loadedDataConverter, raw, namespace);
      const summary = toRunSummary(info, guildId);
      if (summary) runs.push(summary);
    }
    const next = response.nextPageToken;
    return { runs, nextCursor: next && next.length > 0 ? sealCursor(next, filter) : null };
  });
}

function startOfDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 86_400_000) * 86_400_000);
}

interface CursorData {
  /** Temporal's page token, base64. */
  t: string;
  g: string | null;
  s: string | null;
}

function sealCursor(token: Uint8Array, filter: RunListFilter): string {
  const data: CursorData = {
    t: Buffer.from(token).toString('base64'),
    g: filter.graphId ?? null,
    s: filter.status ?? null,
  };
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

function openCursor(cursor: string, filter: RunListFilter): Uint8Array {
  let data: Partial<CursorData>;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorData>;
  } catch {
    throw badCursor('it is not one this API gave out');
  }
  if (typeof data?.t !== 'string' || data.t === '')
    throw badCursor('it is not one this API gave out');
  if (data.g !== (filter.graphId ?? null) || data.s !== (filter.status ?? null))
    throw badCursor('it was made for other filters (graphId, status)');
  return Buffer.from(data.t, 'base64');
}

function badCursor(why: string): ApiError {
  return new ApiError(
    400,
    'invalid_request',
    `The cursor cannot be used: ${why}. Pass the nextCursor of the previous page with the same filters, or leave cursor out to start from the newest run.`,
    [{ path: 'query.cursor', message: why }],
  );
}
