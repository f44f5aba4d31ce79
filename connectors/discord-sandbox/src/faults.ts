import { invalid } from './control/control-error.js';
import { matchRoute } from './route-pattern.js';

/** What an injected fault does to a matching REST request. */
export type FaultKind = 'rateLimit' | 'forbidden' | 'serverError' | 'delay';

/**
 * A fault to inject: the next `count` requests matching `method` and `path` get it.
 * `rateLimit` answers 429 with `Retry-After: retryAfter` (seconds) and `X-RateLimit-Scope`;
 * `forbidden` answers 403 50013; `serverError` answers `status` (500 by default); `delay` only
 * holds the request for `delayMs` before answering normally (`delayMs` also delays the others).
 */
export interface FaultSpec {
  method?: string;
  path: string;
  kind: FaultKind;
  count?: number;
  retryAfter?: number;
  scope?: 'user' | 'shared' | 'global';
  status?: number;
  delayMs?: number;
}

/** A registered fault and how often it fired. */
export interface Fault {
  id: string;
  method: string;
  path: string;
  kind: FaultKind;
  count: number;
  remaining: number;
  hits: number;
  retryAfter: number;
  scope: 'user' | 'shared' | 'global';
  status: number;
  delayMs: number;
  createdAt: string;
}

const KINDS: readonly FaultKind[] = ['rateLimit', 'forbidden', 'serverError', 'delay'];
const SCOPES = ['user', 'shared', 'global'] as const;

/**
 * Injected REST faults, first registered first served.
 *
 * @example
 * faults.add({ method: 'POST', path: '/channels/:id/messages', kind: 'rateLimit', retryAfter: 1 });
 */
export class FaultRegistry {
  private readonly faults: Fault[] = [];
  private seq = 0;

  /** Validates and registers a fault; throws a 400 ControlError for a bad spec. */
  add(input: unknown): Fault {
    const spec = validate(input);
    this.seq += 1;
    const count = spec.count ?? 1;
    const fault: Fault = {
      id: `fault-${this.seq}`,
      method: (spec.method ?? '*').toUpperCase(),
      path: spec.path,
      kind: spec.kind,
      count,
      remaining: count,
      hits: 0,
      retryAfter: spec.retryAfter ?? 1,
      scope: spec.scope ?? 'user',
      status:
        spec.status ?? (spec.kind === 'forbidden' ? 403 : spec.kind === 'rateLimit' ? 429 : 500),
      delayMs: spec.delayMs ?? 0,
      createdAt: new Date().toISOString(),
    };
    this.faults.push(fault);
    return fault;
  }

  /** The first armed fault matching this request, consumed by one. */
  take(method: string, path: string): Fault | null {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === '*' || f.method === method.toUpperCase()) &&
        matchRoute(f.path, path),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const index = this.faults.findIndex((f) => f.id === id);
    if (index < 0) return false;
    this.faults.splice(index, 1);
    return true;
  }

  /** Removes every fault; returns how many there were. */
  clear(): number {
    const n = this.faults.length;
    this.faults.length = 0;
    return n;
  }
}

function validate(input: unknown): FaultSpec {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw invalid('The fault must be a JSON object.');
  const s = input as Record<string, unknown>;
  if (typeof s.path !== 'string' || !s.path.startsWith('/'))
    throw invalid('path must be a route such as "/channels/:id/messages".');
  if (!KINDS.includes(s.kind as FaultKind))
    throw invalid(`kind must be one of ${KINDS.join(', ')}.`);
  if (
    s.method !== undefined &&
    (typeof s.method !== 'string' || !/^(\*|GET|POST|PUT|PATCH|DELETE)$/i.test(s.method))
  ) {
    throw invalid('method must be GET, POST, PUT, PATCH, DELETE or *.');
  }
  if (s.count !== undefined && (!Number.isInteger(s.count) || (s.count as number) < 1))
    throw invalid('count must be a positive integer.');
  if (
    s.retryAfter !== undefined &&
    (typeof s.retryAfter !== 'number' || s.retryAfter < 0 || s.retryAfter > 3600)
  ) {
    throw invalid('retryAfter must be a number of seconds between 0 and 3600.');
  }
  if (s.scope !== undefined && !SCOPES.includes(s.scope as (typeof SCOPES)[number]))
    throw invalid('scope must be user, shared or global.');
  if (s.status !== undefined) {
    if (s.kind !== 'serverError') throw invalid('status applies to serverError faults only.');
    if (!Number.isInteger(s.status) || (s.status as number) < 500 || (s.status as number) > 599)
      throw invalid('status must be a 5xx code.');
  }
  if (
    s.delayMs !== undefined &&
    (typeof s.delayMs !== 'number' || s.delayMs < 0 || s.delayMs > 120_000)
  ) {
    throw invalid('delayMs must be between 0 and 120000.');
  }
  if (s.kind === 'delay' && !s.delayMs) throw invalid('delay faults need delayMs.');
  return s as unknown as FaultSpec;
}
