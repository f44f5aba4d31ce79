import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode, type ConfigIssue } from '../define-node.js';
import { Duration, StringEnum, Url, issueIf, literalDurationMs } from '../schemas.js';

/** Longest `timeout` of one request attempt. */
const MAX_TIMEOUT_MS = 30_000;

/**
 * `http.request`: an outbound HTTP request (SSRF-guarded: private, loopback and link-local
 * addresses are refused). A 4xx answer fails at once, a 5xx or a network error is retried;
 * both take the `error` port when connected.
 *
 * @example
 * // config: { method: 'POST', url: 'https://api.example.com/events', body: { member: '{{ trigger.member.id }}' } }
 * // output: { status: 200, headers: { … }, body: { … } }
 */
export const request = defineNode({
  type: 'http.request',
  kind: 'action',
  group: 'HTTP',
  unavailable: 'the HTTP connector does not implement it',
  title: 'HTTP request',
  description:
    'Sends an HTTP request to a public http(s) URL (private and local addresses are refused). Objects in `body` are sent as JSON. A 4xx answer fails at once, a 5xx or network error is retried; connect the `error` port to handle failures.',
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
              'Request headers; values may be expressions (e.g. `Bearer {{ vars.apiToken }}`).',
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
      responseType: Type.Optional(
        StringEnum(['json', 'text'], {
          default: 'json',
          description: 'Parse the answer as JSON, or keep it as text.',
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
    body: Type.Unknown({ description: 'Parsed JSON or text (at most 1 MB).' }),
  }),
  ports: { outputs: OUT },
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
        headers: { Authorization: 'Bearer {{ vars.apiToken }}' },
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
    return issues;
  },
});
