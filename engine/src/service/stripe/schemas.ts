import { Type } from '@sinclair/typebox';

/**
 * Answer of `POST /stripe/webhook` to a verified event.
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
