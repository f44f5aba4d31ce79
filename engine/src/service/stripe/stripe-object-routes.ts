import { Router } from 'express';
import { callerOf } from '../auth/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { guildContext } from '../http/context.js';
import { recordAudit, type StripeObjectRecord } from '../storage/index.js';
import {
  STRIPE_OWNABLE_ID,
  StripeObjectOwnedElsewhere,
  recordStripeObject,
} from './stripe-ownership.js';

/**
 * `PUT /api/guilds/:guildId/stripe/objects/:objectId`: the operator records that the guild owns
 * a Stripe customer, subscription or checkout session made outside Guildflow (a Payment Link,
 * the Dashboard), so its events reach the guild's `trigger.stripeEvent` graphs. Admin token
 * only (403 `admin_only`): a guild recording ids itself could claim another guild's customers.
 * 201 when recorded, 200 when it already was (for this guild), 409 `stripe_object_owned` when
 * another guild owns it (an owner is never replaced), 400 for an id that is not `cus_`/`sub_`/`cs_`.
 *
 * @example
 * app.use('/api/guilds/:guildId', guildAccess, stripeObjectRoutes(deps));
 */
export function stripeObjectRoutes(deps: ServiceDeps): Router {
  const router = Router({ mergeParams: true });
  router.put('/stripe/objects/:objectId', async (req, res) => {
    if (callerOf(res).kind !== 'admin')
      throw new ApiError(
        403,
        'admin_only',
        'Only the operator (the admin token) records Stripe objects for a server: a server recording them itself could claim another server’s customers.',
      );
    const objectId = String(req.params.objectId);
    if (!STRIPE_OWNABLE_ID.test(objectId))
      throw new ApiError(
        400,
        'invalid_request',
        'Record a customer (cus_…), subscription (sub_…) or checkout session (cs_…) id as Stripe shows it.',
        [{ path: 'params.objectId', message: 'must be a cus_, sub_ or cs_ id' }],
      );
    const ctx = await guildContext(deps, req, res);
    let result: Awaited<ReturnType<typeof recordStripeObject>>;
    try {
      result = await recordStripeObject(ctx.store, {
        objectId,
        guildId: ctx.guildId,
        via: 'operator',
      });
    } catch (error) {
      if (!(error instanceof StripeObjectOwnedElsewhere)) throw error;
      throw new ApiError(
        409,
        'stripe_object_owned',
        `${objectId} is already recorded for another server; an owner is never replaced.`,
      );
    }
    if (result.recorded)
      await recordAudit(ctx.store, {
        actor: ctx.actor,
        action: 'stripe.record',
        guildId: ctx.guildId,
        note: `${result.record.kind} ${objectId}`,
      });
    res.status(result.recorded ? 201 : 200).json(stripeObjectOf(result.record));
  });
  return router;
}

function stripeObjectOf(record: StripeObjectRecord) {
  return {
    id: record._id,
    guildId: record.guildId,
    kind: record.kind,
    recordedVia: record.recordedVia,
    recordedAt: new Date(record.recordedAt).toISOString(),
  };
}
