import { createHash } from 'node:crypto';

/** Discord accepts a message `nonce` of at most 25 characters. */
export const NONCE_LENGTH = 25;

/**
 * The message nonce of one step: the first 25 characters of the base64url SHA-256 of its
 * idempotency key (`${runId}:${nodeId}` plus the loop iteration), so every attempt of the step
 * sends the same nonce and, with `enforce_nonce: true`, Discord returns the first message
 * instead of posting a second one. 150 bits: collisions between steps are not a concern.
 *
 * @example
 * messageNonce('run-1:greet'); // 'q1b…' (25 characters, the same on every retry)
 */
export function messageNonce(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, NONCE_LENGTH);
}
