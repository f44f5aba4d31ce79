import { patched } from '@temporalio/workflow';
import { isReservedName, reservedVariableMessage } from '../../core/graph/names.js';
import type { ControlHandler } from './types.js';

/** Hard cap on `flow.forEach` iterations, whatever `max` says. */
export const FOR_EACH_HARD_CAP = 1000;

/**
 * `flow.pickRandom`: a partial Fisher–Yates shuffle with the workflow's seeded Math.random, so a
 * replay picks the same winners.
 */
export const pickRandomNode: ControlHandler<'flow.pickRandom'> = (ctx) => {
  const items = ctx.config.items;
  if (!Array.isArray(items)) throw new Error(`"items" must be a list, got ${typeof items}`);
  const count = Math.max(0, Math.min(items.length, Math.floor(Number(ctx.config.count ?? 1))));
  const pool = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return { ports: ['out'], output: { picked: pool.slice(0, count) } };
};

/** `flow.forEach`: iterates over at most `max` items (default 100, never more than 1,000). */
export const forEachNode: ControlHandler<'flow.forEach'> = (ctx) => {
  const items = ctx.config.items;
  if (!Array.isArray(items)) throw new Error(`"items" must be a list, got ${typeof items}`);
  const max = Math.min(FOR_EACH_HARD_CAP, Math.max(0, Math.floor(Number(ctx.config.max ?? 100))));
  return { loop: items.slice(0, max) };
};

/** `flow.join`: fires once every input resolved; its output is the inputs' outputs by node id. */
export const joinNode: ControlHandler<'flow.join'> = (ctx) => ({
  ports: ['out'],
  output: ctx.run.joinInputs ?? {},
});

/**
 * `flow.setVariables`: assigns run variables, readable afterwards as `vars.<name>`. A reserved
 * name (validation refuses it; a stored graph may predate that) fails the node before anything
 * is set: `vars.__proto__ = …` would replace the prototype of the run's variables. Runs that
 * got past such a node before this check replay without the reserved names instead of failing
 * (`patched` is asked only when a reserved name comes up, so other histories gain no marker).
 */
export const setVariablesNode: ControlHandler<'flow.setVariables'> = (ctx) => {
  const values = ctx.config.values ?? {};
  const reserved = Object.keys(values).find(isReservedName);
  if (reserved !== undefined && patched('refuse-reserved-variable-names'))
    throw new Error(reservedVariableMessage(reserved));
  for (const [name, value] of Object.entries(values)) {
    if (!isReservedName(name)) ctx.state.vars[name] = value;
  }
  return { ports: ['out'], output: values };
};

/** `flow.stop`: ends the run here; parallel branches are cancelled. */
export const stopNode: ControlHandler<'flow.stop'> = () => ({ stop: true });
