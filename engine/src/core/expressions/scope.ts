/**
 * The names an expression can read. Everything else is an `unknown-name` error.
 *
 * @example
 * ROOT_NAMES.includes('vars'); // true
 */
export const ROOT_NAMES = ['trigger', 'nodes', 'vars', 'item', 'run', 'now'] as const;

/** One scope root. */
export type RootName = (typeof ROOT_NAMES)[number];

/** What `run` holds: the run's id, its graph and pinned version, and when it started (ISO text). */
export interface RunInfo {
  id?: string;
  graphId?: string;
  version?: number;
  startedAt?: string;
}

/**
 * The data an expression reads. Data only: plain objects, lists, text, numbers, booleans and
 * null. Anything else found inside (class instances, functions) is invisible to expressions.
 *
 * @example
 * const scope: Scope = {
 *   trigger: { member: { id: '42', username: 'bob' } },
 *   nodes: { greet: { messageId: '9' } },
 *   vars: { channelId: '7' },
 *   run: { id: 'run-1', graphId: 'welcome', version: 1, startedAt: '2024-05-01T12:00:00.000Z' },
 *   now: '2024-05-01T12:00:05.000Z',
 * };
 */
export interface Scope {
  /** The trigger payload. */
  trigger?: unknown;
  /** Outputs of finished nodes, by node id. */
  nodes?: Record<string, unknown>;
  /** The graph's variables. */
  vars?: Record<string, unknown>;
  /** The current element inside `flow.forEach`. */
  item?: unknown;
  run?: RunInfo;
  /** The current time as ISO text (from the workflow clock, never read by the language itself). */
  now?: string;
}

const ROOTS: ReadonlySet<string> = new Set(ROOT_NAMES);

/**
 * True when `name` is a scope root.
 *
 * @example
 * isRootName('vars'); // true
 * isRootName('window'); // false
 */
export function isRootName(name: string): name is RootName {
  return ROOTS.has(name);
}

/**
 * The message for a name that is not a root.
 *
 * @example
 * unknownNameMessage('x'); // "unknown name 'x'; expressions can read trigger, nodes, vars, item, run, now"
 */
export function unknownNameMessage(name: string): string {
  return `unknown name '${name}'; expressions can read ${ROOT_NAMES.join(', ')}`;
}
