import type { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { guildContext } from '../http/context.js';
import { check } from '../http/validate.js';
import type { AuditRecord } from '../storage/index.js';
import { AuditQuerySchema } from './schemas.js';

/** `GET /api/guilds/:guildId/audit`: who changed what and when, newest first. */
export function mountAuditRoutes(router: Router, deps: ServiceDeps): void {
  router.get('/audit', async (req, res) => {
    const query = check(AuditQuerySchema, req.query, 'query');
    const ctx = await guildContext(deps, req, res);
    const entries = await ctx.store.audit
      .find({ guildId: ctx.guildId, ...(query.graphId ? { graphId: query.graphId } : {}) })
      .sort({ at: -1, _id: -1 })
      .limit(query.limit)
      .lean<AuditRecord[]>();
    res.json({ entries: entries.map(auditView) });
  });
}

function auditView(entry: AuditRecord) {
  const state = (value: AuditRecord['before']) =>
    value ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : null;
  return {
    at: entry.at.toISOString(),
    actor: { kind: entry.actor.kind, id: entry.actor.id },
    action: entry.action,
    graphId: entry.graphId ?? null,
    runId: entry.runId ?? null,
    before: state(entry.before),
    after: state(entry.after),
    note: entry.note ?? null,
  };
}
