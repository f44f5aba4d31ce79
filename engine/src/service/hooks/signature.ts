import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookSigning } from '../storage/index.js';

/**
 * Header carrying `sha256=<hex HMAC-SHA256>` of an inbound webhook.
 *
 * @example
 * req.get(SIGNATURE_HEADER); // 'sha256=5d1…'
 */
export const SIGNATURE_HEADER = 'x-guildflow-signature';
/**
 * Header carrying the unix time (seconds) the sender signed at (required unless the hook uses
 * body-only signing).
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
 * Why a request's signature was refused (all answer 401). `timestamp_required`: a timestamped
 * hook got no `X-Guildflow-Timestamp`; `signedBodyOnly` then says whether the signature was right
 * for body-only signing (a sender that has the secret but signs the old way).
 */
export type SignatureRefusal = {
  ok: false;
  code: 'invalid_signature' | 'stale_timestamp' | 'timestamp_required';
  message: string;
  signedBodyOnly?: boolean;
};

/**
 * An authentic delivery: `digest` is the hex HMAC we computed (one canonical spelling of the
 * signature, whatever case the sender used); `timestamp` the signed unix seconds, if any.
 */
export type SignatureAccepted = { ok: true; digest: string; timestamp: number | undefined };

/**
 * Checks an inbound request's signature headers against the hook secret; the HMAC is compared
 * in constant time. A timestamp, when sent, must be covered by the signature and within 5 minutes
 * of `nowMs`. Without a timestamp the body alone is signed — accepted only when the hook's
 * `signing` is `body` (such deliveries can be replayed; timestamped ones are claimed once).
 *
 * @example
 * const check = checkSignature({ secret, body, signature: req.get(SIGNATURE_HEADER), timestamp: req.get(TIMESTAMP_HEADER), nowMs: Date.now(), signing: 'timestamped' });
 * if (!check.ok) throw new ApiError(401, check.code, check.message);
 */
export function checkSignature(input: {
  secret: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
  signing: WebhookSigning;
}): SignatureAccepted | SignatureRefusal {
  const timed = input.signing === 'timestamped';
  const sent = SIGNATURE.exec(input.signature?.trim() ?? '')?.[1];
  if (!sent) {
    return refuse(
      'invalid_signature',
      `Sign the request: send ${timed ? `X-Guildflow-Timestamp: <unix seconds> and X-Guildflow-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"` : 'X-Guildflow-Signature: sha256=<hex HMAC-SHA256 of the raw body'}, keyed with the hook's secret>${input.signature === undefined ? '' : ' (the signature header is there but not in that form)'}. See docs/api/webhooks.md.`,
    );
  }
  const timestamp = input.timestamp?.trim();
  if (timestamp === undefined) {
    const matches = digestMatches(input.secret, input.body, undefined, sent);
    if (timed) {
      return {
        ...refuse(
          'timestamp_required',
          `This hook takes timestamped deliveries only: send X-Guildflow-Timestamp: <unix seconds> and sign "<timestamp>.<raw body>"${matches ? ' (your signature covers the body alone)' : ''}. A sender that cannot sign a timestamp needs the hook switched to body-only signing, which makes deliveries replayable (docs/api/webhooks.md).`,
        ),
        signedBodyOnly: matches !== undefined,
      };
    }
    if (!matches) {
      return refuse(
        'invalid_signature',
        "The signature does not match the body: sign the exact raw bytes you send with the hook's current secret (a rotated secret replaces the old one at once).",
      );
    }
    return { ok: true, digest: matches, timestamp: undefined };
  }
  if (!UNIX_SECONDS.test(timestamp)) {
    return refuse(
      'invalid_signature',
      'X-Guildflow-Timestamp must be the unix time in seconds (e.g. 1767225600).',
    );
  }
  const digest = digestMatches(input.secret, input.body, timestamp, sent);
  if (!digest) {
    return refuse(
      'invalid_signature',
      "The signature does not match: with X-Guildflow-Timestamp, sign `<timestamp>.<raw body>` with the hook's current secret.",
    );
  }
  // Checked after the signature, so only someone holding the secret learns about clock skew.
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return refuse(
      'stale_timestamp',
      `X-Guildflow-Timestamp is more than ${TIMESTAMP_TOLERANCE_SECONDS / 60} minutes away from the server's clock: sign with the current time (and check your clock).`,
    );
  }
  return { ok: true, digest, timestamp: Number(timestamp) };
}

/** Our hex digest when `sent` (hex, any case) is the signature of body (and timestamp). */
function digestMatches(
  secret: string,
  body: Buffer,
  timestamp: string | undefined,
  sent: string,
): string | undefined {
  const digest = signWebhook(secret, body, timestamp).slice('sha256='.length);
  return timingSafeEqual(Buffer.from(digest, 'hex'), Buffer.from(sent, 'hex')) ? digest : undefined;
}

function refuse(code: SignatureRefusal['code'], message: string): SignatureRefusal {
  return { ok: false, code, message };
}
