import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { NoConfig } from '../schemas.js';

/**
 * `flow.join`: waits until every incoming branch has finished (or was skipped), then continues
 * once; its output maps each active input's node id to that node's output.
 *
 * @example
 * // output: { sendA: { messageId, channelId }, roleB: {} }
 * getNodeType('flow.join')!.ports.inputs; // 'many'
 */
export const join = defineNode({
  type: 'flow.join',
  kind: 'control',
  group: 'Flow',
  title: 'Join',
  description:
    'Waits for all of its incoming branches (skipped branches count as arrived), then continues once. Its output maps each arriving node’s id to its output.',
  config: NoConfig(),
  output: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Outputs of the nodes that arrived, by node id.',
  }),
  ports: { outputs: OUT, inputs: 'many' },
  ui: { icon: 'merge', color: COLORS.flow, fields: {} },
  examples: [{ title: 'Wait for both branches', config: {} }],
});
