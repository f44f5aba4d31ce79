import { parseDuration } from '../duration.js';
import { topologicalOrder } from '../graph/algorithms.js';
import { DEFAULT_PORT, type GraphDocument, type GraphNode } from '../graph/schema.js';
import { triggerNode } from '../graph/connect.js';
import type { PreflightWarning } from './warning.js';

/** Discord accepts answers to an interaction (and follow-ups) for 15 minutes. */
export const INTERACTION_WINDOW_MS = 15 * 60_000;

/**
 * How long a run surely waits in `node` before it leaves by `port`: a `flow.delay`'s duration, a
 * `flow.collect`'s duration, a `flow.waitFor`'s timeout on its `timeout` port (on `received`
 * the event may come at once). Expressions and dates are unknown before the run: 0.
 */
function waitOf(node: GraphNode, port: string): number {
  const literal = (value: unknown): number => {
    if (typeof value !== 'string' || value.includes('{{')) return 0;
    try {
      return parseDuration(value);
    } catch {
      return 0;
    }
  };
  switch (node.type) {
    case 'flow.delay':
      return literal(node.config.duration);
    case 'flow.collect':
      return literal(node.config.duration);
    case 'flow.waitFor':
      return port === 'timeout' ? literal(node.config.timeout ?? '1h') : 0;
    default:
      return 0;
  }
}

/**
 * `reply_after_interaction_window`: a `discord.reply` that every path from the trigger reaches
 * only after more than 15 minutes of waiting (the shortest sum of literal waits along a path,
 * computed over the core's topological order), when Discord no longer accepts the answer.
 *
 * @example
 * replyWindowWarnings(doc); // [{ code: 'reply_after_interaction_window', nodeId: 'answer', … }]
 */
export function replyWindowWarnings(doc: GraphDocument): PreflightWarning[] {
  const trigger = triggerNode(doc);
  if (!trigger) return [];
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  // Nodes on a cycle are not ordered: they keep no shortest wait and are not judged.
  const { order } = topologicalOrder(doc);
  const earliest = new Map<string, number>([[trigger.id, 0]]);
  const outgoing = new Map<string, typeof doc.edges>();
  for (const edge of doc.edges)
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  for (const id of order) {
    const at = earliest.get(id);
    const node = byId.get(id);
    if (at === undefined || !node) continue;
    for (const edge of outgoing.get(id) ?? []) {
      const next = at + waitOf(node, edge.sourceHandle ?? DEFAULT_PORT);
      if (next < (earliest.get(edge.target) ?? Infinity)) earliest.set(edge.target, next);
    }
  }
  return doc.nodes.flatMap((node) => {
    const wait = earliest.get(node.id);
    if (node.type !== 'discord.reply' || wait === undefined || wait <= INTERACTION_WINDOW_MS)
      return [];
    const minutes = Math.round(wait / 60_000);
    return [
      {
        code: 'reply_after_interaction_window' as const,
        severity: 'warning' as const,
        nodeId: node.id,
        message: `Reply "${node.id}" runs at least ${minutes} minutes after the command or click that started the run, but Discord accepts replies only within 15 minutes: the reply will fail. Reply before the wait (e.g. "Noted, I will post the result"), or post the later message with discord.sendMessage in a channel.`,
      },
    ];
  });
}
