import { Type } from '@sinclair/typebox';
import { isReservedName, reservedVariableMessage } from '../../graph/names.js';
import { NODE_ID_PATTERN } from '../../graph/schema.js';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';

/**
 * `flow.setVariables`: sets run variables, readable afterwards as `vars.<name>` (the names
 * are literal; each value may be an expression).
 *
 * @example
 * // config: { values: { warnings: '{{ nodes.count.value }}', lastWarnedAt: '{{ now }}' } }
 * // output: the values
 */
export const setVariables = defineNode({
  type: 'flow.setVariables',
  kind: 'control',
  group: 'Flow',
  title: 'Set variables',
  description:
    'Sets variables of this run, readable afterwards as `vars.<name>` (they start as the graph’s `vars`). Names are literal; values may be expressions. Variables last for the run; use `data.set` to remember across runs.',
  config: Type.Object(
    {
      values: Type.Record(Type.String({ pattern: NODE_ID_PATTERN }), Type.Unknown(), {
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 100,
        description: 'Variable names and their new values.',
      }),
    },
    { additionalProperties: false },
  ),
  // The name pattern lets `__proto__` through (it is a name like any other to a regex).
  check: (config) =>
    Object.keys(config.values ?? {})
      .filter(isReservedName)
      .map((name) => ({ path: `/values/${name}`, message: reservedVariableMessage(name) })),
  output: Type.Record(Type.String(), Type.Unknown(), { description: 'The values set.' }),
  outputFor: (config) =>
    Type.Object(
      Object.fromEntries(
        Object.keys(isRecord(config.values) ? config.values : {}).map((name) => [
          name,
          Type.Unknown({ description: 'Set by this node.' }),
        ]),
      ),
      { description: 'The values set.' },
    ),
  ports: { outputs: OUT },
  ui: { icon: 'variable', color: COLORS.flow, fields: { values: { widget: 'variables' } } },
  examples: [
    {
      title: 'Remember the winner',
      config: { values: { winnerId: '{{ nodes.pick.picked[0].id }}', round: 2 } },
    },
  ],
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
