import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../graph/schema.js';
import { validateGraph } from './validate.js';
import {
  edge,
  edgeOf,
  giveawayGraph,
  keys,
  mutated,
  node,
  nodeOf,
  welcomeGraph,
  type BadDocumentCase as Case,
} from './test-graphs.js';

const welcome = (change: (d: GraphDocument) => void) => () => mutated(welcomeGraph, change);
const giveaway = (change: (d: GraphDocument) => void) => () => mutated(giveawayGraph, change);
const loose = (value: object) => value as Record<string, unknown>;

/** Document shape (JSON Schema): nothing else is checked when the shape is wrong. */
const DOCUMENT_CASES: Case[] = [
  {
    name: 'null instead of a document',
    doc: () => null,
    expected: [{ code: 'invalid_document', path: '' }],
  },
  {
    name: 'an array instead of a document',
    doc: () => [welcomeGraph()],
    expected: [{ code: 'invalid_document', path: '' }],
  },
  {
    name: 'schemaVersion 2',
    doc: welcome((d) => (loose(d).schemaVersion = 2)),
    expected: [{ code: 'invalid_document', path: 'schemaVersion' }],
  },
  {
    name: 'nodes missing',
    doc: welcome((d) => delete loose(d).nodes),
    expected: [{ code: 'invalid_document', path: 'nodes' }],
  },
  {
    name: 'a node id that is not an identifier',
    doc: welcome((d) => (nodeOf(d, 'greet').id = '1-greet')),
    expected: [{ code: 'invalid_document', nodeId: '1-greet', path: 'nodes[1].id' }],
  },
  {
    name: 'an unknown top-level field',
    doc: welcome((d) => (loose(d).owner = 'me')),
    expected: [{ code: 'invalid_document', path: 'owner' }],
  },
  {
    name: 'an unknown field on a node',
    doc: welcome((d) => (loose(nodeOf(d, 'role')).disabled = true)),
    expected: [{ code: 'invalid_document', nodeId: 'role', path: 'nodes[2].disabled' }],
  },
  {
    name: 'an edge without a target',
    doc: welcome((d) => delete loose(edgeOf(d, 'e2')).target),
    expected: [{ code: 'invalid_document', edgeId: 'e2', path: 'edges[1].target' }],
  },
];

/** Graph rules: ids, types, the trigger, edges and ports, cycles, reachability. */
const GRAPH_CASES: Case[] = [
  {
    name: 'two nodes with the same id',
    doc: welcome((d) =>
      d.nodes.push(node('greet', 'discord.addRole', { userId: '1', roleId: '2' })),
    ),
    expected: [{ code: 'duplicate_node_id', nodeId: 'greet', path: 'nodes[3].id' }],
  },
  {
    name: 'two edges with the same id',
    doc: welcome((d) => (edgeOf(d, 'e2').id = 'e1')),
    expected: [{ code: 'duplicate_edge_id', edgeId: 'e1', path: 'edges[1].id' }],
  },
  {
    name: 'a node type that is not in the catalog',
    doc: welcome((d) => (nodeOf(d, 'role').type = 'discord.addRoles')),
    expected: [{ code: 'unknown_node_type', nodeId: 'role', path: 'nodes[2].type' }],
  },
  {
    name: 'no trigger (removed with its edge)',
    doc: welcome((d) => {
      d.nodes.shift();
      d.edges.shift();
    }),
    expected: [{ code: 'missing_trigger', path: 'nodes' }],
  },
  {
    name: 'the only trigger has an unknown type',
    doc: welcome((d) => (nodeOf(d, 'start').type = 'trigger.memberJoin')),
    expected: [
      { code: 'unknown_node_type', nodeId: 'start', path: 'nodes[0].type' },
      { code: 'missing_trigger', path: 'nodes' },
    ],
  },
  {
    name: 'a second trigger',
    doc: welcome((d) => d.nodes.push(node('again', 'trigger.manual'))),
    expected: [{ code: 'multiple_triggers', nodeId: 'again', path: 'nodes[3]' }],
  },
  {
    name: 'an edge from a node that does not exist',
    doc: welcome((d) => (edgeOf(d, 'e2').source = 'ghost')),
    expected: [
      { code: 'dangling_edge', edgeId: 'e2', path: 'edges[1].source' },
      { code: 'unreachable', nodeId: 'role', path: 'nodes[2]' },
    ],
  },
  {
    name: 'an edge to a node that does not exist',
    doc: welcome((d) => (edgeOf(d, 'e2').target = 'ghost')),
    expected: [
      { code: 'dangling_edge', edgeId: 'e2', path: 'edges[1].target' },
      { code: 'unreachable', nodeId: 'role', path: 'nodes[2]' },
    ],
  },
  {
    name: 'flow.if connected from port out',
    doc: giveaway((d) => (edgeOf(d, 'e2').sourceHandle = 'out')),
    expected: [
      { code: 'unknown_port', edgeId: 'e2', nodeId: 'check', path: 'edges[1].sourceHandle' },
    ],
  },
  {
    name: 'an error port on a control node (flow.if)',
    doc: giveaway((d) => d.edges.push(edge('e16', 'check', 'sorry', 'error'))),
    expected: [
      { code: 'unknown_port', edgeId: 'e16', nodeId: 'check', path: 'edges[15].sourceHandle' },
    ],
  },
  {
    name: 'a flow.switch port that is not a case',
    doc: giveaway((d) => (edgeOf(d, 'e11').sourceHandle = 'third')),
    expected: [
      { code: 'unknown_port', edgeId: 'e11', nodeId: 'route', path: 'edges[10].sourceHandle' },
    ],
  },
  {
    name: 'an edge into the trigger (no cycle reported for the edges it closes)',
    doc: welcome((d) => d.edges.push(edge('e3', 'role', 'start', 'error'))),
    expected: [
      { code: 'edge_into_trigger', edgeId: 'e3', nodeId: 'start', path: 'edges[2].target' },
    ],
  },
  {
    name: 'an edge from a node to itself',
    doc: welcome((d) => d.edges.push(edge('e3', 'role', 'role'))),
    expected: [{ code: 'self_loop', edgeId: 'e3', nodeId: 'role', path: 'edges[2]' }],
  },
  {
    name: 'the same connection twice (implicit and explicit out port)',
    doc: welcome((d) => d.edges.push(edge('e3', 'greet', 'role'))),
    expected: [{ code: 'duplicate_edge', edgeId: 'e3', path: 'edges[2]' }],
  },
  {
    name: 'an edge back upstream',
    doc: welcome((d) => d.edges.push(edge('e3', 'role', 'greet'))),
    expected: [
      { code: 'cycle', edgeId: 'e2', path: 'edges[1]' },
      { code: 'cycle', edgeId: 'e3', path: 'edges[2]' },
    ],
  },
  {
    name: 'a node nothing leads to',
    doc: welcome((d) => d.edges.pop()),
    expected: [{ code: 'unreachable', nodeId: 'role', path: 'nodes[2]' }],
  },
  {
    name: 'a flow.join with one input',
    doc: giveaway((d) => (d.edges = d.edges.filter((e) => e.id !== 'e8'))),
    expected: [{ code: 'join_misuse', nodeId: 'merge', path: 'nodes[7]' }],
  },
  {
    name: 'an edge from outside into a forEach body',
    doc: giveaway((d) => d.edges.push(edge('e16', 'other', 'role'))),
    expected: [{ code: 'loop_misuse', nodeId: 'role', edgeId: 'e16', path: 'nodes[11]' }],
  },
  {
    name: "the forEach's own done port leading into its body",
    doc: giveaway((d) => d.edges.push(edge('e16', 'loop', 'role', 'done'))),
    expected: [{ code: 'loop_misuse', nodeId: 'role', edgeId: 'e16', path: 'nodes[11]' }],
  },
];

describe('validateGraph: document shape', () => {
  it.each(DOCUMENT_CASES)('$name', ({ doc, expected }) => {
    expect(keys(validateGraph(doc()))).toEqual(expected);
  });

  it('strings and numbers are not documents either', () => {
    for (const value of ['{}', 42, true, undefined]) {
      expect(keys(validateGraph(value))).toEqual([{ code: 'invalid_document', path: '' }]);
    }
  });
});

describe('validateGraph: graph rules', () => {
  it.each(GRAPH_CASES)('$name', ({ doc, expected }) => {
    expect(keys(validateGraph(doc()))).toEqual(expected);
  });
});
