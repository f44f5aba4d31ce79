import { describe, expect, it } from 'vitest';
import { hookPayload, hookRunId } from './hook-request.js';

describe('webhook requests', () => {
  it('builds the payload: JSON or text body, query, headers without credentials', () => {
    const payload = hookPayload({
      url: '/hooks/wh_x?a=1&a=2&__proto__=p',
      headers: {
        'content-type': 'application/vnd.api+json; charset=utf-8',
        'x-guildflow-signature': 'sha256=…',
        authorization: 'Bearer t',
        cookie: 'c=1',
        'x-many': ['1', '2'],
      },
      body: Buffer.from('{"a":1}'),
    });
    expect(payload.body).toEqual({ a: 1 });
    expect(payload.query).toEqual({ a: '1,2', ['__proto__']: 'p' });
    expect(Object.getPrototypeOf(payload.query)).toBe(Object.prototype);
    expect(payload.headers).toEqual({
      'content-type': 'application/vnd.api+json; charset=utf-8',
      'x-many': '1, 2',
    });
    expect(hookPayload({ url: '/', headers: {}, body: Buffer.from('hi') }).body).toBe('hi');
    expect(
      hookPayload({
        url: '/',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(0),
      }).body,
    ).toBeNull();
    expect(() =>
      hookPayload({
        url: '/',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{'),
      }),
    ).toThrow(/does not parse/);
  });

  it('names a delivery with an Idempotency-Key deterministically', () => {
    expect(hookRunId('wh_a', 'k1')).toBe(hookRunId('wh_a', 'k1'));
    expect(hookRunId('wh_a', 'k1')).toMatch(/^hook_wh_a_[0-9a-f]{32}$/);
    expect(hookRunId('wh_a', 'k1')).not.toBe(hookRunId('wh_b', 'k1'));
    expect(hookRunId('wh_a', undefined)).toBeUndefined();
    expect(() => hookRunId('wh_a', ' ')).toThrow(/Idempotency-Key/);
  });
});
