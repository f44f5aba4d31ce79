import { sha256Hex, type SecretBox, type Store, type WebhookRecord } from '../storage/index.js';

/** What `resealWebhookSecrets` did: how many secrets it sealed again, and the hooks it could not open. */
export interface ResealReport {
  resealed: number;
  unreadable: string[];
}

/**
 * Seals every webhook secret that only a legacy key opens (the admin token, the key before
 * `GUILDFLOW_SECRET_KEY` was generated) again with the current key, once at start, so the
 * admin token stops being a key to the database's secrets. Each update is conditional on the
 * cipher it read: a rotation meanwhile wins. Hooks no key opens are listed (rotate them).
 */
export async function resealWebhookSecrets(store: Store, box: SecretBox): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: [] };
  const hooks = store.webhooks
    .find({}, { _id: 1, secretCipher: 1, secretHash: 1 })
    .lean<Pick<WebhookRecord, '_id' | 'secretCipher' | 'secretHash'>>()
    .cursor();
  for await (const hook of hooks) {
    let opened: { plain: string; legacy: boolean };
    try {
      opened = box.unseal(hook.secretCipher);
    } catch {
      report.unreadable.push(hook._id);
      continue;
    }
    if (sha256Hex(opened.plain) !== hook.secretHash) {
      report.unreadable.push(hook._id);
      continue;
    }
    if (!opened.legacy) continue;
    const updated = await store.webhooks.updateOne(
      { _id: hook._id, secretCipher: hook.secretCipher },
      { $set: { secretCipher: box.seal(opened.plain) } },
    );
    report.resealed += updated.modifiedCount;
  }
  return report;
}
