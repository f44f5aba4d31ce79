import { Type, type Static } from '@sinclair/typebox';

/**
 * Pattern of node ids and variable names: usable as `nodes.<id>` and `vars.<name>` in expressions.
 *
 * @example
 * new RegExp(NODE_ID_PATTERN).test('greet_1'); // true
 */
export const NODE_ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

/**
 * Pattern of edge ids (React Flow generates ids such as `xy-edge__a-b`; ours are often `e1`).
 *
 * @example
 * new RegExp(EDGE_ID_PATTERN).test('xy-edge__start-greet'); // true
 */
export const EDGE_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,100}$';

/**
 * Pattern of port (handle) ids: `out`, `error`, `true`, a `flow.switch` case id, ….
 *
 * @example
 * new RegExp(PORT_ID_PATTERN).test('vip_members'); // true
 */
export const PORT_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/**
 * Pattern of node type ids (`group.name`); whether a type exists is checked against the catalog.
 *
 * @example
 * new RegExp(NODE_TYPE_PATTERN).test('discord.sendMessage'); // true
 */
export const NODE_TYPE_PATTERN = '^[a-z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*$';

/**
 * Size limits of one graph document.
 *
 * @example
 * if (doc.nodes.length > GRAPH_LIMITS.nodes) throw new Error('too many nodes');
 */
export const GRAPH_LIMITS = {
  nodes: 2000,
  edges: 5000,
  nameLength: 100,
  descriptionLength: 1000,
  labelLength: 100,
} as const;

/** The output port an edge leaves from when it names none. */
export const DEFAULT_PORT = 'out';

/**
 * The graph document schemaVersion this module reads and writes.
 *
 * @example
 * if (doc.schemaVersion !== SCHEMA_VERSION) throw new Error('unsupported');
 */
export const SCHEMA_VERSION = 1;

/** One node of a graph: its type's config is validated separately, by that type's config schema. */
export const GraphNodeSchema = Type.Object(
  {
    id: Type.String({
      pattern: NODE_ID_PATTERN,
      description: 'Stable id, referenced by edges and as `nodes.<id>` in expressions.',
    }),
    type: Type.String({
      pattern: NODE_TYPE_PATTERN,
      maxLength: 100,
      description: 'A node type id of the catalog.',
    }),
    position: Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false }),
    config: Type.Record(Type.String(), Type.Unknown(), {
      description: "The node's settings; validated by its type's config schema.",
    }),
    label: Type.Optional(
      Type.String({
        maxLength: GRAPH_LIMITS.labelLength,
        description: 'Display name shown in the builder.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** One edge: from an output port of `source` to `target`. */
export const GraphEdgeSchema = Type.Object(
  {
    id: Type.String({ pattern: EDGE_ID_PATTERN }),
    source: Type.String({ pattern: NODE_ID_PATTERN }),
    sourceHandle: Type.Optional(
      Type.String({
        pattern: PORT_ID_PATTERN,
        default: DEFAULT_PORT,
        description: 'Output port; `out` when omitted.',
      }),
    ),
    target: Type.String({ pattern: NODE_ID_PATTERN }),
    targetHandle: Type.Optional(
      Type.String({
        pattern: PORT_ID_PATTERN,
        description: 'Input handle (informational: every node has one input).',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * JSON Schema (TypeBox) of a graph document, schemaVersion 1 (docs/graph-format.md).
 * Checks the document's shape only; semantic rules (one trigger, known types, configs, ports,
 * cycles, expressions) belong to validation.
 *
 * @example
 * import Ajv from 'ajv';
 * const wellFormed = new Ajv().compile(GraphDocumentSchema)(body);
 */
export const GraphDocumentSchema = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    name: Type.String({ minLength: 1, maxLength: GRAPH_LIMITS.nameLength, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: GRAPH_LIMITS.descriptionLength })),
    nodes: Type.Array(GraphNodeSchema, { maxItems: GRAPH_LIMITS.nodes }),
    edges: Type.Array(GraphEdgeSchema, { maxItems: GRAPH_LIMITS.edges }),
    vars: Type.Record(Type.String({ pattern: NODE_ID_PATTERN }), Type.Unknown(), {
      additionalProperties: false,
      default: {},
      description:
        'Graph variables (`vars.<name>`), e.g. channel and role ids set when a template is installed.',
    }),
  },
  { additionalProperties: false },
);

/** A graph document (schemaVersion 1). */
export type GraphDocument = Static<typeof GraphDocumentSchema>;

/** A node of a graph document. */
export type GraphNode = Static<typeof GraphNodeSchema>;

/** An edge of a graph document. */
export type GraphEdge = Static<typeof GraphEdgeSchema>;
