import { matchRoute } from './route-pattern.js';

/** One REST request as received, with the status it got. */
export interface RequestRecord {
  id: number;
  method: string;
  /** The Discord route path, without `/api/v10`. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** When the request arrived (ISO) and the same as epoch milliseconds. */
  time: string;
  timeMs: number;
  durationMs: number;
  body: unknown;
  auditLogReason: string | null;
  /** The fault that answered it, if any. */
  faultId: string | null;
  /** The error body for non-2xx answers. */
  error: unknown;
}

/** Filters for {@link RequestLog.list}; `path` is a route pattern. */
export interface RequestFilter {
  method?: string;
  path?: string;
  since?: number;
}

/**
 * Every REST request the sandbox received, in arrival order (bounded), so tests can assert
 * "exactly one request" or measure retry spacing.
 *
 * @example
 * log.list({ method: 'POST', path: '/channels/:id/messages' }).length;
 */
export class RequestLog {
  private readonly entries: RequestRecord[] = [];
  private seq = 0;

  constructor(private readonly max = 10_000) {}

  add(entry: Omit<RequestRecord, 'id'>): RequestRecord {
    this.seq += 1;
    const record = { id: this.seq, ...entry };
    this.entries.push(record);
    if (this.entries.length > this.max) this.entries.shift();
    return record;
  }

  list(filter: RequestFilter = {}): RequestRecord[] {
    return this.entries.filter(
      (r) =>
        (!filter.method || r.method === filter.method.toUpperCase()) &&
        (!filter.path || matchRoute(filter.path, r.path)) &&
        (filter.since === undefined || r.timeMs >= filter.since),
    );
  }

  clear(): void {
    this.entries.length = 0;
  }
}
