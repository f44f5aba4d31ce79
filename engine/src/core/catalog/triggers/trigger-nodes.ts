import { buttonClicked } from './button-clicked.js';
import { isRoutedTrigger } from './define-trigger.js';
import type { EventOf } from './events.js';
import { manual } from './manual.js';
import { memberCountReached } from './member-count-reached.js';
import { memberJoined } from './member-joined.js';
import { memberLeft } from './member-left.js';
import { memberUpdated } from './member-updated.js';
import { messageCreated } from './message-created.js';
import { reactionAdded } from './reaction-added.js';
import { reactionRemoved } from './reaction-removed.js';
import { schedule } from './schedule.js';
import { slashCommand } from './slash-command.js';
import { stripeEvent } from './stripe-event.js';
import { webhook } from './webhook.js';

/**
 * The trigger node types, in palette order.
 *
 * @example
 * TRIGGER_NODES.map((d) => d.type); // ['trigger.memberJoined', …]
 */
export const TRIGGER_NODES = [
  memberJoined,
  memberLeft,
  memberUpdated,
  messageCreated,
  reactionAdded,
  reactionRemoved,
  buttonClicked,
  slashCommand,
  memberCountReached,
  schedule,
  webhook,
  stripeEvent,
  manual,
] as const;

/**
 * A trigger the gateway routes: every trigger declaration with an `event` (schedules, webhooks,
 * Stripe events and manual runs start elsewhere).
 */
export type RoutedTrigger = Extract<(typeof TRIGGER_NODES)[number], { readonly event: unknown }>;

/** The triggers the gateway routes, derived from their declarations. */
export const ROUTED_TRIGGERS: readonly RoutedTrigger[] = TRIGGER_NODES.filter(isRoutedTrigger);

/**
 * The trigger types the router starts runs for.
 *
 * @example
 * ROUTED_TRIGGER_TYPES.includes('trigger.memberJoined'); // true
 */
export const ROUTED_TRIGGER_TYPES: readonly string[] = ROUTED_TRIGGERS.map((d) => d.type);

/** Any event the router routes: the union of the events the routed triggers listen to. */
export type RouterEvent = EventOf<RoutedTrigger['event']>;

/** A router event kind. */
export type RouterEventKind = RouterEvent['kind'];
