import type { GraphSnapshot } from '../../interpreter/contract.js';
import { signingOf, type SecretSealer } from '../graphs/webhooks.js';
import { log } from '../log.js';
import { SnapshotCache } from '../router/snapshot-cache.js';
import {
  sha256Hex,
  type GraphRecord,
  type Store,
  type WebhookRecord,
  type WebhookSigning,
} from '../storage/index.js';

/**
 * Hook ids made by `newId('wh', 24)`: anything else is unknown without asking the store.
 *
 * @example
 * HOOK_ID.test('wh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'); // true
 */
export const HOOK_ID = /^wh_[A-Za-z0-9_-]{32}$/;

/** What the store says about a hook and its graph right now. */
export interface HookState {
  hookId: string;
  graphId: string;
  guildId: string;
  /** The clear secret; null when it cannot be opened (the service's secret key changed). */
  secret: string | null;
  /** How deliveries must be signed (read on every call: a switch takes effect at once). */
  signing: WebhookSigning;
  /** The graph's live pointer; null when the graph is gone (deleted). */
  graph: Pick<GraphRecord, 'enabled' | 'publishedVersion'> | null;
}

type GraphState = Pick<GraphRecord, 'guildId' | 'enabled' | 'publishedVersion'>;

/**
 * Finds a hook's secret and its graph's published version quickly, caching only what cannot go
 * stale: the hook → graph binding (a hook belongs to one graph for life) and published snapshots
 * (immutable). The secret, signing mode and the graph's live pointer are read on every call, so
 * a rotation, a signing switch or a disable takes effect at once in every process; once the binding is known both reads go out
 * together (two point reads by `_id`, one round-trip of latency).
 *
 * @example
 * const hooks = new HookDirectory(() => openStore(mongo), box);
 * const state = await hooks.find('wh_…'); // undefined: unknown hook
 * const snapshot = state?.graph?.publishedVersion ? await hooks.snapshot(state.graphId, state.graph.publishedVersion) : undefined;
 */
export class HookDirectory {
  private readonly bindings = new Map<string, string>();
  private readonly snapshots: SnapshotCache;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly box: SecretSealer,
    private readonly capacity = 10_000,
  ) {
    this.snapshots = new SnapshotCache(store, 1000);
  }

  async find(hookId: string): Promise<HookState | undefined> {
    if (!HOOK_ID.test(hookId)) return undefined;
    const store = await this.store();
    const bound = this.bindings.get(hookId);
    const [hook, boundGraph] = await Promise.all([
      store.webhooks.findById(hookId).lean<WebhookRecord>(),
      bound === undefined ? undefined : readGraph(store, bound),
    ]);
    if (!hook) {
      this.bindings.delete(hookId);
      return undefined;
    }
    this.bind(hookId, hook.graphId);
    const graph = bound === hook.graphId ? boundGraph : await readGraph(store, hook.graphId);
    return {
      hookId,
      graphId: hook.graphId,
      guildId: hook.guildId,
      secret: this.open(hook),
      signing: signingOf(hook),
      // A graph of another guild under this hook's graph id cannot happen; treat it as gone.
      graph: graph && graph.guildId === hook.guildId ? graph : null,
    };
  }

  /** The published snapshot `version` of a graph (cached: versions never change). */
  snapshot(graphId: string, version: number): Promise<GraphSnapshot | undefined> {
    return this.snapshots.get(graphId, version);
  }

  private open(hook: WebhookRecord): string | null {
    try {
      const secret = this.box.open(hook.secretCipher);
      if (sha256Hex(secret) === hook.secretHash) return secret;
    } catch {
      // reported below
    }
    // Never the secret itself: only which hook needs attention.
    log('warn', 'webhook.secret_unreadable', {
      hookId: hook._id,
      graphId: hook.graphId,
      hint: 'GUILDFLOW_SECRET_KEY changed (or the admin token, for a secret sealed before the secret key existed): rotate this hook.',
    });
    return null;
  }

  private bind(hookId: string, graphId: string): void {
    this.bindings.delete(hookId);
    this.bindings.set(hookId, graphId);
    if (this.bindings.size > this.capacity) {
      const oldest = this.bindings.keys().next().value;
      if (oldest !== undefined) this.bindings.delete(oldest);
    }
  }
}

function readGraph(store: Store, graphId: string): Promise<GraphState | null> {
  return store.graphs
    .findOne({ _id: graphId, deletedAt: null }, { guildId: 1, enabled: 1, publishedVersion: 1 })
    .lean<GraphState>();
}
