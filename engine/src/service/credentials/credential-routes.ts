import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { baseUrlOf, guildContext } from '../http/context.js';
import { requireJson } from '../http/preconditions.js';
import { recordAudit, secretBox, withKeyLock } from '../storage/index.js';
import { checkCredentialBody, createCredential, listCredentials } from './credential-store.js';

/**
 * The credential routes under `/api/guilds/:guildId` (guild access already checked): a guild's
 * named secrets, write-only. No answer, audit entry or log line carries a value: the list shows
 * names, types and dates; a name is never overwritten (409: delete it first), so replacing a
 * secret is always a visible delete and create in the audit log.
 *
 * @example
 * app.use('/api/guilds/:guildId', credentialRoutes(deps));
 */
export function credentialRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });
  // The secret key seals; legacy keys never seal, so they are not needed here.
  const box = secretBox(deps.secretKey);

  router.get('/credentials', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    res.json({
      credentials: await listCredentials(ctx.store, ctx.guildId, baseUrlOf(deps, req)),
    });
  });

  router.post('/credentials', requireJson, async (req, res) => {
    const input = checkCredentialBody(req.body);
    const ctx = await guildContext(deps, req, res);
    const saved = await createCredential(ctx.store, box, ctx.guildId, input, ctx.actor.id);
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'credential.create',
      guildId: ctx.guildId,
      note: `${saved.type} credential "${saved.name}"`,
    });
    res
      .status(201)
      .json({ name: saved.name, type: saved.type, createdAt: saved.createdAt.toISOString() });
  });

  router.delete('/credentials/:name', async (req, res) => {
    const ctx = await guildContext(deps, req, res);
    const name = String(req.params.name);
    // Read then delete (the embedded store has no projected findOneAndDelete): the type is
    // for the audit note.
    const removed = await withKeyLock(`credentials:${ctx.guildId}`, async () => {
      const found = await ctx.store.credentials
        .findOne({ guildId: ctx.guildId, name }, { type: 1 })
        .lean<{ _id: string; type: string }>();
      if (!found) return undefined;
      const { deletedCount } = await ctx.store.credentials.deleteOne({ _id: found._id });
      return deletedCount === 1 ? found : undefined;
    });
    if (!removed)
      throw new ApiError(
        404,
        'not_found',
        `This guild has no credential named "${name}"; GET /api/guilds/${ctx.guildId}/credentials lists its credentials.`,
      );
    await recordAudit(ctx.store, {
      actor: ctx.actor,
      action: 'credential.delete',
      guildId: ctx.guildId,
      note: `${removed.type} credential "${name}"`,
    });
    res.status(204).end();
  });

  return router;
}
