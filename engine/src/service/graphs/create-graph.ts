import type { GraphDocument, ValidationIssue } from '../../core/index.js';
import type { GuildContext } from '../http/context.js';
import { newId, recordAudit, type GraphRecord } from '../storage/index.js';
import { triggerOf } from './graph-resource.js';
import { insertGraph } from './graph-store.js';
import { ensureWebhook, type SecretSealer } from './webhooks.js';

/** A graph just created, and its webhook secret when it got a hook (shown this once). */
export interface CreatedGraph {
  graph: GraphRecord;
  secret?: string | undefined;
}

/**
 * Saves a well-formed document as the draft of a new graph of the context's guild — the one
 * path every creation takes (`POST …/graphs`, template installs): the hook of a
 * `trigger.webhook` graph, the insert, then the `graph.create` audit entry (`note` says where
 * the document came from, e.g. a template).
 *
 * @example
 * const { graph, secret } = await createGraph(ctx, kit.box, { doc, issues });
 * await kit.answer(req, res, ctx, graph, { status: 201, secret });
 */
export async function createGraph(
  ctx: GuildContext,
  box: SecretSealer,
  input: { doc: GraphDocument; issues: ValidationIssue[]; note?: string },
): Promise<CreatedGraph> {
  const { doc, issues } = input;
  const id = newId('g');
  // The hook comes first: if the graph insert then fails, an unreferenced hook is harmless,
  // whereas a webhook graph without a hook would have no URL to show.
  const hook =
    triggerOf(doc)?.type === 'trigger.webhook'
      ? await ensureWebhook(ctx.store, box, { id, guildId: ctx.guildId })
      : undefined;
  let graph: GraphRecord;
  try {
    graph = await insertGraph(ctx.store, {
      id,
      guildId: ctx.guildId,
      doc,
      issues,
      actor: ctx.actor,
    });
  } catch (error) {
    if (hook) await ctx.store.webhooks.deleteOne({ _id: hook.hookId }).catch(() => {});
    throw error;
  }
  await recordAudit(ctx.store, {
    actor: ctx.actor,
    action: 'graph.create',
    guildId: ctx.guildId,
    graphId: id,
    after: { revision: 1, enabled: false },
    ...(input.note ? { note: input.note } : {}),
  });
  return { graph, secret: hook?.secret };
}
