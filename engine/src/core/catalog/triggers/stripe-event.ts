import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';

/**
 * `trigger.stripeEvent`: starts a run for verified Stripe webhook events of the listed types
 * about Stripe objects the graph's guild owns (as Guildflow recorded it).
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
    'Starts for each signature-verified Stripe event of the listed types (`*` for all, `invoice.*` for a family) about this server’s Stripe objects: the checkout sessions and customers Guildflow created for it, what their checkouts created, and what the operator recorded for it — never by metadata.',
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
    fields: { events: { widget: 'list', placeholder: 'checkout.session.completed' } },
  },
  examples: [
    { title: 'Completed checkout', config: { events: ['checkout.session.completed'] } },
    {
      title: 'Subscription changes',
      config: { events: ['customer.subscription.updated', 'customer.subscription.deleted'] },
    },
  ],
});
