import { Type, type Static, type TObject } from '@sinclair/typebox';
import { Snowflake } from '../schemas.js';
import type { StoredConfig } from './define-trigger.js';
import { configString, EventActorSchema, EventUserSchema } from './events.js';

/** The fields of a reaction event (added or removed): who, where, which emoji. */
export function reactionEventFields(who: string) {
  return {
    user: EventActorSchema(who),
    channelId: Type.String(),
    messageId: Type.String(),
    emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom one.' }),
  };
}

/** The filters of a reaction trigger: channel, message and emoji, each optional. */
export const ReactionConfig = Type.Object(
  {
    channelId: Type.Optional(Snowflake('Only reactions in this channel.')),
    messageId: Type.Optional(Snowflake('Only reactions to this message.')),
    emoji: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Only this emoji: a unicode emoji or a custom one as `name:id`.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The payload of a reaction trigger. */
export function reactionOutput(who: string) {
  return Type.Object({
    user: EventUserSchema(who),
    channelId: Type.String(),
    messageId: Type.String(),
    emoji: Type.String({ description: 'The unicode emoji, or `name:id` for a custom emoji.' }),
  });
}

type ReactionEvent = Static<TObject<ReturnType<typeof reactionEventFields>>>;
type ReactionPayload = Static<ReturnType<typeof reactionOutput>>;

/** The match of both reaction triggers: the filters that are set, never a bot's reaction. */
export function matchReaction(
  config: StoredConfig<typeof ReactionConfig>,
): (event: ReactionEvent) => ReactionPayload | undefined {
  const channelId = configString(config.channelId);
  const messageId = configString(config.messageId);
  const emoji = configString(config.emoji);
  return (e) => {
    if (e.user.bot) return undefined;
    if (channelId !== undefined && e.channelId !== channelId) return undefined;
    if (messageId !== undefined && e.messageId !== messageId) return undefined;
    if (emoji !== undefined && e.emoji !== emoji) return undefined;
    const { bot: _bot, ...user } = e.user;
    return { user, channelId: e.channelId, messageId: e.messageId, emoji: e.emoji };
  };
}
