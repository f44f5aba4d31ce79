import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { NoConfig } from '../schemas.js';

/**
 * `trigger.webhook`: starts a run for each signed POST to the graph's hook URL
 * (`POST /hooks/:hookId`, `X-Guildflow-Signature: sha256=<HMAC of "<timestamp>.<raw body>">`).
 *
 * @example
 * // payload: { body: { plan: 'pro' }, query: { ref: 'site' }, headers: { 'content-type': 'application/json' } }
 * getNodeType('trigger.webhook') === webhook;
 */
export const webhook = defineNode({
  type: 'trigger.webhook',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Webhook',
  description:
    'Starts for each POST to the graph’s hook URL signed with its secret (`X-Guildflow-Timestamp: <unix seconds>` and `X-Guildflow-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`); a copy of an accepted delivery starts nothing. The URL and secret appear once the graph is saved. The body is data, never a template.',
  config: NoConfig(),
  output: Type.Object({
    body: Type.Unknown({ description: 'The parsed JSON body (or the raw text).' }),
    query: Type.Record(Type.String(), Type.String(), { description: 'Query string parameters.' }),
    headers: Type.Record(Type.String(), Type.String(), {
      description: 'Request headers, lowercase names.',
    }),
  }),
  ports: { outputs: OUT },
  ui: { icon: 'webhook', color: COLORS.trigger, fields: {} },
  examples: [{ title: 'Inbound webhook', config: {} }],
});
