import { getNodeType, inputsOf, portsOf } from '../catalog/registry.js';
import { cycleEdges, reachableFrom } from '../graph/algorithms.js';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import { DEFAULT_PORT, type GraphDocument, type GraphEdge } from '../graph/schema.js';
import type { ValidationIssue } from './issue.js';

/**
 * Graph rules on a well-formed document: ids, node types, the single trigger, edges and ports,
 * cycles, reachability, `flow.join` inputs and closed `flow.forEach` bodies.
 */
export function structuralIssues(doc: GraphDocument, index: GraphIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const position = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (position.has(node.id)) {
      issues.push({
        nodeId: node.id,
        path: `nodes[${i}].id`,
        code: 'duplicate_node_id',
        message: `Another node already has the id "${node.id}"; give each node its own id.`,
      });
    } else position.set(node.id, i);
    if (!getNodeType(node.type)) {
      issues.push({
        nodeId: node.id,
        path: `nodes[${i}].type`,
        code: 'unknown_node_type',
        message: `"${node.type}" is not a node type of the catalog.`,
      });
    }
  });

  const triggers = doc.nodes.filter((n) => getNodeType(n.type)?.kind === 'trigger');
  if (triggers.length === 0) {
    issues.push({
      path: 'nodes',
      code: 'missing_trigger',
      message: 'The graph needs exactly one trigger node; add one (e.g. trigger.manual).',
    });
  }
  for (const extra of triggers.slice(1)) {
    issues.push({
      nodeId: extra.id,
      path: `nodes[${position.get(extra.id)}]`,
      code: 'multiple_triggers',
      message: `A graph has exactly one trigger; remove "${extra.id}" or move it to its own graph.`,
    });
  }

  const edgeIds = new Set<string>();
  const connections = new Set<string>();
  doc.edges.forEach((edge, i) => {
    const at = (field: string) => `edges[${i}]${field ? `.${field}` : ''}`;
    if (edgeIds.has(edge.id))
      issues.push({
        edgeId: edge.id,
        path: at('id'),
        code: 'duplicate_edge_id',
        message: `Another edge already has the id "${edge.id}".`,
      });
    edgeIds.add(edge.id);
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    if (!source)
      issues.push({
        edgeId: edge.id,
        path: at('source'),
        code: 'dangling_edge',
        message: `The edge starts at "${edge.source}", which is not a node of this graph.`,
      });
    if (!target)
      issues.push({
        edgeId: edge.id,
        path: at('target'),
        code: 'dangling_edge',
        message: `The edge ends at "${edge.target}", which is not a node of this graph.`,
      });
    if (!source || !target) return;
    const port = edge.sourceHandle ?? DEFAULT_PORT;
    const sourceType = getNodeType(source.type);
    if (sourceType && !portsOf(source).some((p) => p.id === port)) {
      const ports = portsOf(source).map((p) => p.id);
      issues.push({
        edgeId: edge.id,
        nodeId: source.id,
        path: at('sourceHandle'),
        code: 'unknown_port',
        message: ports.length
          ? `${source.type} has no "${port}" port; use one of: ${ports.join(', ')}.`
          : `${source.type} has no output ports.`,
      });
    }
    if (inputsOf(target.type) === 'none') {
      issues.push({
        edgeId: edge.id,
        nodeId: target.id,
        path: at('target'),
        code: 'edge_into_trigger',
        message: `"${target.id}" is a trigger; nothing can connect into it.`,
      });
    }
    if (edge.source === edge.target) {
      issues.push({
        edgeId: edge.id,
        nodeId: source.id,
        path: at(''),
        code: 'self_loop',
        message: 'An edge cannot connect a node to itself; repeat with flow.forEach or a schedule.',
      });
    }
    const key = `${edge.source}\u0000${port}\u0000${edge.target}`;
    if (connections.has(key))
      issues.push({
        edgeId: edge.id,
        path: at(''),
        code: 'duplicate_edge',
        message: `"${edge.source}" (${port}) is already connected to "${edge.target}".`,
      });
    connections.add(key);
  });

  const edgePosition = new Map(doc.edges.map((e, i) => [e, i]));
  // An edge into a trigger is reported as edge_into_trigger; it must not also turn the valid
  // edges on the way back to it into "cycle" issues.
  const intoTrigger = (e: GraphEdge) =>
    index.nodes.has(e.source) && inputsOf(index.nodes.get(e.target)?.type ?? '') === 'none';
  const acyclicIndex = doc.edges.some(intoTrigger)
    ? indexGraph({ ...doc, edges: doc.edges.filter((e) => !intoTrigger(e)) })
    : index;
  for (const edge of cycleEdges(acyclicIndex)) {
    if (edge.source === edge.target) continue; // reported as self_loop
    issues.push({
      edgeId: edge.id,
      path: `edges[${edgePosition.get(edge) ?? 0}]`,
      code: 'cycle',
      message: `This edge closes a cycle through "${edge.target}"; graphs have no cycles — repeat with flow.forEach or a schedule.`,
    });
  }

  const trigger = triggers[0];
  if (trigger) {
    const reachable = reachableFrom(index, trigger.id);
    reachable.add(trigger.id);
    doc.nodes.forEach((node, i) => {
      // Other triggers take no input: they are reported as multiple_triggers, not unreachable.
      if (
        !reachable.has(node.id) &&
        position.get(node.id) === i &&
        inputsOf(node.type) !== 'none'
      ) {
        issues.push({
          nodeId: node.id,
          path: `nodes[${i}]`,
          code: 'unreachable',
          message: `Nothing leads from the trigger to "${node.id}"; connect it or delete it.`,
        });
      }
    });
  }
  issues.push(...joinIssues(doc, index, position), ...loopIssues(doc, index, position));
  return issues;
}

function joinIssues(
  doc: GraphDocument,
  index: GraphIndex,
  position: Map<string, number>,
): ValidationIssue[] {
  return doc.nodes
    .filter((node) => node.type === 'flow.join' && index.incoming(node.id).length < 2)
    .map((node) => ({
      nodeId: node.id,
      path: `nodes[${position.get(node.id)}]`,
      code: 'join_misuse' as const,
      message: `flow.join waits for several branches; "${node.id}" has ${index.incoming(node.id).length === 1 ? '1 input' : 'no inputs'}. Connect two or more branches or remove it.`,
    }));
}

/**
 * A loop body (everything reachable from a forEach's `item` port) runs once per item in its own
 * scope, so it must be closed: nothing outside may lead into it.
 */
function loopIssues(
  doc: GraphDocument,
  index: GraphIndex,
  position: Map<string, number>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const loop of doc.nodes.filter((n) => n.type === 'flow.forEach')) {
    if (index.ancestry().has(loop.id, loop.id)) continue; // a cycle, reported elsewhere
    const body = reachableFrom(index, loop.id, { port: 'item' });
    body.delete(loop.id); // reachableFrom includes the start node; the loop is not in its own body
    for (const memberId of body) {
      for (const edge of index.incoming(memberId)) {
        const fromItem = edge.source === loop.id && (edge.sourceHandle ?? DEFAULT_PORT) === 'item';
        if (fromItem || body.has(edge.source)) continue;
        issues.push({
          nodeId: memberId,
          edgeId: edge.id,
          path: `nodes[${position.get(memberId)}]`,
          code: 'loop_misuse',
          message: `"${memberId}" runs once per item of "${loop.id}", but "${edge.source}" outside the loop also leads into it. Keep loop bodies separate; continue after the loop from its "done" port.`,
        });
      }
    }
  }
  return issues;
}

/** Ids of every node inside some forEach body (where `item` is in scope). */
export function loopBodies(doc: GraphDocument, index: GraphIndex): Set<string> {
  const inside = new Set<string>();
  for (const loop of doc.nodes.filter((n) => n.type === 'flow.forEach')) {
    for (const id of reachableFrom(index, loop.id, { port: 'item' }))
      if (id !== loop.id) inside.add(id);
  }
  return inside;
}
