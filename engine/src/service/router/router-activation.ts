import { fieldMode, getNodeType, renderValue, triggerNode } from '../../core/index.js';
import type { GraphSnapshot } from '../../interpreter/contract.js';
import type { ActivationHooks } from '../graphs/activation.js';
import type { Store, TriggerRecord } from '../storage/index.js';
import { confirmRouting } from './routing-confirmation.js';

/**
 * The trigger config a router matches on: the trigger node's config with `{{ vars.… }}`
 * rendered (a channel filter may name `vars.suggestionsChannelId`). Literal fields (a pattern)
 * stay as written. A template that does not render (a typo the validator let through as an
 * expression) leaves that field as written, which matches nothing rather than everything.
 *
 * @example
 * triggerConfigOf(snapshot); // { type: 'trigger.messageCreated', config: { channelId: '1300…0100' } }
 */
export function triggerConfigOf(snapshot: GraphSnapshot): {
  type: string;
  config: Record<string, unknown>;
} {
  const node = triggerNode(snapshot.document);
  if (!node) throw new Error(`graph ${snapshot.graphId} v${snapshot.version} has no trigger node`);
  const declaration = getNodeType(node.type);
  const raw = (node.config ?? {}) as Record<string, unknown>;
  if (!declaration) return { type: node.type, config: raw };
  const scope = { vars: (snapshot.document.vars ?? {}) as Record<string, unknown> };
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    try {
      config[key] = renderValue(value, scope, {
        skip: (path) => fieldMode(declaration, [key, ...path]) !== 'template',
      });
    } catch {
      config[key] = value;
    }
  }
  return { type: node.type, config };
}

/**
 * Activation hooks that keep the `triggers` collection — what every trigger router indexes —
 * in line with the published versions: activate upserts the graph's live trigger, deactivate
 * leaves a tombstone (`active: false`) so polling routers drop it. Both are idempotent.
 */
export function routerActivation(
  store: () => Promise<Store>,
  options: { confirmTimeoutMs?: number } = {},
): ActivationHooks {
  return {
    activate: async (graph, snapshot) => {
      const { type, config } = triggerConfigOf(snapshot);
      const s = await store();
      const previous = await s.triggers
        .findById(graph.id, { triggerType: 1 })
        .lean<Pick<TriggerRecord, 'triggerType'>>();
      const record: Omit<TriggerRecord, '_id'> = {
        guildId: graph.guildId,
        triggerType: type,
        version: snapshot.version,
        configJson: JSON.stringify(config),
        replyEphemeral: snapshot.document.nodes.some(
          (n) =>
            n.type === 'discord.reply' && (n.config as { ephemeral?: unknown }).ephemeral === true,
        ),
        previousType: previous?.triggerType ?? null,
        active: true,
        updatedAt: new Date(),
        revision: await nextTriggerRevision(s),
      };
      await s.triggers.updateOne({ _id: graph.id }, { $set: record }, { upsert: true });
    },
    deactivate: async (graph) => {
      const s = await store();
      await s.triggers.updateOne(
        { _id: graph.id },
        { $set: { active: false, updatedAt: new Date(), revision: await nextTriggerRevision(s) } },
      );
    },
    confirm: (graph) => confirmRouting(store, graph, options.confirmTimeoutMs),
  };
}

/**
 * The next trigger revision (a counter in the store): every write of a trigger gets a higher
 * one, which gateways acknowledge once their index reflects it.
 *
 * @example
 * const revision = await nextTriggerRevision(store); // 42
 */
export async function nextTriggerRevision(store: Store): Promise<number> {
  const counter = await store.counters
    .findOneAndUpdate(
      { _id: 'triggers' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    )
    .lean<{ seq: number }>();
  if (!counter) throw new Error('the triggers counter could not be incremented');
  return counter.seq;
}
