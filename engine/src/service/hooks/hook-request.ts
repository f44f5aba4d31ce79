import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../storage/index.js';

/**
 * The trigger payload of a webhook run (`trigger.webhook`'s output).
 *
 * @example
 * const payload: HookPayload = { body: { plan: 'pro' }, query: { ref: 'site' }, headers: { 'content-type': 'application/json' } };
 */
export interface HookPayload {
  body: unknown;
  query: Record<string, string>;
  headers: Record<string, string>;
}

// Credentials never reach the run (its input is visible in Temporal and the step log).
const HIDDEN_HEADERS = new Set([
  'x-guildflow-signature',
  'authorization',
  'proxy-authorization',
  'cookie',
]);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MAX_IDEMPOTENCY_KEY = 255;

/**
 * The payload a webhook run receives: the body parsed as JSON when the content type says JSON
 * (else the text), the query string (a repeated name's values joined with `,`) and the headers
 * (lowercase names) minus the signature, authorization and cookie headers. Throws 400
 * `invalid_json` for a JSON content type whose body does not parse.
 *
 * @example
 * hookPayload({ url: '/hooks/wh_…?ref=site', headers: req.headers, body: Buffer.from('{"a":1}') });
 * // { body: { a: 1 }, query: { ref: 'site' }, headers: { 'content-type': 'application/json', … } }
 */
export function hookPayload(request: {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}): HookPayload {
  const text = request.body.toString('utf8');
  let body: unknown = text;
  if (JSON_TYPE.test(request.headers['content-type'] ?? '')) {
    try {
      body = text.trim() === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      throw new ApiError(
        400,
        'invalid_json',
        'The body is sent as JSON (Content-Type) but does not parse: send valid JSON, or another Content-Type to pass it as text.',
      );
    }
  }
  const query = new Map<string, string>();
  for (const [name, value] of new URL(request.url, 'http://hook.invalid').searchParams) {
    const seen = query.get(name);
    query.set(name, seen === undefined ? value : `${seen},${value}`);
  }
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HIDDEN_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // fromEntries defines own properties, so a name like "__proto__" stays plain data.
  return { body, query: Object.fromEntries(query), headers: Object.fromEntries(headers) };
}

/**
 * The run id of a webhook delivery: from `Idempotency-Key` when sent (the same key on the same
 * hook always names the same run, so a retried delivery starts nothing new), else undefined
 * (a fresh id). Throws 400 for an empty or overlong key.
 *
 * @example
 * hookRunId('wh_abc', 'order-42'); // 'hook_wh_abc_3f1c…' (32 hex digits)
 * hookRunId('wh_abc', undefined); // undefined
 */
export function hookRunId(hookId: string, idempotencyKey: string | undefined): string | undefined {
  if (idempotencyKey === undefined) return undefined;
  const key = idempotencyKey.trim();
  if (key === '' || key.length > MAX_IDEMPOTENCY_KEY) {
    throw new ApiError(
      400,
      'invalid_request',
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} characters (e.g. your event or delivery id).`,
      [
        {
          path: 'headers.idempotency-key',
          message: `must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`,
        },
      ],
    );
  }
  // Hashed: the key is the sender's text, a workflow id must stay short and plain.
  return `hook_${hookId}_${sha256Hex(key).slice(0, 32)}`;
}
