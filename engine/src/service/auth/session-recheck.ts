import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { log } from '../log.js';
import { secretBox, withKeyLock, type SessionRecord, type Store } from '../storage/index.js';
import type { DiscordGrant } from './discord-sign-in.js';

/** A session's guilds are confirmed with Discord at least this often while it is used. */
export const RECHECK_EVERY_MS = 3_600_000;
/** While Discord cannot be reached, the last confirmed guilds count this long past a due check. */
export const UNREACHABLE_GRACE_MS = 2 * 3_600_000;
/** While Discord cannot be reached, a session asks again at most this often. */
const RETRY_MS = 60_000;

type Box = ReturnType<typeof secretBox>;

/**
 * Keeps signed-in sessions' guilds current: a session whose guilds were confirmed more than an
 * hour ago asks Discord again (`/users/@me/guilds` with the sealed grant, refreshing the access
 * token when it has expired) before the request goes on. A guild the user no longer manages
 * leaves the session; a revoked grant ends it (401); while Discord cannot be reached the last
 * confirmed guilds count for a grace period (logged), then the session's requests answer 503.
 * One check per session at a time in this process; the others wait for its result.
 *
 * @example
 * const checks = sessionChecks(deps);
 * const guildIds = await checks.guildIds(store, session, Date.now());
 */
export function sessionChecks(deps: ServiceDeps) {
  const settings = deps.discordOAuth;
  const everyMs = settings?.recheckEveryMs ?? RECHECK_EVERY_MS;
  const graceMs = settings?.unreachableGraceMs ?? UNREACHABLE_GRACE_MS;
  const box = secretBox(deps.secretKey, deps.legacySecretKeys);
  const checkedAt = (s: SessionRecord) => (s.guildsCheckedAt ?? s.createdAt).getTime();
  const due = (s: SessionRecord, now: number) =>
    now >= Math.max(checkedAt(s) + everyMs, s.recheckRetryAt?.getTime() ?? 0);

  async function check(store: Store, id: string, now: number): Promise<string[]> {
    const session = await store.sessions.findById(id).lean<SessionRecord>();
    if (!session) throw sessionEnded('You were signed out.');
    if (!due(session, now)) return usable(session, now);
    const grant = openGrant(box, session);
    if (!settings || !grant) {
      await store.sessions.deleteOne({ _id: id });
      throw sessionEnded(
        'This session can no longer be confirmed with Discord (it has no Discord sign-in this Guildflow can check).',
      );
    }
    const outcome = await settings.recheckGuilds(grant, now);
    if (outcome.kind === 'revoked') {
      await store.sessions.deleteOne({ _id: id });
      log('info', 'session.revoked', { userId: session.userId });
      throw sessionEnded(
        'Discord no longer authorizes Guildflow for your account (the app was removed or its access revoked), so this session has ended.',
      );
    }
    if (outcome.kind === 'unavailable') {
      const keptUntil = new Date(checkedAt(session) + everyMs + graceMs);
      log('warn', 'session.recheck_failed', {
        userId: session.userId,
        reason: outcome.reason,
        lastConfirmedAt: new Date(checkedAt(session)).toISOString(),
        keptUntil: keptUntil.toISOString(),
      });
      const retryAt = new Date(now + RETRY_MS);
      await store.sessions.updateOne({ _id: id }, { $set: { recheckRetryAt: retryAt } });
      return usable({ ...session, recheckRetryAt: retryAt }, now);
    }
    const removed = session.guildIds.filter((g) => !outcome.guildIds.includes(g));
    const added = outcome.guildIds.filter((g) => !session.guildIds.includes(g));
    if (removed.length + added.length > 0)
      log('info', 'session.guilds_changed', { userId: session.userId, removed, added });
    await store.sessions.updateOne(
      { _id: id },
      {
        $set: {
          guildIds: outcome.guildIds,
          guildsCheckedAt: new Date(now),
          recheckRetryAt: null,
          ...(outcome.refreshed ? { discordGrant: box.seal(JSON.stringify(outcome.grant)) } : {}),
        },
      },
    );
    return outcome.guildIds;
  }

  // The last confirmed guilds, while they may still be trusted.
  function usable(session: SessionRecord, now: number): string[] {
    if (now < checkedAt(session) + everyMs + graceMs) return session.guildIds;
    throw new ApiError(
      503,
      'discord_unavailable',
      `Guildflow could not confirm with Discord which servers you manage (last confirmed ${new Date(checkedAt(session)).toISOString()}); Discord is not answering. Nothing was changed: try again in a few minutes.`,
    );
  }

  return {
    /** The guilds the session's user may manage now; throws 401 (ended) or 503 (unconfirmable). */
    async guildIds(store: Store, session: SessionRecord, now: number): Promise<string[]> {
      if (!due(session, now)) return usable(session, now);
      return withKeyLock(`session:${session._id}`, () => check(store, session._id, now));
    },
  };
}

function openGrant(box: Box, session: SessionRecord): DiscordGrant | undefined {
  if (!session.discordGrant) return undefined;
  try {
    return JSON.parse(box.open(session.discordGrant)) as DiscordGrant;
  } catch {
    // The secret key changed since sign-in: the grant cannot be read any more.
    log('warn', 'session.grant_unreadable', { userId: session.userId });
    return undefined;
  }
}

function sessionEnded(why: string): ApiError {
  return new ApiError(401, 'unauthorized', `${why} Sign in again at /auth/discord.`);
}
