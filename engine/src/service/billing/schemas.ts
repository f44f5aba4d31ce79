import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../core/index.js';
import { PAID_PLANS, PLAN_IDS } from './plans.js';

const DATE = Type.String({ format: 'date-time' });
const unlimited = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description });

/** A plan's limits (`null`: unlimited). */
export const LimitsSchema = Type.Object(
  {
    publishedGraphs: unlimited('Graphs published at once.'),
    runsPerMonth: unlimited('Runs the gateway starts per calendar month (UTC).'),
    minScheduleIntervalSeconds: Type.Integer({
      minimum: 0,
      description: 'Shortest interval a schedule trigger may repeat at.',
    }),
    runRetentionDays: Type.Integer({
      minimum: 1,
      description: 'How far back the run list reaches.',
    }),
    maxTimeCompression: Type.Integer({
      minimum: 1,
      description: 'Highest `timeScale` of a test run.',
    }),
  },
  { $id: 'Limits', additionalProperties: false },
);

const Money = Type.Object(
  { amount: Type.Integer({ description: 'In the minor unit (cents).' }), currency: Type.String() },
  { additionalProperties: false },
);

/**
 * `GET /api/guilds/:guildId/billing` when billing is on (the hosted service).
 *
 * @example
 * { billing: 'on', plan: 'free', planName: 'Free', status: 'active', limits: { publishedGraphs: 3, … }, usage: { … }, plans: [ … ], disabledGraphs: [] }
 */
export const BillingOnSchema = Type.Object(
  {
    billing: Type.Literal('on'),
    plan: StringEnum(PLAN_IDS),
    planName: Type.String(),
    status: StringEnum(['active', 'past_due', 'canceled']),
    graceEndsAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'After a failed payment: the paid plan holds until then, then Free.',
      }),
    ),
    limits: Type.Ref('Limits'),
    usage: Type.Object(
      {
        publishedGraphs: Type.Integer({ minimum: 0 }),
        runsThisPeriod: Type.Integer({ minimum: 0 }),
        periodStart: DATE,
        periodEnd: DATE,
      },
      { additionalProperties: false },
    ),
    renewsAt: Type.Optional(DATE),
    invoices: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String(),
            number: Type.Union([Type.String(), Type.Null()]),
            status: Type.String(),
            amountPaid: Type.Integer(),
            currency: Type.String(),
            createdAt: DATE,
            url: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    plans: Type.Array(
      Type.Object(
        {
          id: StringEnum(PLAN_IDS),
          name: Type.String(),
          priceMonthly: Type.Union([Money, Type.Null()]),
          limits: Type.Ref('Limits'),
        },
        { additionalProperties: false },
      ),
    ),
    disabledGraphs: Type.Array(
      Type.Object({ graphId: Type.String(), name: Type.String() }, { additionalProperties: false }),
      { description: 'Graphs the last downgrade disabled (drafts kept; publish to restore).' },
    ),
  },
  { $id: 'BillingOn', additionalProperties: false },
);

/** `GET /api/guilds/:guildId/billing` on a self-hosted install (no `STRIPE_SECRET_KEY`). */
export const BillingOffSchema = Type.Object(
  { billing: Type.Literal('off'), plan: Type.Literal('self-hosted'), limits: Type.Null() },
  { $id: 'BillingOff', additionalProperties: false },
);

/** The billing answer: on (hosted) or off (self-hosted). */
export const BillingSchema = Type.Union([Type.Ref('BillingOn'), Type.Ref('BillingOff')], {
  $id: 'Billing',
});

/** `POST …/billing/checkout` body. */
export const CheckoutBodySchema = Type.Object(
  { plan: StringEnum(PAID_PLANS, { description: 'The paid plan to subscribe to.' }) },
  { $id: 'CheckoutBody', additionalProperties: false },
);

/** A Stripe-hosted page to send the browser to (checkout or customer portal). */
export const BillingRedirectSchema = Type.Object(
  { url: Type.String({ description: 'The Stripe-hosted page; send the browser there.' }) },
  { $id: 'BillingRedirect', additionalProperties: false },
);

/** `POST /stripe/webhook`'s answer to a verified event. */
export const BillingWebhookReceivedSchema = Type.Object(
  {
    received: Type.Literal(true),
    applied: Type.Boolean({
      description:
        'False for a replay (`duplicate`), an event type billing ignores, or a customer no guild has.',
    }),
    duplicate: Type.Boolean({ description: 'This event id was applied before: nothing changed.' }),
  },
  { $id: 'BillingWebhookReceived', additionalProperties: false },
);
