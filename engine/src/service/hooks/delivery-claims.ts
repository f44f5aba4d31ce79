import { isDuplicateKey, type HookDeliveryRecord, type Store } from '../storage/index.js';
import { TIMESTAMP_TOLERANCE_SECONDS } from './signature.js';

// A claim outlives the last second its timestamp passes the freshness check, plus clock slack.
const CLAIM_SLACK_SECONDS = 60;

/** One timestamped delivery, identified by its signature. */
export interface SignedDelivery {
  hookId: string;
  /** Our hex HMAC of `<timestamp>.<raw body>` (lowercase, so case changes are the same delivery). */
  digest: string;
  timestamp: number;
}

/**
 * Claims a timestamped delivery before anything starts: the first copy inserts
 * `<hookId>:<digest>` with the run id it will start (`runId`); every other copy — a replay, a
 * concurrent duplicate, whatever its `Idempotency-Key` — loses on the unique `_id` and gets the
 * first copy's run id. The caller then starts the run under that id: Temporal starts a workflow
 * id at most once (`REJECT_DUPLICATE`), so a copy of a started delivery starts nothing and a
 * copy of one whose start failed finishes it.
 *
 * The claim is never updated afterwards: marking it "started" cost the store more than the rest
 * of the delivery (an update per delivery, measured in docs/performance-levers.md), to spare a
 * Temporal call only for copies, which are rare.
 *
 * @example
 * const runId = await claimDelivery(store, delivery, hookRunId(hookId, key) ?? newId('run'));
 */
export async function claimDelivery(
  store: Store,
  delivery: SignedDelivery,
  runId: string,
): Promise<string> {
  const _id = claimId(delivery);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await store.hookDeliveries.create({
        _id,
        hookId: delivery.hookId,
        runId,
        createdAt: new Date(),
        expiresAt: new Date(
          (delivery.timestamp + TIMESTAMP_TOLERANCE_SECONDS + CLAIM_SLACK_SECONDS) * 1000,
        ),
      });
      return runId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const claim = await store.hookDeliveries.findById(_id).lean<HookDeliveryRecord>();
    if (claim) return claim.runId;
    // Swept between our insert and read: claim again (once is enough; sweeps are minutes apart).
    if (attempt >= 2) throw new Error(`The claim of webhook delivery ${_id} vanished twice.`);
  }
}

function claimId(delivery: SignedDelivery): string {
  return `${delivery.hookId}:${delivery.digest.toLowerCase()}`;
}
