import { ApplicationFailure } from '@temporalio/common';
import {
  ERROR_TYPES,
  NODE_DECLARATIONS,
  type ActionActivity,
  type ActionContext,
  type ActionTypeId,
  type ConfigOf,
  type NodeTypeMap,
  type OutputOf,
} from '../../core/index.js';
import { validateRenderedConfig, type RenderedConfigRules } from './rendered-config.js';

/**
 * The declaration of an action node type, typed by its id.
 *
 * @example
 * declarationOf('data.get').title; // 'Get value'
 */
export function declarationOf<K extends ActionTypeId>(type: K): NodeTypeMap[K] {
  const declaration = NODE_DECLARATIONS.find((d): d is NodeTypeMap[K] => d.type === type);
  if (!declaration) throw new Error(`No declaration for ${type}`);
  return declaration;
}

/**
 * What an executor's body receives: the config typed from its declaration (checked after
 * rendering) and the step's context.
 */
export interface ExecutorInput<K extends ActionTypeId> {
  config: ConfigOf<NodeTypeMap[K]>;
  context: ActionContext;
}

/**
 * An executor before its dependencies are bound (a REST client, a store connection): binding
 * gives the activity the worker registers under the type id.
 */
export type ExecutorFactory<K extends ActionTypeId, Deps> = (deps: Deps) => ActionActivity<K>;

/**
 * Declares the executor of an action: every call first checks the rendered config against the
 * declaration (a non-retryable `InvalidConfig` failure, before anything is done), then runs
 * `run` with the config typed. Connectors add their own `rules` (Discord: embed totals).
 *
 * @example
 * export const getValue = defineExecutor('data.get', async ({ config, context }, mongo: Connection) => ({ value: … }));
 */
export function defineExecutor<K extends ActionTypeId, Deps>(
  type: K,
  run: (input: ExecutorInput<K>, deps: Deps) => Promise<OutputOf<NodeTypeMap[K]>>,
  rules: RenderedConfigRules = {},
): ExecutorFactory<K, Deps> {
  const declaration = declarationOf(type);
  return (deps) => async (input) => {
    const config = validateRenderedConfig(declaration, input.config, rules);
    return run({ config, context: input.context }, deps);
  };
}

/**
 * The executor of an action declared `unavailable` (no connector implements it yet): fails at
 * once, non-retryably, saying so. Publishing already refuses graphs that use such an action;
 * this only answers a run that got past that (a version published before it was marked).
 */
export function unavailableExecutor<K extends ActionTypeId>(type: K): ActionActivity<K> {
  const declaration = declarationOf(type);
  return () =>
    Promise.reject(
      ApplicationFailure.create({
        type: ERROR_TYPES.notAvailable,
        message: `${declaration.title} (${type}) is not available: ${declaration.unavailable ?? 'no executor is registered for it'}.`,
        nonRetryable: true,
      }),
    );
}
