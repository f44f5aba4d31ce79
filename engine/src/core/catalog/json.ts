import type { ActivityPolicy } from './action-policy.js';
import type { ExpressionRoot, NodeDeclaration, NodeExample } from './define-node.js';
import {
  NODE_GROUPS,
  type InputMode,
  type NodeGroup,
  type NodeKind,
  type PortDeclaration,
} from './node-kinds.js';
import type { NodeUi } from './ui-hints.js';
import { listNodeTypes, outputPortsOf } from './registry.js';
import { isExprSchema } from './schemas.js';

/** A plain JSON Schema object (no TypeBox symbols). */
export type JsonSchema = Record<string, unknown>;

/** One node type as served by `GET /api/catalog`: plain JSON. */
export interface NodeTypeJson {
  type: string;
  kind: NodeKind;
  group: NodeGroup;
  title: string;
  description: string;
  configSchema: JsonSchema;
  outputSchema: JsonSchema;
  ports: {
    inputs: InputMode;
    /** Output ports; for dynamic ports those of an empty config (see `dynamic`). */
    outputs: PortDeclaration[];
    dynamic?: string;
    /** True when the node has the `error` port (actions). */
    error: boolean;
  };
  /** Config paths kept literal; everything else accepts `{{ }}` templates. */
  literal: string[];
  /** Config paths holding a bare condition expression. */
  conditions: string[];
  /** Expression roots the config may use. */
  scope: ExpressionRoot[];
  ui: NodeUi;
  policy?: ActivityPolicy;
  examples: NodeExample[];
}

/** The catalog as served by `GET /api/catalog`. */
export interface CatalogJson {
  groups: NodeGroup[];
  nodes: NodeTypeJson[];
}

/**
 * A TypeBox schema as plain JSON Schema (TypeBox's symbol keys and undefined values dropped).
 *
 * @example
 * new Ajv().compile(toJsonSchema(getNodeType('data.set')!.config));
 */
export function toJsonSchema(schema: unknown): JsonSchema {
  return JSON.parse(JSON.stringify(schema ?? {})) as JsonSchema;
}

/**
 * The config schema of a declaration after rendering: every `Expr` field reduced to its value
 * schema (templates resolved), for validating what an executor receives.
 *
 * @example
 * const valid = new Ajv().compile(resolvedConfigSchema(getNodeType('flow.pickRandom')!));
 * valid({ items: [1, 2], count: 1 }); // true; valid({ items: '{{ x }}' }) is false
 */
export function resolvedConfigSchema(declaration: Pick<NodeDeclaration, 'config'>): JsonSchema {
  return stripExpressions(toJsonSchema(declaration.config)) as JsonSchema;
}

function stripExpressions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripExpressions);
  if (typeof schema !== 'object' || schema === null) return schema;
  if (isExprSchema(schema)) {
    const { anyOf, ...annotations } = schema as { anyOf: unknown[] } & Record<string, unknown>;
    return { ...annotations, ...(stripExpressions(anyOf[0]) as Record<string, unknown>) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = stripExpressions(value);
  return out;
}

/**
 * The serialisable catalog for `GET /api/catalog`: every node type with its config and output
 * JSON Schemas, ports, literal paths, UI hints, policy and examples. A fresh copy each call.
 *
 * @example
 * app.get('/api/catalog', (_req, res) => res.json(catalogJson()));
 */
export function catalogJson(): CatalogJson {
  const nodes = listNodeTypes().map((d): NodeTypeJson => ({
    type: d.type,
    kind: d.kind,
    group: d.group,
    title: d.title,
    description: d.description,
    configSchema: toJsonSchema(d.config),
    outputSchema: toJsonSchema(d.output),
    ports: {
      inputs: d.ports.inputs,
      outputs: outputPortsOf(d, {}).map((p) => ({ ...p })),
      ...(d.ports.dynamic === undefined ? {} : { dynamic: d.ports.dynamic }),
      error: d.ports.error,
    },
    literal: [...d.literal],
    conditions: [...d.conditions],
    scope: [...d.scope],
    ui: JSON.parse(JSON.stringify(d.ui)) as NodeUi,
    ...(d.policy ? { policy: JSON.parse(JSON.stringify(d.policy)) as ActivityPolicy } : {}),
    examples: JSON.parse(JSON.stringify(d.examples ?? [])) as NodeExample[],
  }));
  return { groups: [...NODE_GROUPS], nodes };
}
