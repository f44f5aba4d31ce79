import { sha256Hex } from '../storage/secret-box.js';
import type { SessionRecord, Store } from '../storage/index.js';
import { newToken } from './tokens.js';

/** Sessions last a week unless the sign-in flow says otherwise. */
export const SESSION_TTL_MS = 7 * 86_400_000;

/**
 * Creates a session for a user who may manage `guildIds` and returns its bearer token — the
 * only time the token exists in clear (the store keeps its SHA-256). Sign-in passes Discord's
 * grant, sealed, so the guilds can be re-checked hourly; a session without one (tests, or an
 * embedder acting for a known user) cannot be re-checked and ends when its first check is due.
 */
export async function createSession(
  store: Store,
  input: {
    user: { id: string; username: string };
    guildIds: string[];
    ttlMs?: number;
    /** Discord's grant, sealed with the service's secret box. */
    sealedGrant?: string;
    /** Now, in ms (the service's clock). */
    now?: number;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const now = new Date(input.now ?? Date.now());
  await store.users.updateOne(
    { _id: input.user.id },
    {
      $set: { username: input.user.username, lastSignInAt: now },
      $setOnInsert: { createdAt: now },
    },
    { upsert: true },
  );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? SESSION_TTL_MS));
  await store.sessions.create({
    _id: sha256Hex(token),
    userId: input.user.id,
    guildIds: [...new Set(input.guildIds)],
    createdAt: now,
    expiresAt,
    guildsCheckedAt: now,
    recheckRetryAt: null,
    discordGrant: input.sealedGrant ?? null,
  });
  return { token, expiresAt };
}

/** The live session of a bearer token, or null when it is unknown or expired. */
export async function findSession(
  store: Store,
  token: string,
  now = new Date(),
): Promise<SessionRecord | null> {
  return store.sessions
    .findOne({ _id: sha256Hex(token), expiresAt: { $gt: now } })
    .lean<SessionRecord>();
}

/** Ends a session (sign-out). */
export async function endSession(store: Store, token: string): Promise<void> {
  await store.sessions.deleteOne({ _id: sha256Hex(token) });
}
