import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, signWebhook } from './signature.js';

const secret = 'whsec_test';
const body = Buffer.from('{"plan":"pro"}');
const nowMs = 1_767_225_600_000;
const now = String(nowMs / 1000);

describe('webhook signatures', () => {
  it('is the documented recipe: hex HMAC-SHA256 of "<timestamp>.<body>", or of the raw body', () => {
    const timed = createHmac('sha256', secret)
      .update(`1767225600.${body.toString()}`)
      .digest('hex');
    expect(signWebhook(secret, body, 1767225600)).toBe(`sha256=${timed}`);
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWebhook(secret, body)).toBe(`sha256=${hex}`);
  });

  it('accepts exactly the signed request on a timestamped hook, within 5 minutes', () => {
    const ok = { secret, body, nowMs, signing: 'timestamped' as const };
    const signature = signWebhook(secret, body, now);
    const accepted = checkSignature({ ...ok, timestamp: now, signature });
    expect(accepted).toEqual({ ok: true, digest: signature.slice(7), timestamp: Number(now) });
    // The digest is ours: an uppercase copy of the signature is the same delivery.
    expect(
      checkSignature({
        ...ok,
        timestamp: now,
        signature: `sha256=${signature.slice(7).toUpperCase()}`,
      }),
    ).toEqual(accepted);
    const code = (timestamp: string | undefined, sig: string | undefined) => {
      const check = checkSignature({ ...ok, timestamp, signature: sig });
      return check.ok ? 'ok' : check.code;
    };
    expect(code(now, undefined)).toBe('invalid_signature');
    expect(code(now, 'sha256=abc')).toBe('invalid_signature');
    expect(code(now, signWebhook('other', body, now))).toBe('invalid_signature');
    // The body alone signed, with or without the header: refused either way.
    expect(code(now, signWebhook(secret, body))).toBe('invalid_signature');
    const bodyOnly = checkSignature({
      ...ok,
      timestamp: undefined,
      signature: signWebhook(secret, body),
    });
    expect(bodyOnly).toMatchObject({ ok: false, code: 'timestamp_required', signedBodyOnly: true });
    expect(
      checkSignature({ ...ok, timestamp: undefined, signature: signWebhook('other', body) }),
    ).toMatchObject({ ok: false, code: 'timestamp_required', signedBodyOnly: false });
    const edge = String(nowMs / 1000 - 299);
    expect(code(edge, signWebhook(secret, body, edge))).toBe('ok');
    const old = String(nowMs / 1000 - 301);
    expect(code(old, signWebhook(secret, body, old))).toBe('stale_timestamp');
    const future = String(nowMs / 1000 + 301);
    expect(code(future, signWebhook(secret, body, future))).toBe('stale_timestamp');
  });

  it('accepts body-only signatures (and timestamped ones) on a body-only hook', () => {
    const ok = { secret, body, nowMs, signing: 'body' as const };
    const signature = signWebhook(secret, body);
    expect(checkSignature({ ...ok, timestamp: undefined, signature })).toEqual({
      ok: true,
      digest: signature.slice(7),
      timestamp: undefined,
    });
    expect(
      checkSignature({ ...ok, timestamp: undefined, signature: signWebhook('other', body) }),
    ).toMatchObject({ ok: false, code: 'invalid_signature' });
    expect(
      checkSignature({ ...ok, timestamp: now, signature: signWebhook(secret, body, now) }),
    ).toMatchObject({ ok: true, timestamp: Number(now) });
  });
});
