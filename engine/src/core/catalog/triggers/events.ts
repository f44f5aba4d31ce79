import {
  Type,
  type Static,
  type TLiteral,
  type TObject,
  type TSchema,
  type TProperties,
  type TString,
} from '@sinclair/typebox';
import { MemberRef } from '../schemas.js';

/**
 * The events the trigger router understands, independent of discord.js: the gateway translates
 * what Discord sends into these, so the router (and its benchmark) needs no Discord client.
 * Each event kind is declared once, by the trigger that owns it, with {@link defineEvent}; the
 * union {@link RouterEvent} is derived from the routed trigger declarations.
 */

/** The role ids a member has in the event's guild. */
function RolesSchema() {
  return Type.Array(Type.String(), {
    description:
      'Role ids the member has in this server, without @everyone (`[]` when Discord did not say).',
  });
}

/**
 * A member as Discord triggers output them: `{ id, username, mention, roles }` — `roles` are
 * the role ids the member has in the event's guild (without @everyone).
 */
export function EventUserSchema(description = 'A member.') {
  return Type.Composite([MemberRef(), Type.Object({ roles: RolesSchema() })], { description });
}

/** A user reference without roles: `{ id, username, mention }` (collect entries, manual runs). */
export type EventUser = Static<ReturnType<typeof MemberRef>>;

/** A member as events and Discord trigger payloads carry them: `{ id, username, mention, roles }`. */
export type EventMember = Static<ReturnType<typeof EventUserSchema>>;

/**
 * A member who joined, left or changed: a member plus their avatar and whether they still have
 * to pass membership screening.
 */
export function EventGuildMemberSchema(description: string) {
  return Type.Composite(
    [
      EventUserSchema(),
      Type.Object({
        avatarUrl: Type.String({
          description:
            "The member's avatar (server avatar first), or Discord's default avatar `https://cdn.discordapp.com/embed/avatars/<n>.png`.",
        }),
        pending: Type.Boolean({
          description:
            'Has not passed membership screening yet (has not accepted the rules); `false` when the server has none.',
        }),
      }),
    ],
    { description },
  );
}

/** A member who joined, left or changed, as events and trigger payloads carry them. */
export type EventGuildMember = Static<ReturnType<typeof EventGuildMemberSchema>>;

/**
 * An event's author or reacting user: a member plus whether it is a bot (ours included), which
 * triggers filter on and never output.
 */
export function EventActorSchema(description: string) {
  return Type.Composite([EventUserSchema(), Type.Object({ bot: Type.Boolean() })], {
    description,
  });
}

/** The interaction a slash command or button click came with (kept out of the payload). */
export const EventInteractionSchema = Type.Object({ id: Type.String(), token: Type.String() });

/** The interaction of a slash command or button click: `{ id, token }`. */
export type EventInteraction = Static<typeof EventInteractionSchema>;

/** The fields every router event has. */
type BaseProperties<K extends string> = { kind: TLiteral<K>; eventId: TString; guildId: TString };

/**
 * A router event kind: its name and the TypeBox schema of its shape (`kind`, `eventId`,
 * `guildId` plus its own fields).
 */
export interface RouterEventDefinition<K extends string = string, S extends TSchema = TSchema> {
  readonly kind: K;
  readonly schema: S;
}

/**
 * Declares a router event kind. The `eventId` is stable across redeliveries (a snowflake, or
 * built from fields a redelivery repeats), so one Discord event never starts a run twice.
 *
 * @example
 * export const MemberLeftEvent = defineEvent('memberLeft', 'A member left.', { member: EventUserSchema() });
 */
export function defineEvent<const K extends string, P extends TProperties>(
  kind: K,
  description: string,
  properties: P,
): RouterEventDefinition<K, TObject<BaseProperties<K> & P>> {
  const base: BaseProperties<K> = {
    kind: Type.Literal(kind),
    eventId: Type.String({
      description: 'Stable id of the Discord event: a redelivered event has the same id.',
    }),
    guildId: Type.String(),
  };
  return Object.freeze({
    kind,
    schema: Type.Object({ ...base, ...properties }, { description }),
  });
}

/**
 * The event type of an event definition (distributes over unions).
 *
 * @example
 * type Left = EventOf<typeof MemberLeftEvent>; // { kind: 'memberLeft'; eventId; guildId; member }
 */
export type EventOf<E> = E extends RouterEventDefinition<string, infer S> ? Static<S> : never;

/**
 * True when `event` is of the kind `definition` declares (narrows it to that event's type).
 *
 * @example
 * if (isEventOf(MemberJoinedEvent, event)) event.guild.memberCount;
 */
export function isEventOf<E extends RouterEventDefinition>(
  definition: E,
  event: { readonly kind: string },
): event is { readonly kind: string } & EventOf<E> {
  return event.kind === definition.kind;
}

/**
 * The user reference triggers output for a Discord user.
 *
 * @example
 * userRef('1300…0303', 'carol'); // { id, username: 'carol', mention: '<@1300…0303>' }
 */
export function userRef(id: string, username: string): EventUser {
  return { id, username, mention: `<@${id}>` };
}

/**
 * The member reference Discord triggers output: a user reference with the member's role ids
 * (without @everyone, which is the guild's id).
 *
 * @example
 * memberRef('1300…0302', 'bob', ['1300…0204'], '1300…0001'); // { id, username, mention, roles: ['1300…0204'] }
 */
export function memberRef(
  id: string,
  username: string,
  roles: Iterable<string>,
  guildId: string,
): EventMember {
  return { ...userRef(id, username), roles: [...roles].filter((role) => role !== guildId) };
}

/**
 * A trigger config string that filters, or undefined for "no filter": trigger configs are
 * rendered at publish time but records written by older versions may hold anything, so a
 * matcher reads them through this and never throws.
 *
 * @example
 * configString(config.channelId); // '1300…0100', or undefined for '', a number, a missing key
 */
export function configString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
