import { Type } from '@sinclair/typebox';

/**
 * Answer of `POST /stripe/webhook/guilds/:guildId/:credential` to a verified event.
 *
 * @example
 * { received: true, runs: 1, runIds: ['stripe_evt_1Nx…_g_…'] }
 */
export const StripeWebhookReceivedSchema = Type.Object(
  {
    received: Type.Literal(true),
    runs: Type.Integer({
      minimum: 0,
      description: 'Runs this delivery started (0 for a redelivery).',
    }),
    runIds: Type.Array(Type.String(), {
      description: 'Every run of this event (`stripe_<event id>_<graph id>`), new or earlier.',
    }),
  },
  { $id: 'StripeWebhookReceived' },
);

/**
 * A Stripe object recorded for a guild (`PUT /api/guilds/:guildId/stripe/objects/:objectId`).
 *
 * @example
 * { id: 'cus_NffrFeUfNV2Hib', guildId: '123', kind: 'customer', recordedVia: 'operator', recordedAt: '2026-01-01T00:00:00.000Z' }
 */
export const StripeObjectSchema = Type.Object(
  {
    id: Type.String({ description: 'The Stripe id (cus_…, sub_…, cs_… or promo_…).' }),
    guildId: Type.String(),
    kind: Type.Union([
      Type.Literal('customer'),
      Type.Literal('subscription'),
      Type.Literal('checkout_session'),
      Type.Literal('promotion_code'),
    ]),
    recordedVia: Type.Union(
      [Type.Literal('action'), Type.Literal('checkout'), Type.Literal('operator')],
      {
        description:
          'A Stripe action created it for the guild, a completed checkout of the guild created it, or the operator recorded it.',
      },
    ),
    recordedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StripeObject' },
);
