import Stripe from 'stripe';
import { graph } from './graph-fixture.js';
import type { ApiAnswer, TestService } from './service-harness.js';

/** The Stripe webhook signing secret the Stripe tests configure. */
export const STRIPE_TEST_SECRET = 'whsec_test_guildflow';
const CHANNEL = '910000000000000100';

/** A `trigger.stripeEvent` graph for `events` that posts `content` (a template). */
export function stripeGraph(events: string[], content: string) {
  return {
    ...graph(
      [
        ['t', 'trigger.stripeEvent', { events }],
        ['send', 'discord.sendMessage', { channelId: CHANNEL, content }],
      ],
      [['t', 'out', 'send']],
    ),
    name: `Stripe ${events.join(',')}`,
  };
}

/** Creates and publishes a Stripe graph in `guildId`; returns its id. */
export async function publishStripeGraph(
  service: TestService,
  guildId: string,
  events: string[],
  content: string,
): Promise<string> {
  const created = await service.api('POST', `/api/guilds/${guildId}/graphs`, {
    body: stripeGraph(events, content),
  });
  const id = created.body.id as string;
  const publish = await service.api('POST', `/api/guilds/${guildId}/graphs/${id}/publish`);
  if (publish.status !== 200) throw new Error(`publish: ${JSON.stringify(publish.body)}`);
  return id;
}

let eventSeq = 0;

/** A Stripe event envelope around `object`, with a fresh id. */
export function stripeEvent(type: string, object: Record<string, unknown>) {
  eventSeq += 1;
  return {
    id: `evt_test${Date.now()}x${eventSeq}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: 1_718_000_000,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/**
 * Delivers an event as Stripe does: raw JSON, signed with the endpoint's secret (stripe-node's
 * own test header), to `path` — the service's `POST /stripe/webhook` by default.
 *
 * @example
 * const answer = await deliverStripeEvent(service, event); // answer.body.received
 */
export function deliverStripeEvent(
  service: TestService,
  event: unknown,
  secret = STRIPE_TEST_SECRET,
  signature?: string,
  path = '/stripe/webhook',
): Promise<ApiAnswer> {
  const payload = JSON.stringify(event);
  const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return service.api('POST', path, {
    token: null,
    rawBody: payload,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': header },
  });
}

/** The webhook URL path of a guild's own Stripe account (its `stripe` credential `name`). */
export const guildStripeWebhook = (guildId: string, name: string) =>
  `/stripe/webhook/guilds/${guildId}/${name}`;

/**
 * Connects a guild's own Stripe account: stores a `stripe` credential `name` through the API,
 * with `webhookSecret` as the signing secret of its endpoint.
 */
export async function connectStripeAccount(
  service: TestService,
  guildId: string,
  name: string,
  webhookSecret: string,
  secretKey = 'sk_test_guildaccount',
): Promise<void> {
  const answer = await service.api('POST', `/api/guilds/${guildId}/credentials`, {
    body: { name, type: 'stripe', value: { secretKey, webhookSecret } },
  });
  if (answer.status !== 201) throw new Error(`credential ${name}: ${JSON.stringify(answer.body)}`);
}

/** Records a Stripe object for a guild the way an operator does (admin token). */
export async function recordForGuild(
  service: TestService,
  guildId: string,
  objectId: string,
): Promise<void> {
  const answer = await service.api('PUT', `/api/guilds/${guildId}/stripe/objects/${objectId}`);
  if (answer.status !== 201 && answer.status !== 200)
    throw new Error(`record ${objectId}: ${JSON.stringify(answer.body)}`);
}
