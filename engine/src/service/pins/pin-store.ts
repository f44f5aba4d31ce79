import { getNodeType, portsOf, type GraphDocument } from '../../core/index.js';
import type { PinnedOutput, RunOptions, StepLog } from '../../interpreter/contract.js';
import { notFound } from '../auth/index.js';
import { ApiError } from '../errors.js';
import type { Store } from '../storage/index.js';
import type { PinRecord } from './pin-model.js';
import { MAX_GRAPH_PIN_BYTES, MAX_PIN_BYTES } from './schemas.js';

type GraphNode = GraphDocument['nodes'][number];

/** A pin as the API shows it. */
export interface PinView {
  nodeId: string;
  output: unknown;
  port: string;
  pinnedAt: string;
  pinnedBy: string;
}

/**
 * The node of the draft a pin may replace: an action (a Discord, data, HTTP or Stripe call).
 * A trigger's output is the run's payload and control nodes decide the path, so pinning them
 * would change what is tested rather than stand in for a call to the outside.
 */
export function pinnableNode(doc: GraphDocument, nodeId: string): GraphNode {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) throw notFound(`node "${nodeId}" in this graph's draft`);
  const kind = getNodeType(node.type)?.kind;
  if (kind !== 'action') {
    const why =
      kind === 'trigger'
        ? 'its output is the run’s payload: send the payload you want with the test run instead'
        : kind === 'control'
          ? `${node.type} is a flow control node that runs inside the engine and decides the path; pin the action nodes around it instead`
          : `${node.type} is not a known node type`;
    throw new ApiError(
      400,
      'not_pinnable',
      `Node "${nodeId}" cannot be pinned: ${why}. Only action nodes (Discord, data, HTTP, Stripe) can be pinned.`,
    );
  }
  return node;
}

/**
 * The port a pin leaves `node` by: `port` when it is one of the node's ports, else its first
 * port when `port` is omitted; 400 otherwise.
 */
export function pinPort(node: GraphNode, port: string | undefined): string {
  const ports = portsOf(node).map((p) => p.id);
  const chosen = port ?? ports[0];
  if (chosen === undefined || !ports.includes(chosen)) {
    throw new ApiError(
      400,
      'invalid_request',
      `Port "${String(port)}" is not a port of node "${node.id}" (${node.type}); use one of: ${ports.join(', ')}.`,
      [{ path: 'body.port', message: `must be one of ${ports.join(', ')}` }],
    );
  }
  return chosen;
}

/** The JSON of an output to pin, or 400 when it is too large or not JSON. */
export function pinJson(output: unknown): string {
  const json = JSON.stringify(output);
  if (json === undefined) {
    throw new ApiError(400, 'invalid_request', 'Send the output to pin as `output` (any JSON).', [
      { path: 'body.output', message: 'is required' },
    ]);
  }
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_PIN_BYTES) {
    throw new ApiError(
      400,
      'invalid_request',
      `The output is ${bytes} bytes of JSON; a pin holds at most ${MAX_PIN_BYTES} bytes. Pin a smaller output (only the fields the next nodes read).`,
      [{ path: 'body.output', message: `must be at most ${MAX_PIN_BYTES} bytes of JSON` }],
    );
  }
  return json;
}

/**
 * The output and port of `nodeId`'s last finished step in a run's step log (a completed step,
 * or one that failed into its `error` port), for a pin copied from a past run.
 */
export function pinFromSteps(steps: StepLog[], nodeId: string, runId: string): PinnedOutput {
  const step = [...steps]
    .reverse()
    .find(
      (s) =>
        s.nodeId === nodeId &&
        s.output !== undefined &&
        s.port !== undefined &&
        (s.status === 'completed' || (s.status === 'failed' && s.port === 'error')),
    );
  if (!step?.port) {
    throw new ApiError(
      400,
      'not_pinnable',
      `Run ${runId} has no finished step of node "${nodeId}" to copy; pick a run where it ran, or pin a typed output.`,
    );
  }
  const output = step.output as { truncated?: unknown; preview?: unknown } | null;
  if (
    output !== null &&
    typeof output === 'object' &&
    output.truncated === true &&
    'preview' in output
  ) {
    throw new ApiError(
      400,
      'not_pinnable',
      `The step log of run ${runId} keeps only a preview of node "${nodeId}"'s output (it is too long); pin a typed output instead.`,
    );
  }
  return { output: step.output, port: step.port };
}

/** Writes a pin, keeping the graph's pins within their total bound. */
export async function savePin(
  store: Store,
  pin: Omit<PinRecord, '_id' | 'pinnedAt'>,
): Promise<PinRecord> {
  const others = await store.pins
    .find(
      { guildId: pin.guildId, graphId: pin.graphId, nodeId: { $ne: pin.nodeId } },
      { outputJson: 1 },
    )
    .lean<Pick<PinRecord, 'outputJson'>[]>();
  const total = others.reduce((sum, p) => sum + Buffer.byteLength(p.outputJson), 0);
  if (total + Buffer.byteLength(pin.outputJson) > MAX_GRAPH_PIN_BYTES) {
    throw new ApiError(
      400,
      'invalid_request',
      `This graph's pins would hold more than ${MAX_GRAPH_PIN_BYTES} bytes of JSON (every test run carries them); remove a pin or pin smaller outputs.`,
      [{ path: 'body.output', message: 'makes the graph’s pins too large' }],
    );
  }
  const record: PinRecord = { _id: `${pin.graphId}:${pin.nodeId}`, ...pin, pinnedAt: new Date() };
  await store.pins.replaceOne({ _id: record._id, guildId: pin.guildId }, record, { upsert: true });
  return record;
}

/** A guild graph's pins, in node order of their ids. */
export async function listPins(
  store: Store,
  guildId: string,
  graphId: string,
): Promise<PinRecord[]> {
  return store.pins.find({ guildId, graphId }).sort({ nodeId: 1 }).lean<PinRecord[]>();
}

/** The API view of a pin. */
export function toPinView(pin: PinRecord): PinView {
  return {
    nodeId: pin.nodeId,
    output: JSON.parse(pin.outputJson) as unknown,
    port: pin.port,
    pinnedAt: pin.pinnedAt.toISOString(),
    pinnedBy: pin.pinnedBy,
  };
}

/**
 * The pins a test run of `doc` carries (`RunOptions.pins`): the graph's pins whose node is an
 * action of that document with the pinned port — a pin made on the draft is skipped by a
 * version where its node is gone or changed type. Undefined when none applies.
 */
export async function runPins(
  store: Store,
  guildId: string,
  graphId: string,
  doc: GraphDocument,
): Promise<RunOptions['pins']> {
  const pins: NonNullable<RunOptions['pins']> = {};
  for (const pin of await listPins(store, guildId, graphId)) {
    const node = doc.nodes.find((n) => n.id === pin.nodeId);
    if (!node || getNodeType(node.type)?.kind !== 'action') continue;
    if (!portsOf(node).some((p) => p.id === pin.port)) continue;
    pins[pin.nodeId] = { output: JSON.parse(pin.outputJson) as unknown, port: pin.port };
  }
  return Object.keys(pins).length > 0 ? pins : undefined;
}
