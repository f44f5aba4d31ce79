import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';

/**
 * `trigger.stripeEvent`: starts a run for verified webhook events of the listed types from the
 * guild's own Stripe account, delivered to `POST /stripe/webhook/guilds/:guildId/:credential`
 * and verified with that `stripe` credential's signing secret.
 *
 * @example
 * // config: { events: ['customer.subscription.deleted'] }
 * // payload: { id: 'evt_…', type: 'customer.subscription.deleted', created: 1718000000, data: { object: { … } } }
 */
export const stripeEvent = defineNode({
  type: 'trigger.stripeEvent',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Stripe event',
  description:
    'Starts for each signature-verified event of the listed types (`*` for all, `invoice.*` for a family) from this server’s own Stripe account. In Stripe (Developers → Webhooks → Add endpoint) paste `<your Guildflow URL>/stripe/webhook/guilds/<this server’s id>/<credential name>` and store the endpoint’s signing secret (whsec_…) as the `webhookSecret` of that `stripe` credential (docs/stripe.md).',
  config: Type.Object(
    {
      events: Type.Array(Type.String({ pattern: '^(?:\\*|[a-z_]+(?:\\.[a-z_]+)*(?:\\.\\*)?)$' }), {
        minItems: 1,
        maxItems: 50,
        uniqueItems: true,
        description: 'Stripe event types, e.g. checkout.session.completed.',
      }),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    id: Type.String({ description: 'Event id (evt_…).' }),
    type: Type.String(),
    created: Type.Integer({ description: 'Unix time in seconds.' }),
    data: Type.Object({
      object: Type.Unknown({ description: 'The Stripe object the event is about.' }),
    }),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'credit-card',
    color: COLORS.trigger,
    fields: {
      events: {
        widget: 'list',
        placeholder: 'checkout.session.completed',
        help: 'Stripe sends them to <your Guildflow URL>/stripe/webhook/guilds/<server id>/<stripe credential name>: add that endpoint in Stripe (Developers → Webhooks) and store its signing secret in the credential.',
      },
    },
  },
  examples: [
    { title: 'Completed checkout', config: { events: ['checkout.session.completed'] } },
    {
      title: 'Subscription changes',
      config: { events: ['customer.subscription.updated', 'customer.subscription.deleted'] },
    },
  ],
});
