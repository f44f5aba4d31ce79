import type { Response } from 'express';
import type { Actor } from '../storage/index.js';

/** Who is calling: the self-hosting admin (every guild) or a signed-in user (their guilds). */
export type Caller =
  { kind: 'admin' } | { kind: 'user'; userId: string; guildIds: ReadonlySet<string> };

/** The caller `authenticate` attached to this request. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('callerOf() used on a route that is not behind authenticate().');
  return caller;
}

/**
 * True when the caller may see and change this guild's graphs and runs.
 *
 * @example
 * if (!mayAccessGuild(caller, guildId)) throw notFound();
 */
export function mayAccessGuild(caller: Caller, guildId: string): boolean {
  return caller.kind === 'admin' || caller.guildIds.has(guildId);
}

/** The audit log's view of a caller. */
export function actorOf(caller: Caller): Actor {
  return caller.kind === 'admin'
    ? { kind: 'admin', id: 'admin' }
    : { kind: 'user', id: caller.userId };
}
