/**
 * The node catalog: one declaration per node type (type id, config JSON Schema, ports, output
 * shape, UI hints, activity policy). Validation, the interpreter, the worker, the builder and
 * the docs all derive from it.
 */
export {
  DEFAULT_ACTION_POLICY,
  ERROR_TYPES,
  NON_RETRYABLE_ERRORS,
  type ActionQueue,
  type ActivityPolicy,
  type PolicyDuration,
  type RetryPolicyDeclaration,
} from './action-policy.js';
export {
  type ActionActivities,
  type ActionActivity,
  type ActionContext,
  type ActionExecutor,
  type ActionInput,
  type ConfigOf,
  type InteractionRef,
  type OutputOf,
} from './action-contract.js';
export {
  defineNode,
  type ConfigIssue,
  type ExpressionRoot,
  type NodeDeclaration,
  type NodeDefinition,
  type NodeExample,
} from './define-node.js';
export {
  ERROR_PORT,
  NODE_GROUPS,
  type InputMode,
  type NodeGroup,
  type NodeKind,
  type OutputPorts,
  type PortDeclaration,
} from './node-kinds.js';
export { type FieldUi, type NodeUi, type Widget } from './ui-hints.js';
export {
  DATE_TIME_PATTERN,
  DURATION_PATTERN,
  SNOWFLAKE_PATTERN,
  TEMPLATE_PATTERN,
  URL_PATTERN,
  Expr,
  StringEnum,
  TemplateString,
  isExprSchema,
  literalDurationMs,
} from './schemas.js';
export {
  checkConfig,
  fieldMode,
  isConditionField,
  isLiteralField,
  literalPaths,
  type FieldMode,
} from './fields.js';
export {
  NODE_DECLARATIONS,
  catalog,
  getNodeType,
  inputsOf,
  isTrigger,
  listNodeTypes,
  outputPortsOf,
  portsOf,
  actionQueueOf,
  type ActionTypeId,
  type ControlTypeId,
  type TriggerTypeId,
  type AnyNodeDeclaration,
  type NodeTypeId,
  type NodeTypeMap,
} from './registry.js';
export {
  catalogJson,
  resolvedConfigSchema,
  toJsonSchema,
  type CatalogJson,
  type JsonSchema,
  type NodeTypeJson,
} from './json.js';
export { NODE_REFERENCE_COMMAND, renderNodeReference } from './reference.js';
export {
  COMMAND_NAME_PATTERN,
  COMMAND_OPTION_TYPES,
  CRON_PATTERN,
  MIN_SCHEDULE_INTERVAL_MS,
  TRIGGER_NODES,
  cronProblem,
  nextCronRuns,
  isTimeZone,
  messagePattern,
} from './triggers/index.js';
// Routed triggers: each declares the router event it listens to and its matcher.
export {
  ROUTED_TRIGGERS,
  ROUTED_TRIGGER_TYPES,
  SANDBOX_EVENT_SCHEMAS,
  SANDBOX_EVENT_TYPES,
  EventActorSchema,
  EventGuildMemberSchema,
  EventInteractionSchema,
  EventUserSchema,
  MEMBER_CHANGES,
  configString,
  defaultAvatarUrl,
  memberAvatarUrl,
  memberRef,
  defineEvent,
  defineRoutedTrigger,
  isEventOf,
  isRoutedTrigger,
  userRef,
  type AvatarSource,
  type EventGuildMember,
  type EventInteraction,
  type EventMember,
  type EventOf,
  type EventUser,
  type RoutedTrigger,
  type RoutedTriggerDeclaration,
  type RouterEvent,
  type RouterEventDefinition,
  type RouterEventKind,
  type SandboxEvent,
  type TriggerMatch,
} from './triggers/index.js';
export {
  CHANNEL_PERMISSIONS,
  DISCORD_LIMITS,
  buttonsFromItems,
  type BuiltButton,
  type ButtonsFromResult,
  DISCORD_NODES,
  DISCORD_PERMISSION_BITS,
  INTERACTION_TRIGGERS,
  PERMISSION_LABELS,
  READ_MESSAGES_MAX,
  type DiscordPermission,
  type NodeRequirements,
  type PermissionRule,
} from './discord/index.js';
export {
  CASE_ID_PATTERN,
  FLOW_NODES,
  FOR_EACH_DEFAULT_MAX,
  FOR_EACH_HARD_CAP,
  switchPorts,
} from './flow/index.js';
export { DATA_KEY_PATTERN, DATA_NODES } from './data/index.js';
export { HTTP_MAX_REDIRECTS, HTTP_NODES, HTTP_RESPONSE_LIMIT_BYTES } from './http/index.js';
export { STRIPE_NODES } from './stripe/index.js';
export { CREDENTIAL_NAME_PATTERN } from './credential-name.js';
