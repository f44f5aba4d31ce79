import { buttonClicked } from './button-clicked.js';
import { manual } from './manual.js';
import { memberCountReached } from './member-count-reached.js';
import { memberJoined } from './member-joined.js';
import { memberLeft } from './member-left.js';
import { messageCreated } from './message-created.js';
import { reactionAdded } from './reaction-added.js';
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
  messageCreated,
  reactionAdded,
  buttonClicked,
  slashCommand,
  memberCountReached,
  schedule,
  webhook,
  stripeEvent,
  manual,
] as const;

export {
  buttonClicked,
  manual,
  memberCountReached,
  memberJoined,
  memberLeft,
  messageCreated,
  reactionAdded,
  schedule,
  slashCommand,
  stripeEvent,
  webhook,
};
export { COMMAND_NAME_PATTERN, COMMAND_OPTION_TYPES } from './slash-command.js';
export { messagePattern } from './message-created.js';
export {
  CRON_PATTERN,
  MIN_SCHEDULE_INTERVAL_MS,
  cronProblem,
  isTimeZone,
  nextCronRuns,
} from './schedule.js';
