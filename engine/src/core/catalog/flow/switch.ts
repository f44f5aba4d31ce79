import { Type } from '@sinclair/typebox';
import { COLORS } from '../common.js';
import { defineNode, type ConfigIssue } from '../define-node.js';
import type { PortDeclaration } from '../node-kinds.js';

/**
 * Pattern of `flow.switch` case ids (they are port ids; `default` and `error` are reserved).
 *
 * @example
 * new RegExp(CASE_ID_PATTERN).test('gold'); // true
 */
export const CASE_ID_PATTERN = '^(?!(?:default|error)$)[A-Za-z0-9_-]{1,64}$';

const DEFAULT_PORT: PortDeclaration = Object.freeze({
  id: 'default',
  label: 'Default',
  description: 'No case matched.',
});

/**
 * The output ports of a `flow.switch` config: one per case id (in order, duplicates once),
 * then `default`. Tolerates invalid configs.
 *
 * @example
 * switchPorts({ cases: [{ id: 'gold', equals: 'gold' }] }).map((p) => p.id); // ['gold', 'default']
 */
export function switchPorts(config: Readonly<Record<string, unknown>>): readonly PortDeclaration[] {
  const cases = Array.isArray(config.cases) ? (config.cases as unknown[]) : [];
  const ports: PortDeclaration[] = [];
  const seen = new Set<string>(['default']);
  for (const c of cases) {
    const id = typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    ports.push({ id, label: id });
  }
  ports.push(DEFAULT_PORT);
  return ports;
}

/**
 * `flow.switch`: compares a value with each case and continues on the first match's port, or on
 * `default`.
 *
 * @example
 * // config: { value: '{{ trigger.options.plan }}', cases: [{ id: 'pro', equals: 'pro' }, { id: 'free', equals: 'free' }] }
 * // ports: pro, free, default; output: { value: 'pro', case: 'pro' }
 */
export const switchNode = defineNode({
  type: 'flow.switch',
  kind: 'control',
  group: 'Flow',
  title: 'Switch',
  description:
    'Compares `value` with each case’s `equals` in order and continues on the first matching case’s port, or on `default`. Each case id is an output port.',
  config: Type.Object(
    {
      value: Type.Unknown({ description: 'The value to compare, usually an expression.' }),
      cases: Type.Array(
        Type.Object(
          {
            id: Type.String({ pattern: CASE_ID_PATTERN, description: 'The port name (literal).' }),
            equals: Type.Unknown({
              description: 'Matches when equal to the value (strings and numbers compare by text).',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 25 },
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Object({
    value: Type.Unknown(),
    case: Type.String({ description: 'The port taken.' }),
  }),
  ports: { outputs: switchPorts, dynamic: 'One port per case id, in order, then `default`.' },
  literal: ['cases.*.id'],
  ui: {
    icon: 'split',
    color: COLORS.flow,
    fields: {
      value: { widget: 'expression', placeholder: '{{ trigger.options.plan }}' },
      cases: { widget: 'cases' },
    },
  },
  examples: [
    {
      title: 'By plan',
      config: {
        value: '{{ trigger.options.plan }}',
        cases: [
          { id: 'pro', equals: 'pro' },
          { id: 'free', equals: 'free' },
        ],
      },
    },
  ],
  check: (config) => {
    const issues: ConfigIssue[] = [];
    const seen = new Set<string>();
    (Array.isArray(config.cases) ? (config.cases as unknown[]) : []).forEach((c, i) => {
      const id = typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id))
        issues.push({ path: `/cases/${i}/id`, message: `Case "${id}" is declared twice.` });
      seen.add(id);
    });
    return issues;
  },
});
