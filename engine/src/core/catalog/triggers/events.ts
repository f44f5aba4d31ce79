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

/** A user as triggers output them: `{ id, username, mention }`. */
export const EventUserSchema = MemberRef;

/** A user as events and trigger payloads carry them. */
export type EventUser = Static<ReturnType<typeof MemberRef>>;

/**
 * An event's author or reacting user: a user plus whether it is a bot (ours included), which
 * triggers filter on and never output.
 */
export function EventActorSchema(description: string) {
  return Type.Composite([MemberRef(description), Type.Object({ bot: Type.Boolean() })]);
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
