import type { Request } from 'express';
import type { Core } from '../core.js';
import { formError } from '../errors.js';
import type { FaultRegistry } from '../faults.js';
import type { RateLimiter } from '../rate-limits.js';
import type { RequestLog } from '../request-log.js';

/** What the REST routes need besides the shared core. */
export interface RestContext extends Core {
  token: string;
  faults: FaultRegistry;
  rateLimits: RateLimiter;
  requests: RequestLog;
  gatewayUrl: () => string;
}

/** The `X-Audit-Log-Reason` header (discord.js URI-encodes it), or null. */
export function auditReason(req: Request): string | null {
  const raw = req.get('X-Audit-Log-Reason');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A snowflake query parameter (`before`, `after`…) as a bigint; absent → `fallback`; anything
 * else is a 50035 like Discord's "Value is not snowflake".
 */
export function snowflakeQuery(
  value: unknown,
  field: string,
  fallback: bigint | null,
): bigint | null {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return BigInt(value);
  throw formError([field], 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not snowflake.`);
}

/** The request body as an object ({} when absent). @example const body = bodyOf(req); */
export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
