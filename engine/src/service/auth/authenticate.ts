import type { NextFunction, Request, Response } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { openStore } from '../storage/index.js';
import { mayAccessGuild, type Caller } from './caller.js';
import { sessionChecks } from './session-recheck.js';
import { findSession } from './sessions.js';
import { bearerToken, safeEqual } from './tokens.js';

/**
 * Middleware: resolves `Authorization: Bearer <token>` to a caller — the admin token (compared
 * in constant time, no store needed) or a live session, whose guilds are re-confirmed with
 * Discord when their hourly check is due — or answers 401 `unauthorized`.
 *
 * @example
 * app.use('/api', authenticate(deps));
 */
export function authenticate(deps: ServiceDeps) {
  const checks = sessionChecks(deps);
  const now = deps.now ?? Date.now;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req.get('Authorization'));
    if (!token)
      throw unauthorized(
        'Send Authorization: Bearer <token> — the admin token that `npm start` printed, or the token from signing in.',
      );
    let caller: Caller | undefined;
    if (safeEqual(token, deps.adminToken)) {
      caller = { kind: 'admin' };
    } else {
      const store = await openStore(deps.mongo);
      const at = now();
      const session = await findSession(store, token, new Date(at));
      if (session) {
        const guildIds = await checks.guildIds(store, session, at);
        caller = { kind: 'user', userId: session.userId, guildIds: new Set(guildIds) };
      }
    }
    if (!caller)
      throw unauthorized('The token is invalid or has expired. Sign in again to get a new one.');
    res.locals.caller = caller;
    next();
  };
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message);
}

/** Pattern of guild ids in routes: Discord snowflakes, sandbox ids. */
export const GUILD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Param middleware for `:guildId`: a guild the caller may not manage answers 404, exactly like
 * a guild that does not exist, so ids of other tenants are never confirmed.
 */
export function guildAccess(
  _req: Request,
  res: Response,
  next: NextFunction,
  guildId: string,
): void {
  const caller = res.locals.caller as Caller;
  if (!GUILD_ID_PATTERN.test(guildId) || !mayAccessGuild(caller, guildId)) {
    next(notFound());
    return;
  }
  next();
}

/**
 * The one "not found" answer for anything outside the caller's guilds or simply absent.
 *
 * @example
 * if (!graph) throw notFound('graph');
 */
export function notFound(what = 'resource'): ApiError {
  return new ApiError(
    404,
    'not_found',
    `No such ${what} in this guild, or you may not manage it. Check the id and the guild.`,
  );
}
