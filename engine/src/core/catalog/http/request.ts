import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define-node.js';
import { Duration, StringEnum, Url, issueIf, literalDurationMs } from '../schemas.js';

/** Longest `timeout` of one request attempt. */
const MAX_TIMEOUT_MS = 30_000;

/** Largest response body read (bytes); a longer answer fails the step. */
export const HTTP_RESPONSE_LIMIT_BYTES = 1_048_576;

/** Most redirects followed for one request. */
export const HTTP_MAX_REDIRECTS = 5;

/**
 * `http.request`: an outbound HTTP request (SSRF-guarded: private, loopback and link-local
 * addresses are refused). A 4xx answer fails at once, a 5xx, 429 or network error is retried;
 * both take the `error` port when connected. `credential` names a stored credential of the
 * guild (kept literal: a name, never a secret, never rendered).
 *
 * @example
 * // config: { method: 'POST', url: 'https://api.example.com/events', body: { member: '{{ trigger.member.id }}' } }
 * // output: { status: 200, headers: { … }, body: { … } }
 */
export const request = defineNode({
  type: 'http.request',
  kind: 'action',
  group: 'HTTP',
  title: 'HTTP request',
  description:
    'Sends an HTTP request to a public http(s) URL (private and local addresses are refused, at every redirect). Objects in `body` are sent as JSON. `credential` names a credential stored for this server (its secret never appears in the run). The answer is read up to 1 MB. A 4xx answer fails at once; a 5xx, 429 (after its Retry-After) or network error is retried; connect the `error` port to handle failures.',
  config: Type.Object(
    {
      method: Type.Optional(
        StringEnum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], { default: 'GET' }),
      ),
      url: Url('The URL; may contain expressions.'),
      headers: Type.Optional(
        Type.Record(
          Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$" }),
          Type.String({ maxLength: 8192 }),
          {
            additionalProperties: false,
            maxProperties: 50,
            description:
              'Request headers; values may be expressions. Put secrets in a credential, not here.',
          },
        ),
      ),
      query: Type.Optional(
        Type.Record(
          Type.String({ minLength: 1, maxLength: 200 }),
          Type.String({ maxLength: 2048 }),
          { maxProperties: 50, description: 'Query parameters added to the URL.' },
        ),
      ),
      body: Type.Optional(
        Type.Unknown({
          description: 'Request body: an object or list is sent as JSON, a string as text.',
        }),
      ),
      timeout: Type.Optional(Duration('Per attempt, at most 30s.', { default: '10s' })),
      credential: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description:
            'Name of a credential stored for this server (bearer token, basic auth or a header), applied to the request. A name, not the secret; never an expression.',
        }),
      ),
      followRedirects: Type.Optional(
        Type.Boolean({
          default: true,
          description: `Follow up to ${HTTP_MAX_REDIRECTS} redirects (each destination checked); off returns the 3xx answer.`,
        }),
      ),
      responseType: Type.Optional(
        StringEnum(['json', 'text'], {
          default: 'json',
          description:
            'Parse the answer as JSON when it says it is JSON (`content-type` */json or *+json), or keep it as text.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    status: Type.Integer(),
    headers: Type.Record(Type.String(), Type.String(), {
      description: 'Response headers, lowercase names.',
    }),
    body: Type.Unknown({
      description: `Parsed JSON or text (at most ${HTTP_RESPONSE_LIMIT_BYTES / 1_048_576} MB; a longer answer fails the step).`,
    }),
  }),
  ports: { outputs: OUT },
  literal: ['credential'],
  policy: {
    startToCloseTimeout: '45s',
    retry: { maximumAttempts: 3, initialInterval: '2s', maximumInterval: '30s' },
  },
  ui: {
    icon: 'globe',
    color: COLORS.http,
    fields: {
      method: { widget: 'select' },
      url: { widget: 'url', placeholder: 'https://api.example.com/…' },
      headers: { widget: 'keyValue' },
      query: { widget: 'keyValue' },
      body: { widget: 'json' },
      timeout: { widget: 'duration', placeholder: '10s' },
      credential: { placeholder: 'my-api-token' },
      responseType: { widget: 'select' },
    },
  },
  examples: [
    { title: 'Fetch JSON', config: { url: 'https://api.example.com/status' } },
    {
      title: 'Post an event',
      config: {
        method: 'POST',
        url: 'https://api.example.com/events',
        credential: 'events-api',
        body: { member: '{{ trigger.member.id }}', joinedAt: '{{ now }}' },
        timeout: '15s',
      },
    },
  ],
  check: (config) => {
    const issues: ConfigIssue[] = [];
    const ms = literalDurationMs(config.timeout);
    issues.push(
      ...issueIf(
        ms !== undefined && (ms > MAX_TIMEOUT_MS || ms <= 0),
        '/timeout',
        'The timeout must be between 1ms and 30s.',
      ),
    );
    const method = config.method ?? 'GET';
    issues.push(
      ...issueIf(
        (method === 'GET' || method === 'HEAD') && config.body !== undefined,
        '/body',
        `A ${String(method)} request has no body.`,
      ),
    );
    issues.push(
      ...issueIf(
        typeof config.credential === 'string' && config.credential.includes('{{'),
        '/credential',
        'The credential is the name of a stored credential, not an expression: write the name itself.',
      ),
    );
    return issues;
  },
});
