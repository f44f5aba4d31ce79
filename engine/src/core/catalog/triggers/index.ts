import { buttonClicked } from './button-clicked.js';
import { manual } from './manual.js';
import { memberCountReached } from './member-count-reached.js';
import { memberJoined } from './member-joined.js';
import { memberLeft } from './member-left.js';
import { memberUpdated } from './member-updated.js';
import { messageCreated } from './message-created.js';
import { reactionAdded } from './reaction-added.js';
import { schedule } from './schedule.js';
import { slashCommand } from './slash-command.js';
import { stripeEvent } from './stripe-event.js';
import { webhook } from './webhook.js';

export {
  ROUTED_TRIGGER_TYPES,
  ROUTED_TRIGGERS,
  TRIGGER_NODES,
  type RoutedTrigger,
  type RouterEvent,
  type RouterEventKind,
} from './trigger-nodes.js';
export {
  buttonClicked,
  manual,
  memberCountReached,
  memberJoined,
  memberLeft,
  memberUpdated,
  messageCreated,
  reactionAdded,
  schedule,
  slashCommand,
  stripeEvent,
  webhook,
};
export { COMMAND_NAME_PATTERN, COMMAND_OPTION_TYPES } from './slash-command.js';
export { MessageCreatedEvent, messagePattern } from './message-created.js';
export { ButtonClickedEvent } from './button-clicked.js';
export { MemberJoinedEvent } from './member-joined.js';
export { MemberLeftEvent } from './member-left.js';
export { MEMBER_CHANGES, MemberUpdatedEvent } from './member-updated.js';
export { defaultAvatarUrl, memberAvatarUrl, type AvatarSource } from './avatars.js';
export { ReactionAddedEvent } from './reaction-added.js';
export { SlashCommandEvent } from './slash-command.js';
export { SANDBOX_EVENT_SCHEMAS, SANDBOX_EVENT_TYPES, type SandboxEvent } from './sandbox-events.js';
export {
  defineRoutedTrigger,
  isRoutedTrigger,
  type RoutedTriggerDeclaration,
  type RoutedTriggerDefinition,
  type TriggerMatch,
} from './define-trigger.js';
export {
  EventActorSchema,
  EventInteractionSchema,
  EventGuildMemberSchema,
  EventUserSchema,
  configString,
  defineEvent,
  isEventOf,
  memberRef,
  userRef,
  type EventGuildMember,
  type EventInteraction,
  type EventMember,
  type EventOf,
  type EventUser,
  type RouterEventDefinition,
} from './events.js';
export {
  CRON_PATTERN,
  MIN_SCHEDULE_INTERVAL_MS,
  cronProblem,
  isTimeZone,
  nextCronRuns,
} from './schedule.js';
