import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ButtonClickedEvent } from './button-clicked.js';
import type { RouterEventKind } from './trigger-nodes.js';
import { MemberJoinedEvent } from './member-joined.js';
import { MemberLeftEvent } from './member-left.js';
import { MemberUpdatedEvent } from './member-updated.js';
import { MessageCreatedEvent } from './message-created.js';
import { ReactionAddedEvent } from './reaction-added.js';
import { ReactionRemovedEvent } from './reaction-removed.js';
import { SlashCommandEvent } from './slash-command.js';

/**
 * What the sandbox's event API accepts: one body per router event kind, the member activity
 * the sandbox turns into the Discord gateway event the router then receives. Validated by the
 * engine's `POST /api/sandbox/events` and typed in the sandbox's control API.
 */
const Id = (description: string) => Type.String({ pattern: '^[0-9]{1,20}$', description });
const common = { guildId: Id('The sandbox guild.') };
const strict = { additionalProperties: false } as const;

/**
 * The body schema of each sandbox event type: one per router event kind (the kinds the routed
 * triggers declare), so a new event kind asks for its injection here.
 */
export const SANDBOX_EVENT_SCHEMAS = {
  memberJoined: Type.Object(
    {
      ...common,
      type: Type.Literal(MemberJoinedEvent.kind),
      user: Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 32 }),
          id: Type.Optional(Id('Reuse a known user id (e.g. someone who left); new by default.')),
          globalName: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
        },
        strict,
      ),
      pending: Type.Optional(
        Type.Boolean({
          description:
            'The member joins still in membership screening (has not accepted the rules yet).',
        }),
      ),
    },
    strict,
  ),
  memberLeft: Type.Object(
    { ...common, type: Type.Literal(MemberLeftEvent.kind), userId: Id('The member who leaves.') },
    strict,
  ),
  memberUpdated: Type.Object(
    {
      ...common,
      type: Type.Literal(MemberUpdatedEvent.kind),
      userId: Id('The member who changes.'),
      addRoles: Type.Optional(
        Type.Array(Id('A role of the guild.'), { maxItems: 25, description: 'Roles to give.' }),
      ),
      removeRoles: Type.Optional(
        Type.Array(Id('A role of the guild.'), { maxItems: 25, description: 'Roles to take.' }),
      ),
      pending: Type.Optional(
        Type.Boolean({
          description: '`false`: the member passes membership screening (accepts the rules).',
        }),
      ),
    },
    strict,
  ),
  messageCreated: Type.Object(
    {
      ...common,
      type: Type.Literal(MessageCreatedEvent.kind),
      channelId: Id('Where the member posts.'),
      userId: Id('The member who posts.'),
      content: Type.String({ minLength: 1, maxLength: 2000 }),
      replyToMessageId: Type.Optional(Id('Post as a reply to this message.')),
    },
    strict,
  ),
  reactionAdded: Type.Object(
    {
      ...common,
      type: Type.Literal(ReactionAddedEvent.kind),
      channelId: Id('The message’s channel.'),
      messageId: Id('The message reacted to.'),
      userId: Id('The member who reacts.'),
      emoji: Type.String({ minLength: 1, maxLength: 64, description: 'A Unicode emoji, e.g. 🎉.' }),
    },
    strict,
  ),
  reactionRemoved: Type.Object(
    {
      ...common,
      type: Type.Literal(ReactionRemovedEvent.kind),
      channelId: Id('The message’s channel.'),
      messageId: Id('The message the reaction is on.'),
      userId: Id('The member who removes their reaction.'),
      emoji: Type.String({ minLength: 1, maxLength: 64, description: 'A Unicode emoji, e.g. 🎉.' }),
    },
    strict,
  ),
  buttonClicked: Type.Object(
    {
      ...common,
      type: Type.Literal(ButtonClickedEvent.kind),
      channelId: Id('The message’s channel.'),
      messageId: Id('The message with the button.'),
      userId: Id('The member who clicks.'),
      customId: Type.String({ minLength: 1, maxLength: 100 }),
    },
    strict,
  ),
  slashCommand: Type.Object(
    {
      ...common,
      type: Type.Literal(SlashCommandEvent.kind),
      channelId: Id('Where the command is used.'),
      userId: Id('The member who uses it.'),
      name: Type.String({ minLength: 1, maxLength: 32 }),
      options: Type.Optional(
        Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())], {
          description: '`{ <option name>: value }`.',
        }),
      ),
    },
    strict,
  ),
} satisfies { [K in RouterEventKind]: TSchema };

/** A body of the sandbox's event API, by `type`. */
export type SandboxEvent = Static<(typeof SANDBOX_EVENT_SCHEMAS)[RouterEventKind]>;

/**
 * The event types the sandbox API injects.
 *
 * @example
 * SANDBOX_EVENT_TYPES.includes('buttonClicked'); // true
 */
export const SANDBOX_EVENT_TYPES = Object.keys(SANDBOX_EVENT_SCHEMAS) as Array<
  keyof typeof SANDBOX_EVENT_SCHEMAS
>;
