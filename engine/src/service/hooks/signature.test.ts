import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, signWebhook } from './signature.js';

const secret = 'whsec_test';
const body = Buffer.from('{"plan":"pro"}');
const nowMs = 1_767_225_600_000;

describe('webhook signatures', () => {
  it('is the documented recipe: hex HMAC-SHA256 of the raw body, or of "<timestamp>.<body>"', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWebhook(secret, body)).toBe(`sha256=${hex}`);
    const timed = createHmac('sha256', secret)
      .update(`1767225600.${body.toString()}`)
      .digest('hex');
    expect(signWebhook(secret, body, 1767225600)).toBe(`sha256=${timed}`);
  });

  it('accepts exactly the signed request', () => {
    const ok = { secret, body, nowMs, timestamp: undefined };
    expect(checkSignature({ ...ok, signature: signWebhook(secret, body) })).toBeUndefined();
    expect(
      checkSignature({
        ...ok,
        signature: signWebhook(secret, body).toUpperCase().replace('SHA256', 'sha256'),
      }),
    ).toBeUndefined();
    expect(checkSignature({ ...ok, signature: undefined })?.code).toBe('invalid_signature');
    expect(checkSignature({ ...ok, signature: 'sha256=abc' })?.code).toBe('invalid_signature');
    expect(checkSignature({ ...ok, signature: signWebhook('other', body) })?.code).toBe(
      'invalid_signature',
    );
    const ts = String(nowMs / 1000 - 299);
    expect(
      checkSignature({ ...ok, timestamp: ts, signature: signWebhook(secret, body, ts) }),
    ).toBeUndefined();
    expect(
      checkSignature({ ...ok, timestamp: ts, signature: signWebhook(secret, body) })?.code,
    ).toBe('invalid_signature');
    const old = String(nowMs / 1000 - 301);
    expect(
      checkSignature({ ...ok, timestamp: old, signature: signWebhook(secret, body, old) })?.code,
    ).toBe('stale_timestamp');
    const future = String(nowMs / 1000 + 301);
    expect(
      checkSignature({ ...ok, timestamp: future, signature: signWebhook(secret, body, future) })
        ?.code,
    ).toBe('stale_timestamp');
  });
});
