import { evaluateCondition } from '../../core/expressions/index.js';
import type { ControlHandler } from './types.js';

/** `flow.if`: takes `true` or `false`. The condition is evaluated unrendered so it may be bare (`x > 1`). */
export const ifNode: ControlHandler<'flow.if'> = (ctx) => {
  const condition = ctx.node.config.condition;
  const result =
    typeof condition === 'boolean'
      ? condition
      : evaluateCondition(String(condition ?? ''), ctx.scope);
  return { ports: [result ? 'true' : 'false'], output: { result } };
};

/** `flow.switch`: the first case whose `equals` matches the value (strict equality), else `default`. */
export const switchNode: ControlHandler<'flow.switch'> = (ctx) => {
  const value = ctx.config.value;
  const cases = Array.isArray(ctx.config.cases) ? ctx.config.cases : [];
  const match = cases.find(
    (c) => c.equals === value || (typeof value !== 'object' && String(c.equals) === String(value)),
  );
  return {
    ports: [match ? match.id : 'default'],
    output: { value, case: match ? match.id : 'default' },
  };
};
