import type { EventUser } from '../../core/index.js';
import type { Store, WaitRecord } from '../storage/index.js';
import { isDuplicateKey, type CollectWindowRecord } from '../storage/index.js';
import { COLLECT_RETENTION_MS } from './engine-activities.js';

/**
 * Records a click or reaction on a message as an entry of every open collect window of the
 * event's guild that watches it, with the member's roles (a window with a `roleId` only takes
 * members who have it). One entry per user and window (a double click enters once: a unique
 * index, not a read-then-write). Returns the ids of the windows the user entered for the first
 * time.
 *
 * Keyed by guild: a graph may name any message id, and a window of one server must never see
 * who clicked or reacted in another.
 */
export async function enterCollect(
  store: Store,
  event: {
    guildId: string;
    messageId: string;
    customId?: string;
    emoji?: string;
    /** `roles`: the member's role ids (gateway events carry them; `[]` when unknown). */
    user: EventUser & { roles?: readonly string[] };
  },
  now = new Date(),
): Promise<string[]> {
  const roles = [...(event.user.roles ?? [])];
  const windows = await store.collectWindows
    .find({ guildId: event.guildId, messageId: event.messageId, closesAt: { $gt: now } })
    .lean<CollectWindowRecord[]>();
  const matching = windows.filter(
    (w) =>
      (w.customId !== null
        ? w.customId === event.customId
        : w.emoji !== null && w.emoji === event.emoji) &&
      // A members-only window does not count anyone without the role.
      (w.roleId === null || w.roleId === undefined || roles.includes(w.roleId)),
  );
  const entered: string[] = [];
  for (const window of matching) {
    try {
      await store.collectEntries.create({
        collectId: window._id,
        userId: event.user.id,
        username: event.user.username,
        mention: event.user.mention,
        roles,
        enteredAt: now,
        purgeAt: new Date(window.closesAt.getTime() + COLLECT_RETENTION_MS),
      });
      entered.push(window._id);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return entered;
}

/**
 * The live waits an event on a message satisfies (the router signals each one's workflow): only
 * waits of runs of the event's guild, so a run never receives another server's clicks,
 * reactions or replies; a wait with a `roleId` only by a member who has that role.
 *
 * @example
 * for (const wait of await waitsFor(store, { guildId, messageId, event: 'button', customId, userId, roles })) signal(wait);
 */
export async function waitsFor(
  store: Store,
  event: {
    guildId: string;
    messageId: string;
    event: WaitRecord['event'];
    customId?: string;
    userId?: string;
    /** The role ids of the member who clicked, reacted or replied (a wait's `roleId`). */
    roles?: readonly string[];
  },
  now = new Date(),
): Promise<WaitRecord[]> {
  const waits = await store.waits
    .find({
      guildId: event.guildId,
      messageId: event.messageId,
      event: event.event,
      expiresAt: { $gt: now },
    })
    .lean<WaitRecord[]>();
  return waits.filter(
    (w) =>
      (w.customId === null || w.customId === event.customId) &&
      (w.userId === null || w.userId === event.userId) &&
      // A wait for a role ignores everyone without it: it goes on waiting (until its timeout).
      (w.roleId === null || w.roleId === undefined || (event.roles ?? []).includes(w.roleId)),
  );
}
