import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Header carrying `sha256=<hex HMAC-SHA256>` of an inbound webhook.
 *
 * @example
 * req.get(SIGNATURE_HEADER); // 'sha256=5d1…'
 */
export const SIGNATURE_HEADER = 'x-guildflow-signature';
/**
 * Optional header carrying the unix time (seconds) the sender signed at.
 *
 * @example
 * req.get(TIMESTAMP_HEADER); // '1767225600'
 */
export const TIMESTAMP_HEADER = 'x-guildflow-timestamp';
/**
 * How far a signed timestamp may be from our clock, either way.
 *
 * @example
 * Math.abs(nowSeconds - timestamp) <= TIMESTAMP_TOLERANCE_SECONDS; // fresh enough
 */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * The signature header value of a body: `sha256=` + hex HMAC-SHA256 keyed with the hook secret,
 * over the raw body — or, with a timestamp, over `<timestamp>.<raw body>` (so the timestamp
 * cannot be swapped for a fresher one without the secret).
 *
 * @example
 * signWebhook('whsec_…', '{"plan":"pro"}'); // 'sha256=5d1…'
 * signWebhook('whsec_…', '{"plan":"pro"}', 1767225600); // covers "1767225600.{…}"
 */
export function signWebhook(
  secret: string,
  body: Buffer | string,
  timestamp?: number | string,
): string {
  const mac = createHmac('sha256', secret);
  if (timestamp !== undefined) mac.update(`${timestamp}.`, 'utf8');
  mac.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  return `sha256=${mac.digest('hex')}`;
}

/**
 * Why a request's signature was refused (both answer 401).
 *
 * @example
 * const refusal: SignatureRefusal = { code: 'stale_timestamp', message: '…' };
 */
export type SignatureRefusal = { code: 'invalid_signature' | 'stale_timestamp'; message: string };

/**
 * Checks an inbound request's signature headers against the hook secret: the HMAC is compared in
 * constant time; a timestamp, when sent, must be covered by the signature and within 5 minutes
 * of `nowMs`. Returns undefined when the request is authentic, else why not.
 *
 * @example
 * const refusal = checkSignature({ secret, body, signature: req.get(SIGNATURE_HEADER), timestamp: req.get(TIMESTAMP_HEADER), nowMs: Date.now() });
 * if (refusal) throw new ApiError(401, refusal.code, refusal.message);
 */
export function checkSignature(input: {
  secret: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureRefusal | undefined {
  const sent = SIGNATURE.exec(input.signature?.trim() ?? '')?.[1];
  if (!sent) {
    return {
      code: 'invalid_signature',
      message: `Sign the request: send X-Guildflow-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the hook's secret>${input.signature === undefined ? '' : ' (the header is there but not in that form)'}. See docs/api/webhooks.md.`,
    };
  }
  const timestamp = input.timestamp?.trim();
  if (timestamp !== undefined && !UNIX_SECONDS.test(timestamp)) {
    return {
      code: 'invalid_signature',
      message: 'X-Guildflow-Timestamp must be the unix time in seconds (e.g. 1767225600).',
    };
  }
  const expected = Buffer.from(
    signWebhook(input.secret, input.body, timestamp).slice('sha256='.length),
    'hex',
  );
  if (!timingSafeEqual(expected, Buffer.from(sent, 'hex'))) {
    return {
      code: 'invalid_signature',
      message:
        timestamp === undefined
          ? "The signature does not match the body: sign the exact raw bytes you send with the hook's current secret (a rotated secret replaces the old one at once)."
          : "The signature does not match: with X-Guildflow-Timestamp, sign `<timestamp>.<raw body>` with the hook's current secret.",
    };
  }
  // Checked after the signature, so only someone holding the secret learns about clock skew.
  if (
    timestamp !== undefined &&
    Math.abs(input.nowMs / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS
  ) {
    return {
      code: 'stale_timestamp',
      message: `X-Guildflow-Timestamp is more than ${TIMESTAMP_TOLERANCE_SECONDS / 60} minutes away from the server's clock: sign with the current time (and check your clock).`,
    };
  }
  return undefined;
}
