import type { Request, Response } from 'express';
import type { ServiceDeps } from '../deps.js';
import { baseUrlOf, retryConflicts, type GuildContext } from '../http/context.js';
import { etagOf, preconditionFailed } from '../http/preconditions.js';
import { secretBox, withKeyLock, type GraphRecord, type WebhookRecord } from '../storage/index.js';
import { publishEntitlements } from '../billing/entitlements.js';
import { noActivation, type RoutingConfirmation } from './activation.js';
import { draftOf, toGraphResource, triggerOf, type WebhookInfo } from './graph-resource.js';
import { findGraph } from './graph-store.js';
import type { PublishContext } from './publishing.js';
import { signingOf, webhookInfo, type SecretSealer } from './webhooks.js';

/** What the graph routes share. */
export interface GraphRouteKit {
  box: SecretSealer;
  publishing(ctx: GuildContext): PublishContext;
  /** The graph of `:graphId` in the context's guild, or 404. */
  graphOf(ctx: GuildContext, req: Request): Promise<GraphRecord>;
  /** Runs `change` while no other change of this graph runs in the process. */
  alone<T>(req: Request, change: () => Promise<T>): Promise<T>;
  /**
   * Reads the graph, checks the client's If-Match and applies `apply` — alone, retrying a race
   * with a concurrent change when the client did not ask for a precondition itself.
   */
  change<T>(
    req: Request,
    ctx: GuildContext,
    expected: number | undefined,
    apply: (graph: GraphRecord) => Promise<T>,
  ): Promise<T>;
  /**
   * Waits until every running gateway routes by the graph's newest trigger change (a short
   * bound); undefined when no gateway routes its trigger.
   */
  confirm(graph: GraphRecord): Promise<RoutingConfirmation | undefined>;
  /** Answers a graph resource with its ETag (the webhook; its secret only when new). */
  answer(
    req: Request,
    res: Response,
    ctx: GuildContext,
    graph: GraphRecord,
    extra?: AnswerExtra,
  ): Promise<void>;
}

/** What an answer adds to the resource. */
export interface AnswerExtra {
  status?: number | undefined;
  /** The webhook's secret, in the answer that created or rotated it. */
  secret?: string | undefined;
  routing?: RoutingConfirmation | undefined;
  /** A template install: every graph it created (the answered one first). */
  installed?: { id: string; name: string; trigger: string }[] | undefined;
}

/**
 * The shared helpers of the graph routes, bound to the service's dependencies.
 *
 * @example
 * const kit = graphRouteKit(deps);
 * await kit.answer(req, res, ctx, await kit.graphOf(ctx, req));
 */
export function graphRouteKit(deps: ServiceDeps): GraphRouteKit {
  const graphOf = (ctx: GuildContext, req: Request) =>
    findGraph(ctx.store, ctx.guildId, String(req.params.graphId));
  // The embedded store's conditional updates are not atomic on their own (see withKeyLock).
  const alone = <T>(req: Request, change: () => Promise<T>) =>
    withKeyLock(`graph:${String(req.params.graphId)}`, change);
  return {
    box: secretBox(deps.secretKey, deps.legacySecretKeys),
    publishing: (ctx) => ({
      store: ctx.store,
      activation: deps.activation ?? noActivation,
      actor: ctx.actor,
      entitlements: publishEntitlements(deps, ctx.store),
    }),
    graphOf,
    alone,
    change: (req, ctx, expected, apply) =>
      alone(req, () =>
        retryConflicts(expected, async () => {
          const graph = await graphOf(ctx, req);
          if (expected !== undefined && graph.revision !== expected) throw preconditionFailed();
          return apply(graph);
        }),
      ),
    confirm: async (graph) =>
      (deps.activation ?? noActivation).confirm?.({
        id: graph._id,
        guildId: graph.guildId,
        name: graph.name,
      }),
    async answer(req, res, ctx, graph, { status = 200, secret, routing, installed } = {}) {
      let webhook: WebhookInfo | undefined;
      if (triggerOf(draftOf(graph))?.type === 'trigger.webhook') {
        const hook = await ctx.store.webhooks
          .findOne({ graphId: graph._id }, { _id: 1, signing: 1 })
          .lean<Pick<WebhookRecord, '_id' | 'signing'>>();
        if (hook)
          webhook = webhookInfo(
            baseUrlOf(deps, req),
            { hookId: hook._id, signing: signingOf(hook) },
            secret,
          );
      }
      res
        .status(status)
        .set('ETag', etagOf(graph.revision))
        .json({
          ...toGraphResource(graph, webhook),
          ...(routing ? { routing } : {}),
          ...(installed ? { installed } : {}),
        });
    },
  };
}
