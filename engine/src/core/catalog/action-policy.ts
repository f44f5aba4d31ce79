/** How an action's activity is timed and retried, and the error types executors throw. */

/** A duration in the `ms` format Temporal accepts (`500ms`, `30s`, `5m`, `2h`, `1d`). */
export type PolicyDuration = `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/**
 * Temporal retry policy of an action (assignable to `@temporalio/workflow`'s `RetryPolicy`).
 */
export interface RetryPolicyDeclaration {
  maximumAttempts: number;
  initialInterval: PolicyDuration;
  backoffCoefficient: number;
  maximumInterval: PolicyDuration;
  /** Error types (ApplicationFailure `type`) that are never retried; the `error` port runs. */
  nonRetryableErrorTypes?: string[];
}

/**
 * A task queue of its own for some actions (set in their declaration's `queue`): `discord` is
 * the rate-limited queue of live Discord calls. The queue's name is the runtime's concern.
 */
export type ActionQueue = 'discord';

/** Timeout and retry policy of an action's activity. */
export interface ActivityPolicy {
  startToCloseTimeout: PolicyDuration;
  retry: RetryPolicyDeclaration;
}

/**
 * Error types (ApplicationFailure `type`) action executors throw; those listed in
 * {@link NON_RETRYABLE_ERRORS} are never retried.
 *
 * @example
 * throw ApplicationFailure.nonRetryable('Missing Access', ERROR_TYPES.missingPermissions);
 */
export const ERROR_TYPES = {
  /** The config, after rendering, is unusable (a bad id, an empty message, …). */
  invalidConfig: 'InvalidConfig',
  /** Discord 403 / 50013: the bot lacks a permission. */
  missingPermissions: 'MissingPermissions',
  /** Discord 404 / 10xxx: unknown channel, message, member, role, …. */
  unknownResource: 'UnknownResource',
  /**
   * Discord 400 / 50035 and similar: the request was refused as invalid; `http.request`: more
   * redirects than it follows.
   */
  invalidRequest: 'InvalidRequest',
  /** Discord 429: retried after `retry_after`. */
  rateLimited: 'RateLimited',
  /** `http.request`: the URL resolves to a private, loopback or otherwise blocked address. */
  blockedDestination: 'BlockedDestination',
  /** `http.request`: a 4xx answer. */
  httpClientError: 'HttpClientError',
  /** `http.request`: a 5xx answer (retried). */
  httpServerError: 'HttpServerError',
  /** `http.request`: the connection failed (DNS, refused, reset; retried). */
  connectionError: 'ConnectionError',
  /** `http.request`: the answer is longer than the node reads. */
  responseTooLarge: 'ResponseTooLarge',
  /** Stripe is not configured (no `STRIPE_SECRET_KEY`). */
  notConfigured: 'NotConfigured',
  /** Stripe: card, invalid request or authentication errors. */
  stripeRequestError: 'StripeRequestError',
  /** The action is declared `unavailable`: no connector implements it yet (raised non-retryable). */
  notAvailable: 'NotAvailable',
  /** `flow.runGraph`: no such graph in this server. */
  graphNotFound: 'GraphNotFound',
  /** `flow.runGraph`: the graph was never published. */
  graphNotPublished: 'GraphNotPublished',
  /** `flow.runGraph`: the graph is disabled. */
  graphDisabled: 'GraphDisabled',
  /** `flow.runGraph`: the child run failed. */
  childRunFailed: 'ChildRunFailed',
  /** An expression in the node's config could not be evaluated. */
  expressionError: 'ExpressionError',
  /** The action did not finish in time, after its retries. */
  timeout: 'Timeout',
  /** The activity failed without a typed failure (a worker crash, a cancelled activity). */
  activityError: 'ActivityError',
  /** Anything else (a bug: no executor raised a typed failure). */
  error: 'Error',
  /** The run itself: its graph has no trigger node. */
  invalidGraph: 'InvalidGraph',
  /** The run itself: a node type the catalog does not know, or a control node without a handler. */
  unknownNodeType: 'UnknownNodeType',
} as const;

/**
 * Error types no action retries.
 *
 * @example
 * NON_RETRYABLE_ERRORS.includes(ERROR_TYPES.missingPermissions); // true
 */
export const NON_RETRYABLE_ERRORS: readonly string[] = Object.freeze([
  ERROR_TYPES.invalidConfig,
  ERROR_TYPES.missingPermissions,
  ERROR_TYPES.unknownResource,
  ERROR_TYPES.invalidRequest,
  ERROR_TYPES.blockedDestination,
  ERROR_TYPES.httpClientError,
  ERROR_TYPES.responseTooLarge,
  ERROR_TYPES.notConfigured,
  ERROR_TYPES.stripeRequestError,
]);

/**
 * The policy of an action that does not override it: 30 s per attempt, 5 attempts with
 * exponential backoff from 1 s to 1 min; the non-retryable error types fail at once.
 */
export const DEFAULT_ACTION_POLICY: ActivityPolicy = Object.freeze({
  startToCloseTimeout: '30s',
  retry: Object.freeze({
    maximumAttempts: 5,
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [...NON_RETRYABLE_ERRORS],
  }),
}) as ActivityPolicy;
