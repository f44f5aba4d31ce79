import { withoutReservedNames } from '../core/graph/names.js';
import type { GraphDocument, GraphEdge } from '../core/index.js';
import type { StepLog, WaitEvent } from './contract.js';
import { StepBook } from './step-book.js';

/** One node execution, queued or in flight. Plain data: it survives continue-as-new. */
export interface NodeRun {
  seq: number;
  nodeId: string;
  /** '' is the run's root frame; loop iterations have their own frames. */
  frameId: string;
  /** For timer-based nodes: the absolute deadline (ms), fixed when the node first started. */
  deadline?: number;
  /** Stable id of a wait/collect registration, reused after continue-as-new. */
  waitId?: string;
  /** The step log entry exists (set once the run started; kept across continue-as-new). */
  begun?: boolean;
  /** For `flow.join`: the outputs of its active inputs, keyed by source node id. */
  joinInputs?: Record<string, unknown>;
}

/** The outputs and arrivals of one scope: the root, or one `flow.forEach` iteration. */
export interface Frame {
  id: string;
  parentId?: string;
  loopNodeId?: string;
  index?: number;
  item?: unknown;
  outputs: Record<string, unknown>;
  /** Per node: ids of the incoming edges that arrived active or skipped. */
  arrivals: Record<string, { active: string[]; skipped: string[] }>;
  /** Runs of this frame queued or in flight, plus running loops. */
  open: number;
}

interface Loop {
  frameId: string;
  nodeId: string;
  runSeq: number;
  items: unknown[];
  index: number;
}

/** Everything continue-as-new carries to the next run. */
export interface SavedRunState {
  vars: Record<string, unknown>;
  frames: Record<string, Frame>;
  loops: Record<string, Loop>;
  queue: NodeRun[];
  seq: number;
  events: Record<string, WaitEvent>;
  steps: ReturnType<StepBook['save']>;
}

/**
 * The interpreter's bookkeeping, free of Temporal so it is unit-tested directly: which node runs
 * next, which branches are skipped (dead-path elimination, so `flow.join` knows when every input
 * resolved), loop iterations, and the step log. The workflow feeds it results; it answers with
 * queued runs.
 *
 * @example
 * const state = RunState.start(doc, 'start');
 * const [first] = state.takeQueue();
 * state.complete(first, ['out'], payload);
 */
export class RunState {
  private readonly byId = new Map<string, GraphDocument['nodes'][number]>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly indegree = new Map<string, number>();
  private readonly edgeById = new Map<string, GraphEdge>();
  readonly steps: StepBook;

  private constructor(
    private readonly doc: GraphDocument,
    private readonly saved: SavedRunState,
  ) {
    for (const node of doc.nodes) this.byId.set(node.id, node);
    for (const edge of doc.edges) {
      this.edgeById.set(edge.id, edge);
      const list = this.outgoing.get(edge.source) ?? [];
      list.push(edge);
      this.outgoing.set(edge.source, list);
      this.indegree.set(edge.target, (this.indegree.get(edge.target) ?? 0) + 1);
    }
    this.steps = StepBook.restore(saved.steps);
  }

  /** A fresh run whose first node is the trigger. */
  static start(
    doc: GraphDocument,
    triggerId: string,
    vars: Record<string, unknown> = {},
  ): RunState {
    const state = new RunState(doc, {
      // Own data only: a reserved name (validation refuses it) never becomes a key of vars.
      vars: withoutReservedNames(structuredCloneJson(vars)),
      frames: { '': { id: '', outputs: {}, arrivals: {}, open: 0 } },
      loops: {},
      queue: [],
      seq: 0,
      events: {},
      steps: StepBook.empty(),
    });
    state.enqueue('', triggerId);
    return state;
  }

  /** Restores a state saved before continue-as-new. */
  static restore(doc: GraphDocument, saved: SavedRunState): RunState {
    return new RunState(doc, saved);
  }

  save(): SavedRunState {
    return { ...this.saved, steps: this.steps.save() };
  }

  get vars(): Record<string, unknown> {
    return this.saved.vars;
  }

  get events(): Record<string, WaitEvent> {
    return this.saved.events;
  }

  node(id: string): GraphDocument['nodes'][number] {
    const node = this.byId.get(id);
    if (!node) throw new Error(`unknown node ${id}`);
    return node;
  }

  /** Runs ready to start, in a deterministic order; removes them from the queue. */
  takeQueue(): NodeRun[] {
    return this.saved.queue.splice(0);
  }

  get queued(): number {
    return this.saved.queue.length;
  }

  /** Puts an interrupted run back (continue-as-new drains timers this way). */
  requeue(run: NodeRun): void {
    this.saved.queue.push(run);
  }

  /** Node outputs visible from a frame: its own over those of enclosing frames. */
  outputsFor(frameId: string): Record<string, unknown> {
    const chain: Frame[] = [];
    for (
      let f: Frame | undefined = this.frame(frameId);
      f;
      f = f.parentId === undefined ? undefined : this.frame(f.parentId)
    )
      chain.unshift(f);
    return Object.assign({}, ...chain.map((f) => f.outputs)) as Record<string, unknown>;
  }

  /** The `item` of the innermost loop iteration around the frame. */
  itemFor(frameId: string): unknown {
    return this.frame(frameId).item;
  }

  /** The iteration path shown in the step log, e.g. `loop#2`. */
  iterationOf(frameId: string): string | undefined {
    return frameId === '' ? undefined : frameId.replace(/^\//, '');
  }

  /**
   * Records a finished node: its output becomes readable as `nodes.<id>`, edges from the taken
   * ports activate their targets and edges from the other ports are skipped.
   */
  complete(run: NodeRun, ports: string[], output: unknown): void {
    const frame = this.frame(run.frameId);
    frame.outputs[run.nodeId] = output;
    this.route(run.frameId, run.nodeId, ports);
    this.close(run.frameId);
  }

  /** Starts a `flow.forEach`: iterations run one after another, then the `done` port. */
  startLoop(run: NodeRun, items: unknown[]): void {
    const key = `${run.frameId}/${run.nodeId}`;
    this.saved.loops[key] = {
      frameId: run.frameId,
      nodeId: run.nodeId,
      runSeq: run.seq,
      items,
      index: -1,
    };
    this.nextIteration(key);
  }

  private nextIteration(key: string): void {
    const loop = this.saved.loops[key];
    if (!loop) return;
    loop.index += 1;
    if (loop.index >= loop.items.length) {
      delete this.saved.loops[key];
      this.steps.finish(loop.runSeq, 'completed', { count: loop.items.length }, 'done');
      this.frame(loop.frameId).outputs[loop.nodeId] = { count: loop.items.length };
      this.route(loop.frameId, loop.nodeId, ['done']);
      this.close(loop.frameId);
      return;
    }
    const id = `${loop.frameId}/${loop.nodeId}#${loop.index}`;
    this.saved.frames[id] = {
      id,
      parentId: loop.frameId,
      loopNodeId: loop.nodeId,
      index: loop.index,
      item: loop.items[loop.index],
      outputs: {},
      arrivals: {},
      open: 0,
    };
    const frame = this.frame(id);
    frame.open += 1; // held while the iteration's first nodes are routed
    for (const edge of this.edgesFrom(loop.nodeId)) {
      if (portOf(edge) === 'item') this.arrive(id, edge, true);
    }
    this.close(id);
  }

  private route(frameId: string, nodeId: string, ports: string[]): void {
    const frame = this.frame(frameId);
    frame.open += 1; // keep the frame open while routing
    for (const edge of this.edgesFrom(nodeId)) {
      const port = portOf(edge);
      // A loop's `item` edges belong to its iterations, never to the enclosing frame.
      if (port === 'item' && this.node(nodeId).type === 'flow.forEach' && ports.includes('done'))
        continue;
      this.arrive(frameId, edge, ports.includes(port));
    }
    frame.open -= 1;
  }

  private arrive(frameId: string, edge: GraphEdge, active: boolean): void {
    const frame = this.frame(frameId);
    const arrivals = (frame.arrivals[edge.target] ??= { active: [], skipped: [] });
    (active ? arrivals.active : arrivals.skipped).push(edge.id);
    const resolved =
      arrivals.active.length + arrivals.skipped.length >= (this.indegree.get(edge.target) ?? 1);
    if (this.node(edge.target).type === 'flow.join') {
      if (!resolved) return;
      // The join fires once every input resolved; it starts afresh if inputs arrive again.
      delete frame.arrivals[edge.target];
      if (arrivals.active.length === 0) this.skip(frameId, edge.target);
      else this.enqueue(frameId, edge.target, this.sourcesOf(frameId, arrivals.active));
      return;
    }
    if (active) this.enqueue(frameId, edge.target);
    else if (arrivals.active.length === 0 && resolved) this.skip(frameId, edge.target);
  }

  private sourcesOf(frameId: string, edgeIds: string[]): Record<string, unknown> {
    const outputs = this.outputsFor(frameId);
    const inputs: Record<string, unknown> = {};
    for (const edgeId of edgeIds) {
      const source = this.edgeById.get(edgeId)?.source;
      if (source !== undefined) inputs[source] = outputs[source];
    }
    return inputs;
  }

  private skip(frameId: string, nodeId: string): void {
    this.steps.skipped(nodeId, this.iterationOf(frameId));
    for (const edge of this.edgesFrom(nodeId)) this.arrive(frameId, edge, false);
  }

  private enqueue(frameId: string, nodeId: string, joinInputs?: Record<string, unknown>): void {
    this.saved.seq += 1;
    this.frame(frameId).open += 1;
    this.saved.queue.push({
      seq: this.saved.seq,
      nodeId,
      frameId,
      ...(joinInputs ? { joinInputs } : {}),
    });
  }

  /** A run ended (completed, failed into a port, or the loop it started finished). */
  private close(frameId: string): void {
    const frame = this.frame(frameId);
    frame.open -= 1;
    if (frame.open > 0 || frame.loopNodeId === undefined || frame.parentId === undefined) return;
    const key = `${frame.parentId}/${frame.loopNodeId}`;
    delete this.saved.frames[frameId];
    this.nextIteration(key);
  }

  /** True when nothing is queued, in flight or looping: the run is over. */
  get finished(): boolean {
    return this.frame('').open <= 0 && this.saved.queue.length === 0;
  }

  private frame(id: string): Frame {
    const frame = this.saved.frames[id];
    if (!frame) throw new Error(`unknown frame ${id}`);
    return frame;
  }

  private edgesFrom(nodeId: string): GraphEdge[] {
    return this.outgoing.get(nodeId) ?? [];
  }
}

function portOf(edge: GraphEdge): string {
  return edge.sourceHandle ?? 'out';
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type { StepLog };
