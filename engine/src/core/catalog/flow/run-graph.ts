import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';

/**
 * `flow.runGraph`: runs another published graph of this server as a child run; its trigger
 * receives `input` as the payload (give the child a `trigger.manual`).
 *
 * @example
 * // config: { graphId: 'g_welcome_dm', input: { userId: '{{ trigger.member.id }}' }, wait: true }
 * // output: { runId, status }
 */
export const runGraph = defineNode({
  type: 'flow.runGraph',
  kind: 'control',
  group: 'Flow',
  title: 'Run graph',
  description:
    'Runs the published version of another graph of this server as a child run, with `input` as its trigger payload (the child should start with `trigger.manual`). With `wait` (default) continues when the child finishes; otherwise at once, leaving the child running.',
  config: Type.Object(
    {
      graphId: Type.String({ minLength: 1, maxLength: 100, description: 'The graph to run.' }),
      input: Type.Optional(
        Type.Unknown({ description: 'Its trigger payload; values may be expressions.' }),
      ),
      wait: Type.Optional(
        Type.Boolean({ default: true, description: 'Wait for the child run to finish.' }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    runId: Type.String({ description: 'The child run.' }),
    status: Type.Optional(
      Type.String({
        description: 'How the child ended (`completed` or `stopped`), when waited for.',
      }),
    ),
  }),
  ports: { outputs: OUT },
  ui: {
    icon: 'workflow',
    color: COLORS.flow,
    fields: { graphId: { widget: 'graph' }, input: { widget: 'json' }, wait: { widget: 'toggle' } },
  },
  examples: [
    {
      title: 'Shared onboarding',
      config: {
        graphId: 'onboarding-dm',
        input: { userId: '{{ trigger.member.id }}' },
        wait: true,
      },
    },
  ],
});
