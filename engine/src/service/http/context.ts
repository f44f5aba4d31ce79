import type { Request, Response } from 'express';
import { actorOf, callerOf, type Caller } from '../auth/index.js';
import type { ServiceDeps } from '../deps.js';
import { openStore, type Actor, type Store } from '../storage/index.js';

/** What a guild route works with: the store, who calls, for which guild. */
export interface GuildContext {
  deps: ServiceDeps;
  store: Store;
  caller: Caller;
  actor: Actor;
  guildId: string;
}

/**
 * The context of a request under `/api/guilds/:guildId` (auth and guild access already checked).
 */
export async function guildContext(
  deps: ServiceDeps,
  req: Request,
  res: Response,
): Promise<GuildContext> {
  const caller = callerOf(res);
  return {
    deps,
    store: await openStore(deps.mongo),
    caller,
    actor: actorOf(caller),
    guildId: guildIdOf(req),
  };
}

/** The `:guildId` of a route mounted under `/api/guilds/:guildId` (merged params are not typed). */
export function guildIdOf(req: Request): string {
  return String((req.params as Record<string, string | undefined>).guildId);
}

/** The public origin links are built on: `deps.publicUrl`, else the request's own. */
export function baseUrlOf(deps: ServiceDeps, req: Request): string {
  return deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Runs `attempt` again (up to 3 times) when it fails with 412 and the client did not ask for a
 * precondition itself: a concurrent change between our read and our conditional write is then
 * ours to absorb, not the client's.
 */
export async function retryConflicts<T>(
  clientRevision: number | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const conflict = (error as { status?: unknown }).status === 412;
      if (!conflict || clientRevision !== undefined || tries >= 3) throw error;
    }
  }
}
