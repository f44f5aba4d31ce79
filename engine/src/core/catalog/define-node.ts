import type { TObject, TSchema } from '@sinclair/typebox';
import type { NodeRequirements } from './discord/permissions.js';
import {
  DEFAULT_ACTION_POLICY,
  NON_RETRYABLE_ERRORS,
  type ActionQueue,
  type ActivityPolicy,
  type PolicyDuration,
  type RetryPolicyDeclaration,
} from './action-policy.js';
import type { InputMode, NodeGroup, NodeKind, OutputPorts } from './node-kinds.js';
import type { NodeUi } from './ui-hints.js';

/**
 * One problem found by a declaration's cross-field `check`. `path` is a JSON pointer into the
 * config, like ajv's `instancePath` (`''` for the config itself, `/buttons/3/customId`).
 *
 * @example
 * const issue: ConfigIssue = { path: '/duration', message: 'A timeout lasts at most 28 days.' };
 */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** A realistic example config (shown in the docs and the builder; every one must validate). */
export interface NodeExample {
  title: string;
  config: Record<string, unknown>;
}

/**
 * A node type as written in its file and passed to {@link defineNode}.
 *
 * @example
 * defineNode({ type: 'flow.stop', kind: 'control', group: 'Flow', title: 'Stop', description: '…',
 *   config: Type.Object({}), output: Type.Object({}), ports: { outputs: [] }, ui: { icon: 'stop', fields: {} } });
 */
export interface NodeDefinition<
  T extends string = string,
  C extends TObject = TObject,
  O extends TSchema = TSchema,
  K extends NodeKind = NodeKind,
> {
  /** Public type id; never changes. */
  type: T;
  /** Kept literal in the declaration's type: which ids are actions is derived from it. */
  kind: K;
  group: NodeGroup;
  title: string;
  description: string;
  /** JSON Schema (TypeBox) of the config; expression-capable fields use `Expr(...)`. */
  config: C;
  /** JSON Schema of the output (`nodes.<id>`); for triggers, the trigger payload. */
  output: O;
  /**
   * The output of one node when its config says more than `output` (a slash command's option
   * names, the variables a `flow.setVariables` sets): what the builder offers in autocomplete.
   * Receives the raw, possibly invalid config; never consulted at run time.
   */
  outputFor?: (config: Readonly<Record<string, unknown>>) => TSchema;
  ports: {
    outputs: OutputPorts;
    /** Defaults: triggers `none`, every other node `one`. */
    inputs?: InputMode;
    /** For dynamic ports: what they are, for the docs and the catalog JSON. */
    dynamic?: string;
  };
  /** Actions only: overrides of the default activity policy. */
  policy?: { startToCloseTimeout?: PolicyDuration; retry?: Partial<RetryPolicyDeclaration> };
  /**
   * Actions only: the dedicated task queue live runs send this action to instead of the run's
   * own (`discord`: the rate-limited Discord queue). Simulated runs ignore it.
   */
  queue?: ActionQueue;
  /**
   * Actions only: set while no connector implements the action, saying why. Validation refuses
   * graphs that use it (so publishing and test runs do), and its executor fails at once.
   */
  unavailable?: string;
  /**
   * Config paths kept literal (never rendered as templates): dotted, `*` matching any array
   * index or object key, e.g. `name`, `cases.*.id`. A literal path covers everything below it.
   */
  literal?: readonly string[];
  /** Config paths holding a bare expression the node evaluates itself (`flow.if`'s `condition`). */
  conditions?: readonly string[];
  ui: NodeUi<keyof C['properties'] & string>;
  examples?: readonly NodeExample[];
  /**
   * Cross-field rules JSON Schema cannot express. Receives the raw config (which may hold
   * templates — check literal values only); runs after the config schema accepted it.
   */
  check?: (config: Readonly<Record<string, unknown>>) => ConfigIssue[];
  /**
   * Discord actions: the permissions the bot needs in the guild (checked by preflight before
   * publishing, shown in the node reference). The one place these needs are written down.
   */
  requires?: NodeRequirements;
}

/**
 * A node type of the catalog: its definition with the defaults resolved (input mode, the
 * automatic `error` port of actions, the activity policy).
 */
export interface NodeDeclaration<
  T extends string = string,
  C extends TObject = TObject,
  O extends TSchema = TSchema,
  K extends NodeKind = NodeKind,
> extends Readonly<
  Omit<NodeDefinition<T, C, O, K>, 'ports' | 'policy' | 'literal' | 'conditions'>
> {
  readonly ports: {
    readonly outputs: OutputPorts;
    readonly inputs: InputMode;
    readonly dynamic?: string;
    /** True for actions: the `error` port is appended to the outputs. */
    readonly error: boolean;
  };
  /** Set for actions; undefined for triggers and control nodes. */
  readonly policy?: ActivityPolicy;
  readonly literal: readonly string[];
  readonly conditions: readonly string[];
  /**
   * Where expressions in this node's config may read from: triggers render their config when
   * the graph is published and matched, with `vars` only; every other node has the full scope.
   */
  readonly scope: readonly ExpressionRoot[];
}

/** The roots of the expression scope (docs/expressions.md). */
export type ExpressionRoot = 'trigger' | 'nodes' | 'vars' | 'item' | 'run' | 'now';

/** Every root, in the order docs/expressions.md lists them. */
const FULL_SCOPE: readonly ExpressionRoot[] = Object.freeze([
  'trigger',
  'nodes',
  'vars',
  'item',
  'run',
  'now',
]);
const TRIGGER_SCOPE: readonly ExpressionRoot[] = Object.freeze(['vars']);

/**
 * Declares a node type: resolves the input mode, the `error` port and the policy of actions,
 * and the expression scope. The type id, config field names and output names are public.
 *
 * @example
 * export const stop = defineNode({
 *   type: 'flow.stop', kind: 'control', group: 'Flow', title: 'Stop', description: 'Ends the run.',
 *   config: Type.Object({}, { additionalProperties: false }), output: Type.Object({}),
 *   ports: { outputs: [] }, ui: { icon: 'octagon', fields: {} },
 * });
 */
export function defineNode<
  const T extends string,
  C extends TObject,
  O extends TSchema,
  const K extends NodeKind,
>(definition: NodeDefinition<T, C, O, K>): NodeDeclaration<T, C, O, K> {
  const { ports, policy, literal, conditions, ...rest } = definition;
  const isAction = definition.kind === 'action';
  return Object.freeze({
    ...rest,
    ports: Object.freeze({
      outputs: ports.outputs,
      inputs: ports.inputs ?? (definition.kind === 'trigger' ? 'none' : 'one'),
      ...(ports.dynamic === undefined ? {} : { dynamic: ports.dynamic }),
      error: isAction,
    }),
    ...(isAction
      ? {
          policy: Object.freeze({
            startToCloseTimeout:
              policy?.startToCloseTimeout ?? DEFAULT_ACTION_POLICY.startToCloseTimeout,
            retry: Object.freeze({
              ...DEFAULT_ACTION_POLICY.retry,
              nonRetryableErrorTypes: [...NON_RETRYABLE_ERRORS],
              ...policy?.retry,
            }),
          }),
        }
      : {}),
    literal: Object.freeze([...(literal ?? [])]),
    conditions: Object.freeze([...(conditions ?? [])]),
    scope: definition.kind === 'trigger' ? TRIGGER_SCOPE : FULL_SCOPE,
  });
}
