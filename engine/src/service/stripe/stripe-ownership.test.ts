import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import { createSession } from '../auth/sessions.js';
import {
  StripeObjectOwnedElsewhere,
  assertStripeObjectOwned,
  recordStripeObject,
} from './stripe-ownership.js';

const A = '930000000000000001';
const B = '930000000000000002';
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.close());

describe('Stripe object ownership', () => {
  it("refuses another guild's object (or an unknown one) with a non-retryable error", async () => {
    await recordStripeObject(service.store, { objectId: 'cus_ofb', guildId: B, via: 'action' });
    await recordStripeObject(service.store, { objectId: 'sub_ofa', guildId: A, via: 'action' });
    await expect(
      assertStripeObjectOwned(service.store, { objectId: 'sub_ofa', guildId: A }),
    ).resolves.toBeUndefined();
    for (const objectId of ['cus_ofb', 'cus_nobodys']) {
      const refusal = await assertStripeObjectOwned(service.store, { objectId, guildId: A }).then(
        () => undefined,
        (error: unknown) => error,
      );
      // The shape the interpreter turns into the `error` port: { code, message, retryable: false }.
      expect(refusal).toBeInstanceOf(ApplicationFailure);
      expect(refusal).toMatchObject({ type: 'stripe_object_not_owned', nonRetryable: true });
      expect((refusal as Error).message).toContain(objectId);
      expect((refusal as Error).message).not.toContain(B);
    }
  });

  it('records an owner once: idempotent for its guild, refused for another, one winner in a race', async () => {
    const first = await recordStripeObject(service.store, {
      objectId: 'cus_once',
      guildId: A,
      via: 'action',
    });
    expect(first).toMatchObject({ recorded: true, record: { guildId: A, kind: 'customer' } });
    expect(
      (await recordStripeObject(service.store, { objectId: 'cus_once', guildId: A, via: 'action' }))
        .recorded,
    ).toBe(false);
    await expect(
      recordStripeObject(service.store, { objectId: 'cus_once', guildId: B, via: 'action' }),
    ).rejects.toBeInstanceOf(StripeObjectOwnedElsewhere);

    const race = await Promise.allSettled(
      [A, B, A, B].map((guildId) =>
        recordStripeObject(service.store, { objectId: 'sub_race', guildId, via: 'action' }),
      ),
    );
    const owner = (await service.store.stripeObjects.findById('sub_race').lean())?.guildId;
    const won = race.filter((r) => r.status === 'fulfilled').length;
    expect(won).toBe(2); // the winner's two calls; the other guild's two are refused
    expect(race.every((r, i) => (r.status === 'fulfilled') === ([A, B, A, B][i] === owner))).toBe(
      true,
    );
    await expect(
      recordStripeObject(service.store, { objectId: 'in_123', guildId: A, via: 'action' }),
    ).rejects.toThrow(/cus_/);
  });

  it('lets the operator record objects made outside Guildflow, and no one else', async () => {
    const path = (guildId: string, id: string) => `/api/guilds/${guildId}/stripe/objects/${id}`;
    const created = await service.api('PUT', path(A, 'cus_fromdashboard'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: 'cus_fromdashboard',
      guildId: A,
      kind: 'customer',
      recordedVia: 'operator',
      recordedAt: expect.any(String),
    });
    expect((await service.api('PUT', path(A, 'cus_fromdashboard'))).status).toBe(200);
    const taken = await service.api('PUT', path(B, 'cus_fromdashboard'));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('stripe_object_owned');
    const invoice = await service.api('PUT', path(A, 'in_1'));
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.code).toBe('invalid_request');
    const audit = await service.api('GET', `/api/guilds/${A}/audit`);
    expect(audit.body.entries[0]).toMatchObject({
      action: 'stripe.record',
      note: 'customer cus_fromdashboard',
    });

    // A guild's own admin may not: it could claim another guild's customer before it does.
    const { token } = await createSession(service.store, {
      user: { id: '77', username: 'mod' },
      guildIds: [B],
    });
    const mine = await service.api('PUT', path(B, 'cus_notyetclaimed'), { token });
    expect(mine.status).toBe(403);
    expect(mine.body.error.code).toBe('admin_only');
    expect(await service.store.stripeObjects.findById('cus_notyetclaimed').lean()).toBeNull();
  });
});
