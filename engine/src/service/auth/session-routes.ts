import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { openStore, type UserRecord } from '../storage/index.js';
import { callerOf } from './caller.js';
import { endSession, findSession } from './sessions.js';
import { bearerToken } from './tokens.js';

/**
 * `/api/session`: `GET` says who the bearer token belongs to (the builder shows the user and
 * their guilds), `POST /api/session/end` signs out — the session token stops working at once.
 * Mounted behind `authenticate`.
 *
 * @example
 * app.use('/api', sessionRoutes(deps));
 */
export function sessionRoutes(deps: ServiceDeps): Router {
  const router = Router();

  router.get('/session', async (req, res) => {
    const caller = callerOf(res);
    if (caller.kind === 'admin') {
      res.json({ kind: 'admin', user: null, guildIds: null, expiresAt: null });
      return;
    }
    const store = await openStore(deps.mongo);
    const session = await findSession(
      store,
      bearerToken(req.get('Authorization')) ?? '',
      new Date((deps.now ?? Date.now)()),
    );
    const user = await store.users.findById(caller.userId).lean<UserRecord>();
    res.set('Cache-Control', 'no-store').json({
      kind: 'user',
      user: { id: caller.userId, username: user?.username ?? '' },
      guildIds: [...caller.guildIds],
      expiresAt: session?.expiresAt.toISOString() ?? null,
    });
  });

  router.post('/session/end', async (req, res) => {
    if (callerOf(res).kind === 'admin')
      throw new ApiError(
        409,
        'not_a_session',
        'The admin token is not a session and cannot be signed out; to revoke it, change GUILDFLOW_ADMIN_TOKEN and restart.',
      );
    await endSession(await openStore(deps.mongo), bearerToken(req.get('Authorization')) ?? '');
    res.status(204).end();
  });

  return router;
}
