/**
 * The shape of one documented operation, and the answers many operations share. The OpenAPI
 * document is built from the operation tables (`operations.ts`) and the route schemas.
 */
/** One documented answer: a component schema name (JSON body), or null for no body. */
export type Answer = [status: number, schema: string | null, description: string];

/** One operation of the API. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  /** Component schema of the JSON body. */
  body?: string;
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
  /** Sends and answers `ETag` / `If-Match` (optimistic concurrency). */
  etag?: boolean;
  answers: Answer[];
  /** The operation needs no token. */
  public?: boolean;
  /** Request headers the operation reads (besides Authorization and If-Match). */
  headers?: { name: string; description: string; required?: boolean }[];
  /** The body is taken as raw bytes of any content type, as described here (not a JSON component). */
  rawBody?: string;
  /** The success answer is a `text/event-stream` of these events (name → data component). */
  events?: Record<string, string>;
}

/** What a Stripe webhook endpoint reads: the event's exact bytes and Stripe's signature. */
export const STRIPE_DELIVERY = {
  public: true,
  rawBody: 'The Stripe event JSON exactly as Stripe sent it; the signature covers these bytes.',
  headers: [
    {
      name: 'Stripe-Signature',
      required: true,
      description: 'Stripe’s signature header (`t=…,v1=…`).',
    },
  ],
} as const satisfies Partial<Operation>;

/** The path of one graph. */
export const GRAPH = '/api/guilds/{guildId}/graphs/{graphId}';
export const sandboxDown: Answer = [
  503,
  'Error',
  '`sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer.',
];
export const notFound: Answer = [
  404,
  'Error',
  '`not_found`: no such graph/run in this guild, or a guild you may not manage (never 403).',
];
export const stale: Answer = [
  412,
  'Error',
  '`conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it.',
];
export const activation: Answer = [
  503,
  'Error',
  '`activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`.',
];
export const signInLimited: Answer = [
  429,
  'Error',
  '`rate_limited`: too many sign-in requests from this address (30 per 10 minutes by default).',
];
export const temporal: Answer = [
  503,
  'Error',
  '`temporal_unavailable` or `store_unavailable`; nothing was started or changed.',
];
