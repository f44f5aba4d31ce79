import { log, messageOf } from '../log.js';
import type { AuditRecord } from './account-models.js';
import type { Store } from './store.js';

/** What a route tells the audit log; `at` is stamped here. */
export type AuditEntry = Omit<
  AuditRecord,
  'at' | 'graphId' | 'runId' | 'before' | 'after' | 'note'
> &
  Partial<Pick<AuditRecord, 'graphId' | 'runId' | 'before' | 'after' | 'note'>>;

/**
 * Appends an entry to the audit log after a change succeeded. Without transactions the entry
 * cannot commit together with the change; it is written right after it, and a failure to write
 * it is logged (never turned into a failed request, since the change itself did happen).
 *
 * @example
 * await recordAudit(store, { actor, action: 'graph.publish', guildId, graphId,
 *   before: { publishedVersion: 1 }, after: { publishedVersion: 2 } });
 */
export async function recordAudit(store: Store, entry: AuditEntry): Promise<void> {
  try {
    await store.audit.create({
      at: new Date(),
      graphId: null,
      runId: null,
      before: null,
      after: null,
      note: null,
      ...entry,
    });
  } catch (error) {
    log('error', 'audit.write_failed', {
      action: entry.action,
      guildId: entry.guildId,
      graphId: entry.graphId,
      error: messageOf(error),
    });
  }
}
