import { Type } from '@sinclair/typebox';
import { COLORS } from '../common.js';
import { defineNode } from '../define-node.js';
import { NoConfig } from '../schemas.js';

/**
 * `flow.stop`: ends the run here; branches still running are cancelled.
 *
 * @example
 * getNodeType('flow.stop')!.ports.outputs; // []
 */
export const stop = defineNode({
  type: 'flow.stop',
  kind: 'control',
  group: 'Flow',
  title: 'Stop',
  description: 'Ends the run here (as completed); branches still running or waiting are cancelled.',
  config: NoConfig(),
  output: Type.Object({}),
  ports: { outputs: [] },
  ui: { icon: 'octagon', color: COLORS.flow, fields: {} },
  examples: [{ title: 'End the run', config: {} }],
});
