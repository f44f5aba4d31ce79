import { DEFAULT_PORT, type GraphDocument } from '@guildflow/engine/core';
import { Position, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { Step } from '../api/run-queries.js';
import { READ_ONLY_FLOW } from '../ui/read-only-flow.js';
import { nodeStates, type NodeRunState } from './run-states.js';

const WORDS: Record<NodeRunState['status'], string> = {
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-run': '',
};

/**
 * The graph a run executed, read-only, each node marked with what it did in the run (running,
 * waiting, done, failed, skipped, or not reached) and the connections the run took drawn
 * strong. Clicking a node picks its step. One image to assistive technology: the step list
 * beside it says the same and is what the keyboard uses.
 */
export function RunGraph(props: {
  graph: GraphDocument;
  steps: readonly Step[];
  titles: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect(nodeId: string): void;
}) {
  const { graph, steps, titles, selected, onSelect } = props;
  const { nodes, edges, description } = useMemo(() => {
    const states = nodeStates(steps);
    const nodes: Node[] = graph.nodes.map((n) => {
      const state = states.get(n.id);
      const status = state?.status ?? 'not-run';
      return {
        id: n.id,
        position: n.position,
        data: {
          label: (
            <>
              <span className="gf-run-node-title">{titles.get(n.id) ?? n.type}</span>
              {status !== 'not-run' && (
                <span className="gf-run-node-state">
                  {WORDS[status]}
                  {state && state.count > 1 ? ` ×${state.count}` : ''}
                </span>
              )}
            </>
          ),
        },
        className: `gf-run-node is-${status}${selected === n.id ? ' is-selected' : ''}`,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
      };
    });
    const edges: Edge[] = graph.edges.map((e) => {
      const from = states.get(e.source);
      const taken =
        states.has(e.target) && (from?.ports.has(e.sourceHandle ?? DEFAULT_PORT) ?? false);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        className: taken ? 'gf-run-edge is-taken' : 'gf-run-edge',
        animated: taken && states.get(e.target)?.status === 'running',
      };
    });
    const reached = [...states.values()].filter((s) => s.status !== 'skipped').length;
    return {
      nodes,
      edges,
      description: `The run's graph: ${reached} of ${graph.nodes.length} steps reached.`,
    };
  }, [graph, steps, titles, selected]);

  return (
    <ReactFlowProvider>
      <div className="gf-run-graph" role="img" aria-label={description}>
        <ReactFlow
          {...READ_ONLY_FLOW}
          nodes={nodes}
          edges={edges}
          fitViewOptions={{ padding: 0.2 }}
          onNodeClick={(_event, node) => onSelect(node.id)}
        />
      </div>
    </ReactFlowProvider>
  );
}
