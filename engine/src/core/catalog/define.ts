import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { NodeRequirements } from './discord/permissions.js';

/**
 * What runs a node: `trigger` starts a run, `action` is one Temporal activity (dispatched
 * generically by its type id), `control` is handled by the interpreter in workflow code.
 *
 * @example
 * const kind: NodeKind = 'action';
 */
export type NodeKind = 'trigger' | 'action' | 'control';

/**
 * Palette groups, in palette order.
 *
 * @example
 * for (const group of NODE_GROUPS) render(group, listNodeTypes().filter((d) => d.group === group));
 */
export const NODE_GROUPS = ['Triggers', 'Discord', 'Flow', 'Data', 'HTTP', 'Stripe'] as const;

/**
 * A palette group.
 *
 * @example
 * const group: NodeGroup = 'Discord';
 */
export type NodeGroup = (typeof NODE_GROUPS)[number];

/**
 * An output port (a React Flow source handle).
 *
 * @example
 * const port: PortDeclaration = { id: 'true', label: 'True' };
 */
export interface PortDeclaration {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/**
 * How many inputs a node takes: triggers none, `flow.join` many (it waits for all of them),
 * every other node one input handle (several edges into it each run it — e.g. after the
 * branches of a `flow.if`).
 *
 * @example
 * const mode: InputMode = getNodeType('flow.join')!.ports.inputs; // 'many'
 */
export type InputMode = 'none' | 'one' | 'many';

/**
 * A duration in the `ms` format Temporal accepts (`500ms`, `30s`, `5m`, `2h`, `1d`).
 *
 * @example
 * const timeout: PolicyDuration = '30s';
 */
export type PolicyDuration = `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/**
 * Temporal retry policy of an action (assignable to `@temporalio/workflow`'s `RetryPolicy`).
 *
 * @example
 * const retry: RetryPolicyDeclaration = { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' };
 */
export interface RetryPolicyDeclaration {
  maximumAttempts: number;
  initialInterval: PolicyDuration;
  backoffCoefficient: number;
  maximumInterval: PolicyDuration;
  /** Error types (ApplicationFailure `type`) that are never retried; the `error` port runs. */
  nonRetryableErrorTypes?: string[];
}

/**
 * Timeout and retry policy of an action's activity.
 *
 * @example
 * wf.proxyActivities({ startToCloseTimeout: policy.startToCloseTimeout, retry: policy.retry });
 */
export interface ActivityPolicy {
  startToCloseTimeout: PolicyDuration;
  retry: RetryPolicyDeclaration;
}

/**
 * Config form widgets the builder knows. Fields without a widget get the default input for
 * their JSON Schema type.
 *
 * @example
 * const widget: Widget = 'channel';
 */
export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'toggle'
  | 'select'
  | 'channel'
  | 'category'
  /** A text channel or a category (a parent: `discord.createChannel`'s `parentId`). */
  | 'channelOrCategory'
  | 'role'
  | 'member'
  | 'message'
  | 'emoji'
  | 'duration'
  | 'datetime'
  | 'cron'
  | 'timezone'
  | 'json'
  | 'expression'
  | 'condition'
  | 'url'
  | 'keyValue'
  | 'list'
  | 'embeds'
  | 'buttons'
  | 'cases'
  | 'commandOptions'
  | 'permissionOverwrites'
  | 'variables'
  | 'graph'
  | 'color';

/**
 * UI hints of one config field.
 *
 * @example
 * const hint: FieldUi = { widget: 'channel', placeholder: '#general', help: 'Where to post.' };
 */
export interface FieldUi {
  widget?: Widget;
  /** For a `list` field: the widget of each element (e.g. `role` for a list of role ids). */
  items?: Widget;
  placeholder?: string;
  help?: string;
}

/**
 * UI hints of a node type: palette icon (a short icon name the builder maps), accent color
 * and per-field hints.
 *
 * @example
 * const ui: NodeUi = { icon: 'message', color: '#5865F2', fields: { content: { widget: 'textarea' } } };
 */
export interface NodeUi {
  icon: string;
  color?: string;
  fields: Readonly<Record<string, FieldUi>>;
}

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

/**
 * A realistic example config (shown in the docs and the builder; every one must validate).
 *
 * @example
 * const example: NodeExample = { title: 'Welcome message', config: { channelId: '{{ vars.welcome }}', content: 'Hi!' } };
 */
export interface NodeExample {
  title: string;
  config: Record<string, unknown>;
}

/**
 * The output ports of a node type: a fixed list, or a function of the node's (raw, possibly
 * invalid) config, as for `flow.switch`.
 *
 * @example
 * const outputs: OutputPorts = (config) => [{ id: 'default', label: 'Default' }];
 */
export type OutputPorts =
  | readonly PortDeclaration[]
  | ((config: Readonly<Record<string, unknown>>) => readonly PortDeclaration[]);

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
> {
  /** Public type id; never changes. */
  type: T;
  kind: NodeKind;
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
   * Config paths kept literal (never rendered as templates): dotted, `*` matching any array
   * index or object key, e.g. `name`, `cases.*.id`. A literal path covers everything below it.
   */
  literal?: readonly string[];
  /** Config paths holding a bare expression the node evaluates itself (`flow.if`'s `condition`). */
  conditions?: readonly string[];
  ui: NodeUi;
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
 *
 * @example
 * const declaration: NodeDeclaration | undefined = getNodeType('discord.sendMessage');
 */
export interface NodeDeclaration<
  T extends string = string,
  C extends TObject = TObject,
  O extends TSchema = TSchema,
> extends Readonly<Omit<NodeDefinition<T, C, O>, 'ports' | 'policy' | 'literal' | 'conditions'>> {
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

/**
 * The roots of the expression scope (DESIGN.md, Expressions).
 *
 * @example
 * const roots: ExpressionRoot[] = ['trigger', 'nodes', 'vars'];
 */
export type ExpressionRoot = 'trigger' | 'nodes' | 'vars' | 'item' | 'run' | 'now';

/** Every root, in DESIGN order. */
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
 * The `error` port every action has: taken after its retries are exhausted (or at once for a
 * non-retryable error), with output `{ error: { code, message, retryable } }`.
 *
 * @example
 * edges.filter((e) => e.sourceHandle === ERROR_PORT.id);
 */
export const ERROR_PORT: PortDeclaration = Object.freeze({
  id: 'error',
  label: 'Error',
  description:
    'Taken when the action fails after its retries; output `{ error: { code, message, retryable } }`.',
});

/**
 * Error types (ApplicationFailure `type`) action executors throw; those listed in
 * {@link NON_RETRYABLE_ERRORS} are never retried.
 *
 * @example
 * throw ApplicationFailure.nonRetryable('Missing Access', ERROR_TYPES.missingPermissions);
 */
export const ERROR_TYPES = {
  /** The config, after rendering, is unusable (a bad id, an empty message, …). */
  invalidConfig: 'InvalidConfig',
  /** Discord 403 / 50013: the bot lacks a permission. */
  missingPermissions: 'MissingPermissions',
  /** Discord 404 / 10xxx: unknown channel, message, member, role, …. */
  unknownResource: 'UnknownResource',
  /** Discord 400 / 50035 and similar: the request was refused as invalid. */
  invalidRequest: 'InvalidRequest',
  /** Discord 429: retried after `retry_after`. */
  rateLimited: 'RateLimited',
  /** `http.request`: the URL resolves to a private, loopback or otherwise blocked address. */
  blockedDestination: 'BlockedDestination',
  /** `http.request`: a 4xx answer. */
  httpClientError: 'HttpClientError',
  /** `http.request`: a 5xx answer (retried). */
  httpServerError: 'HttpServerError',
  /** Stripe is not configured (no `STRIPE_SECRET_KEY`). */
  notConfigured: 'NotConfigured',
  /** Stripe: card, invalid request or authentication errors. */
  stripeRequestError: 'StripeRequestError',
} as const;

/**
 * Error types no action retries.
 *
 * @example
 * NON_RETRYABLE_ERRORS.includes(ERROR_TYPES.missingPermissions); // true
 */
export const NON_RETRYABLE_ERRORS: readonly string[] = Object.freeze([
  ERROR_TYPES.invalidConfig,
  ERROR_TYPES.missingPermissions,
  ERROR_TYPES.unknownResource,
  ERROR_TYPES.invalidRequest,
  ERROR_TYPES.blockedDestination,
  ERROR_TYPES.httpClientError,
  ERROR_TYPES.notConfigured,
  ERROR_TYPES.stripeRequestError,
]);

/**
 * The policy of an action that does not override it: 30 s per attempt, 5 attempts with
 * exponential backoff from 1 s to 1 min; the non-retryable error types fail at once.
 *
 * @example
 * const policy = getNodeType('discord.addRole')!.policy ?? DEFAULT_ACTION_POLICY;
 */
export const DEFAULT_ACTION_POLICY: ActivityPolicy = Object.freeze({
  startToCloseTimeout: '30s',
  retry: Object.freeze({
    maximumAttempts: 5,
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [...NON_RETRYABLE_ERRORS],
  }),
}) as ActivityPolicy;

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
export function defineNode<const T extends string, C extends TObject, O extends TSchema>(
  definition: NodeDefinition<T, C, O>,
): NodeDeclaration<T, C, O> {
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

/**
 * The config type of a declaration, as its executor receives it (expressions resolved).
 *
 * @example
 * type SendMessageConfig = ConfigOf<typeof sendMessage>; // { channelId?: string; content?: string; … }
 */
export type ConfigOf<D> = D extends NodeDeclaration<string, infer C, TSchema> ? Static<C> : never;

/**
 * The output type of a declaration (`nodes.<id>`; for triggers the payload).
 *
 * @example
 * type Sent = OutputOf<typeof sendMessage>; // { messageId: string; channelId: string }
 */
export type OutputOf<D> = D extends NodeDeclaration<string, TObject, infer O> ? Static<O> : never;

/**
 * What an action's executor knows about the step it runs.
 *
 * @example
 * const key = `${context.idempotencyKey}`; // stable across retries of this step
 */
export interface ActionContext {
  runId: string;
  graphId: string;
  guildId: string;
  /** The published graph version the run executes. */
  version: number;
  nodeId: string;
  /** 1 for the first attempt (from the activity info). */
  attempt: number;
  /** Running against the sandbox guild. */
  simulate: boolean;
  /**
   * Stable across retries of one step: `${runId}:${nodeId}`, plus the `flow.forEach`
   * iteration path inside a loop. Passed in by the interpreter.
   */
  idempotencyKey: string;
}

/**
 * The executor of an action node type (implemented by a connector, registered by the worker as
 * the activity named by the type id).
 *
 * @example
 * const addRole: ActionExecutor<typeof addRoleNode> = async ({ config, context }) => {
 *   await rest.addRole(context.guildId, config.userId, config.roleId, config.reason);
 *   return {};
 * };
 */
export type ActionExecutor<D> = (input: {
  config: ConfigOf<D>;
  context: ActionContext;
}) => Promise<OutputOf<D>>;
