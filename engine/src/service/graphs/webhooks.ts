import { randomBytes } from 'node:crypto';
import {
  isDuplicateKey,
  newId,
  sha256Hex,
  type Store,
  type WebhookRecord,
  type WebhookSigning,
} from '../storage/index.js';
import type { WebhookInfo } from './graph-resource.js';

/** What a hook's owner sees about a body-only hook, wherever the hook is shown. */
export const REPLAYABLE_WARNING =
  'Body-only signing: anyone who captures one delivery can send it again, at any time, and start another run. Switch to timestamped signing (PUT …/webhook { "signing": "timestamped" }) as soon as the sender can sign a timestamp.';

/** Seals and opens secrets at rest (see `secretBox`). */
export interface SecretSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * The hook of a graph, created when missing. `secret` is returned only when this call created
 * the hook — the one moment it is shown. A concurrent creator loses on the unique index and
 * gets the existing hook (without its secret).
 */
export async function ensureWebhook(
  store: Store,
  box: SecretSealer,
  graph: { id: string; guildId: string },
): Promise<{ hookId: string; secret?: string; created: boolean; signing: WebhookSigning }> {
  const existing = await store.webhooks.findOne({ graphId: graph.id }).lean<WebhookRecord>();
  if (existing) return { hookId: existing._id, created: false, signing: signingOf(existing) };
  const secret = newSecret();
  const hookId = newId('wh', 24);
  try {
    await store.webhooks.create({
      _id: hookId,
      graphId: graph.id,
      guildId: graph.guildId,
      secretHash: sha256Hex(secret),
      secretCipher: box.seal(secret),
      signing: 'timestamped',
      createdAt: new Date(),
      rotatedAt: null,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await store.webhooks.findOne({ graphId: graph.id }).lean<WebhookRecord>();
    if (!winner) throw error;
    return { hookId: winner._id, created: false, signing: signingOf(winner) };
  }
  return { hookId, secret, created: true, signing: 'timestamped' };
}

/**
 * Replaces the secret of a graph's hook (creating the hook when it has none) and returns the
 * new secret; the old one stops working at once. The hook id (its URL) and its signing mode
 * stay the same.
 */
export async function rotateWebhook(
  store: Store,
  box: SecretSealer,
  graph: { id: string; guildId: string },
): Promise<{ hookId: string; secret: string; signing: WebhookSigning }> {
  const ensured = await ensureWebhook(store, box, graph);
  if (ensured.secret) return { ...ensured, secret: ensured.secret };
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
  return { hookId: ensured.hookId, secret, signing: ensured.signing };
}

/**
 * Sets how a graph's hook must be signed (creating the hook when it has none: `secret` is then
 * its new secret, shown this once). `before` is the mode it had.
 *
 * @example
 * await setWebhookSigning(store, box, { id: graphId, guildId }, 'body'); // replayable from now on
 */
export async function setWebhookSigning(
  store: Store,
  box: SecretSealer,
  graph: { id: string; guildId: string },
  signing: WebhookSigning,
): Promise<{ hookId: string; secret?: string; signing: WebhookSigning; before: WebhookSigning }> {
  const ensured = await ensureWebhook(store, box, graph);
  if (ensured.signing !== signing)
    await store.webhooks.updateOne({ _id: ensured.hookId }, { $set: { signing } });
  return {
    hookId: ensured.hookId,
    ...(ensured.secret ? { secret: ensured.secret } : {}),
    signing,
    before: ensured.signing,
  };
}

/**
 * The signing mode of a stored hook. Hooks stored before modes existed have none and count as
 * `timestamped`: secure by default — a replayable hook is always someone's explicit choice.
 *
 * @example
 * signingOf({ signing: undefined }); // 'timestamped'
 */
export function signingOf(hook: Pick<WebhookRecord, 'signing'>): WebhookSigning {
  return hook.signing === 'body' ? 'body' : 'timestamped';
}

/**
 * The `webhook` object of the API: URL, signing mode, whether deliveries can be replayed (with a
 * warning saying so), and the secret when it was just created or rotated.
 *
 * @example
 * webhookInfo('http://localhost:3000', { hookId: 'wh_abc', signing: 'body' });
 * // { url: 'http://localhost:3000/hooks/wh_abc', signing: 'body', replayable: true, warning: 'Body-only signing: …' }
 */
export function webhookInfo(
  baseUrl: string,
  hook: { hookId: string; signing: WebhookSigning },
  secret?: string,
): WebhookInfo {
  const replayable = hook.signing === 'body';
  return {
    url: webhookUrl(baseUrl, hook.hookId),
    ...(secret ? { secret } : {}),
    signing: hook.signing,
    replayable,
    ...(replayable ? { warning: REPLAYABLE_WARNING } : {}),
  };
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
