import { log, messageOf } from '../log.js';
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
 * What a claim found: the run of this delivery, and whether it is known to exist.
 *
 * @example
 * const claim: DeliveryClaim = { runId: 'run_…', started: true }; // a replay: answer runId
 */
export interface DeliveryClaim {
  runId: string;
  started: boolean;
}

/**
 * Claims a timestamped delivery before anything starts: the first copy inserts
 * `<hookId>:<digest>` with the run id it will start (`runId`); every other copy — a replay, a
 * concurrent duplicate, whatever its `Idempotency-Key` — loses on the unique `_id` and gets
 * the first copy's run id. `started: false` means that run may not exist yet (the first copy
 * is still starting it, or failed to): the caller starts it under that id, which Temporal runs
 * at most once, so a failed start stays retryable and nothing runs twice.
 *
 * @example
 * const claim = await claimDelivery(store, delivery, hookRunId(hookId, key) ?? newId('run'));
 * if (claim.started) return res.status(202).json({ runId: claim.runId }); // a replay
 */
export async function claimDelivery(
  store: Store,
  delivery: SignedDelivery,
  runId: string,
): Promise<DeliveryClaim> {
  const _id = claimId(delivery);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await store.hookDeliveries.create({
        _id,
        hookId: delivery.hookId,
        runId,
        started: false,
        createdAt: new Date(),
        expiresAt: new Date(
          (delivery.timestamp + TIMESTAMP_TOLERANCE_SECONDS + CLAIM_SLACK_SECONDS) * 1000,
        ),
      });
      return { runId, started: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const claim = await store.hookDeliveries.findById(_id).lean<HookDeliveryRecord>();
    if (claim) return { runId: claim.runId, started: claim.started };
    // Swept between our insert and read: claim again (once is enough; sweeps are minutes apart).
    if (attempt >= 2) throw new Error(`The claim of webhook delivery ${_id} vanished twice.`);
  }
}

/**
 * Notes that the claimed delivery's run exists, so later copies answer without asking
 * Temporal. Best effort: if it cannot be written, the next copy just starts the run again
 * under the same id, which starts nothing.
 */
export async function markDeliveryStarted(store: Store, delivery: SignedDelivery): Promise<void> {
  try {
    await store.hookDeliveries.updateOne({ _id: claimId(delivery) }, { $set: { started: true } });
  } catch (error) {
    log('warn', 'webhook.claim_not_marked', { hookId: delivery.hookId, error: messageOf(error) });
  }
}

function claimId(delivery: SignedDelivery): string {
  return `${delivery.hookId}:${delivery.digest.toLowerCase()}`;
}
