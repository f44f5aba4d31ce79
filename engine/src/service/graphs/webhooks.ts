import { randomBytes } from 'node:crypto';
import {
  isDuplicateKey,
  newId,
  sha256Hex,
  type Store,
  type WebhookRecord,
} from '../storage/index.js';

/** Seals and opens secrets at rest (see `secretBox`). */
export interface SecretSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * The hook of a graph, created when missing. `secret` is returned only when this call created
 * the hook — the one moment it is shown. A concurrent creator loses on the unique index and
 * gets the existing hook (without its secret).
 *
 * @example
 * const { hookId, secret } = await ensureWebhook(store, box, { id: graphId, guildId });
 */
export async function ensureWebhook(
  store: Store,
  box: SecretSealer,
  graph: { id: string; guildId: string },
): Promise<{ hookId: string; secret?: string; created: boolean }> {
  const existing = await store.webhooks.findOne({ graphId: graph.id }).lean<WebhookRecord>();
  if (existing) return { hookId: existing._id, created: false };
  const secret = newSecret();
  const hookId = newId('wh', 24);
  try {
    await store.webhooks.create({
      _id: hookId,
      graphId: graph.id,
      guildId: graph.guildId,
      secretHash: sha256Hex(secret),
      secretCipher: box.seal(secret),
      createdAt: new Date(),
      rotatedAt: null,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await store.webhooks.findOne({ graphId: graph.id }).lean<WebhookRecord>();
    if (!winner) throw error;
    return { hookId: winner._id, created: false };
  }
  return { hookId, secret, created: true };
}

/**
 * Replaces the secret of a graph's hook (creating the hook when it has none) and returns the
 * new secret; the old one stops working at once. The hook id (its URL) stays the same.
 *
 * @example
 * const { hookId, secret } = await rotateWebhook(store, box, { id: graphId, guildId });
 */
export async function rotateWebhook(
  store: Store,
  box: SecretSealer,
  graph: { id: string; guildId: string },
): Promise<{ hookId: string; secret: string }> {
  const ensured = await ensureWebhook(store, box, graph);
  if (ensured.secret) return { hookId: ensured.hookId, secret: ensured.secret };
  const secret = newSecret();
  await store.webhooks.updateOne(
    { _id: ensured.hookId },
    {
      $set: {
        secretHash: sha256Hex(secret),
        secretCipher: box.seal(secret),
        rotatedAt: new Date(),
      },
    },
  );
  return { hookId: ensured.hookId, secret };
}

/**
 * The hook and its clear secret, for checking an inbound request's signature; null when the
 * hook is unknown or its secret cannot be opened (the secret key changed: rotate the hook).
 *
 * @example
 * const hook = await webhookSecret(store, box, req.params.hookId);
 */
export async function webhookSecret(
  store: Store,
  box: SecretSealer,
  hookId: string,
): Promise<{ hookId: string; graphId: string; guildId: string; secret: string } | null> {
  const hook = await store.webhooks.findById(hookId).lean<WebhookRecord>();
  if (!hook) return null;
  try {
    const secret = box.open(hook.secretCipher);
    if (sha256Hex(secret) !== hook.secretHash) return null;
    return { hookId: hook._id, graphId: hook.graphId, guildId: hook.guildId, secret };
  } catch {
    return null;
  }
}

/**
 * The public URL of a hook.
 *
 * @example
 * webhookUrl('http://localhost:3000', 'wh_abc'); // 'http://localhost:3000/hooks/wh_abc'
 */
export function webhookUrl(baseUrl: string, hookId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/hooks/${hookId}`;
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
