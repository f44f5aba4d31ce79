import express, {
  Router,
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
} from 'express';
import { triggerNode } from '../../core/index.js';
import type { GraphSnapshot } from '../../interpreter/contract.js';
import { billingOf } from '../billing/billing-settings.js';
import { RunQuota } from '../billing/run-quota.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError, errorBody } from '../errors.js';
import { startRun } from '../runs/start-run.js';
import { temporalCall } from '../runs/temporal-calls.js';
import { newId, openStore, secretBox } from '../storage/index.js';
import { BodyOnlySenders } from './body-only-senders.js';
import { claimDelivery } from './delivery-claims.js';
import { HookDirectory, type HookState } from './hook-directory.js';
import { hookPayload, hookRunId } from './hook-request.js';
import { DEFAULT_WEBHOOK_RATE_LIMIT, TokenBuckets } from './rate-limit.js';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  checkSignature,
  type SignatureAccepted,
  type SignatureRefusal,
} from './signature.js';

/** Largest inbound webhook body (larger answers 413). */
export const HOOK_BODY_LIMIT = '256kb';

/**
 * The inbound webhook route, `POST /hooks/:hookId` — mounted outside `/api` because the HMAC
 * signature, not a bearer token, authenticates it (docs/api/webhooks.md). In order: unknown
 * hook → 404 (before any body is read), body over 256 kB → 413, missing or wrong signature, a
 * missing (timestamped hooks) or stale timestamp → 401, graph disabled or unpublished → 409
 * `graph_disabled`, published version not a webhook graph → 409 `not_a_webhook_graph`, over the
 * hook's rate limit → 429 with `Retry-After`; otherwise the published version runs and the
 * answer is 202 `{ runId }` — for a copy of an accepted timestamped delivery, the first copy's
 * run id, and nothing starts. `Idempotency-Key` makes distinct deliveries start at most one run.
 *
 * @example
 * app.use('/hooks', hookRoutes(deps)); // before the /api authentication
 */
export function hookRoutes(deps: ServiceDeps): Router {
  const router = Router();
  const directory = new HookDirectory(
    () => openStore(deps.mongo),
    secretBox(deps.secretKey, deps.legacySecretKeys),
  );
  const bodyOnlySenders = new BodyOnlySenders();
  // Webhook runs count against the plan's monthly runs like Discord events (billing on only);
  // the month's notice is left to the gateway, which can post it.
  const billing = billingOf(deps);
  const quota = billing && new RunQuota(() => openStore(deps.mongo), { now: billing.now });
  const limits =
    deps.webhookRateLimit === false
      ? undefined
      : new TokenBuckets(deps.webhookRateLimit ?? DEFAULT_WEBHOOK_RATE_LIMIT);

  const findHook: RequestHandler = async (req, res, next) => {
    const hook = await directory.find(String(req.params.hookId));
    if (!hook) throw unknownHook();
    res.locals.hook = hook;
    next();
  };
  // Bytes as sent (not inflated): the signature covers exactly what came over the wire.
  const rawBody = express.raw({ type: () => true, limit: HOOK_BODY_LIMIT, inflate: false });

  router.post('/:hookId', findHook, rawBody, async (req, res) => {
    const hook = res.locals.hook as HookState;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verify(hook, req, body);
    if (!check.ok) {
      if (check.signedBodyOnly) bodyOnlySenders.report(hook);
      throw new ApiError(401, check.code, check.message);
    }
    const snapshot = await liveSnapshot(directory, hook);
    const keyedRunId = hookRunId(hook.hookId, req.get('idempotency-key'));
    const payload = hookPayload({ url: req.originalUrl, headers: req.headers, body });
    // A timestamped delivery is claimed once by its signature: a copy gets the first copy's run
    // id, whose start below then starts nothing (or finishes a start that failed).
    const claimedRunId =
      check.timestamp === undefined
        ? undefined
        : await claimDelivery(
            await openStore(deps.mongo),
            { hookId: hook.hookId, digest: check.digest, timestamp: check.timestamp },
            keyedRunId ?? newId('run'),
          );
    // Refused here, the claimed run is not started: a retry of the same delivery starts it.
    const taken = limits?.take(hook.hookId);
    if (taken && !taken.ok) {
      res.set('Retry-After', String(taken.retryAfterSeconds));
      throw new ApiError(
        429,
        'rate_limited',
        `This hook is receiving more deliveries than its limit: nothing was started. Retry after ${taken.retryAfterSeconds} s (Retry-After).`,
      );
    }
    if (quota && !(await quota.admit(hook.guildId)))
      throw new ApiError(
        402,
        'plan_limit',
        "This server used its plan's runs for this month: nothing was started. An admin can upgrade the plan in the builder (Billing); runs start again next month.",
      );
    const { runId, started } = await temporalCall(deps, () =>
      startRun({
        client: deps.temporal.client,
        taskQueue: deps.taskQueue,
        snapshot,
        trigger: { type: 'trigger.webhook', payload },
        triggerType: 'trigger.webhook',
        workflowId: claimedRunId ?? keyedRunId,
      }),
    );
    if (started) await quota?.counted(hook.guildId, 1);
    res.status(202).json({ runId });
  });

  router.all('/:hookId', (_req, res) => {
    res.set('Allow', 'POST');
    throw new ApiError(405, 'method_not_allowed', 'Webhooks are delivered with POST.');
  });
  router.use(bodyErrors);
  return router;
}

/** The signature check of a delivery to `hook`. */
function verify(hook: HookState, req: Request, body: Buffer): SignatureAccepted | SignatureRefusal {
  if (hook.secret === null) {
    // Unreadable (the service's key changed; logged for operators): no signature can match.
    return {
      ok: false,
      code: 'invalid_signature',
      message:
        "The signature does not match the hook's secret: rotate the secret and sign with the new one.",
    };
  }
  return checkSignature({
    secret: hook.secret,
    body,
    signature: req.get(SIGNATURE_HEADER),
    timestamp: req.get(TIMESTAMP_HEADER),
    nowMs: Date.now(),
    signing: hook.signing,
  });
}

/** The published snapshot a delivery runs, or why the hook takes no deliveries now. */
async function liveSnapshot(directory: HookDirectory, hook: HookState): Promise<GraphSnapshot> {
  if (!hook.graph) throw unknownHook();
  const { enabled, publishedVersion } = hook.graph;
  if (!enabled || publishedVersion === null) {
    throw new ApiError(
      409,
      'graph_disabled',
      publishedVersion === null
        ? 'The graph of this hook is not published yet: publish it, then deliver again.'
        : 'The graph of this hook is disabled: publish it (or roll back to a version) to take deliveries again.',
    );
  }
  const snapshot = await directory.snapshot(hook.graphId, publishedVersion);
  if (!snapshot)
    throw new ApiError(
      500,
      'internal',
      'The published version of this graph is missing; publish it again.',
    );
  if (triggerNode(snapshot.document)?.type !== 'trigger.webhook') {
    throw new ApiError(
      409,
      'not_a_webhook_graph',
      'The published version of this graph is not started by a webhook: publish a version whose trigger is trigger.webhook.',
    );
  }
  return snapshot;
}

function unknownHook(): ApiError {
  return new ApiError(
    404,
    'not_found',
    'No webhook at this URL: check the URL shown on the graph (a deleted graph’s hook is gone).',
  );
}

// Body-reading failures of this route, in its own terms (the app's handler speaks of 1 MB JSON).
const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    res
      .status(413)
      .json(
        errorBody(
          new ApiError(
            413,
            'payload_too_large',
            `A webhook body may be at most ${HOOK_BODY_LIMIT.replace('kb', ' kB')}: send less (e.g. ids, not whole documents).`,
          ),
        ),
      );
    return;
  }
  if (type === 'encoding.unsupported') {
    res
      .status(415)
      .json(
        errorBody(
          new ApiError(
            415,
            'unsupported_media_type',
            'Send the webhook body uncompressed (no Content-Encoding): the signature covers the bytes as sent.',
          ),
        ),
      );
    return;
  }
  next(error);
};
