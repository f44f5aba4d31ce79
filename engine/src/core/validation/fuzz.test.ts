import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listNodeTypes } from '../catalog/registry.js';
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/schema.js';
import type { ValidationCode, ValidationIssue } from './issue.js';
import { validateGraph } from './validate.js';
import { node } from './test-graphs.js';

/** Every code (a Record, so adding a code to issue.ts without listing it here fails to compile). */
// prettier-ignore
const CODES: Record<ValidationCode, true> = {
  invalid_document: true, duplicate_node_id: true, duplicate_edge_id: true, unknown_node_type: true,
  missing_trigger: true, multiple_triggers: true, dangling_edge: true, unknown_port: true,
  edge_into_trigger: true, self_loop: true, duplicate_edge: true, cycle: true, unreachable: true,
  invalid_config: true, invalid_expression: true, unknown_node_reference: true,
  reference_not_upstream: true, scope_not_available: true, item_outside_loop: true,
  join_misuse: true, loop_misuse: true, node_not_available: true,
};

const TYPES = listNodeTypes();

/** Validates, checks the result is a list of well-formed issues, and returns it with the time taken. */
function check(input: unknown): { issues: ValidationIssue[]; ms: number } {
  const started = performance.now();
  const issues = validateGraph(input);
  const ms = performance.now() - started;
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message).not.toBe('');
    expect(CODES[issue.code]).toBe(true);
    if (issue.nodeId !== undefined) expect(typeof issue.nodeId).toBe('string');
    if (issue.edgeId !== undefined) expect(typeof issue.edgeId).toBe('string');
  }
  return { issues, ms };
}

// Template junk: fragments of the expression language, hostile names and stray delimiters.
// prettier-ignore
const TOKENS = [
  'nodes', 'nodes.', 'nodes["', 'trigger', 'vars', 'item', 'run', 'now', 'a', 'b', 'x_1', '.', '[', ']',
  '(', ')', '|', ' | ', 'default', 'upper', 'join', 'length', 'timestamp', 'nope', '"', "'", '__proto__',
  'constructor', 'prototype', '+', '-', '*', '/', '%', '==', '!=', '<', '&&', '||', '!', '?', ':', ',',
  '0', '1', '-1', '0.5', '1e999', 'null', 'true', ' ', '{{', '}}', '{', '}', '\\', 'ü', '\n', '`', '$',
];
const junk = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
);
const templateString = fc
  .tuple(fc.string({ maxLength: 6 }), junk, fc.string({ maxLength: 6 }), fc.boolean())
  .map(([before, inside, after, closed]) => `${before}{{ ${inside} ${closed ? '}}' : ''}${after}`);

const CONFIG_KEYS = [...new Set(TYPES.flatMap((d) => Object.keys(d.config.properties ?? {})))];
const { value: configValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    templateString,
    fc.string({ maxLength: 20 }),
    fc.constantFrom('30s', '1 month', '29d', '0 9 * * MON', '1098765432101234567', 'out', ''),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(...CONFIG_KEYS, 'id', 'equals', 'label', '__proto__'),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
}));

const ID_POOL = ['start', 'a', 'b', 'c', 'd', 'x_1', 'loop'];
const PORTS = [
  'out',
  'error',
  'true',
  'false',
  'item',
  'done',
  'received',
  'timeout',
  'default',
  'pro',
  'x',
];

/**
 * A node of a random catalog type (or, rarely, a bogus one) whose config is random, an example
 * with one field replaced, or an example with one text field replaced by template junk (so the
 * config passes its schema and the expression checks run).
 */
function nodeArb(declarations: typeof TYPES): fc.Arbitrary<GraphNode> {
  return fc
    .record({
      id: fc.constantFrom(...ID_POOL),
      declaration: fc.constantFrom(...declarations),
      bogusType: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 15 },
        { arbitrary: fc.constantFrom('discord.nope', 'flow.iff'), weight: 1 },
      ),
      mode: fc.constantFrom('random', 'example', 'template'),
      template: templateString,
      pick: fc.nat(),
    })
    .chain(({ id, declaration, bogusType, mode, template, pick }) => {
      const type = bogusType ?? declaration.type;
      const example = {
        ...(declaration.examples?.[pick % (declaration.examples?.length ?? 1)]?.config ?? {}),
      };
      if (mode === 'template') {
        const texts = Object.keys(example).filter((key) => typeof example[key] === 'string');
        const key = texts[pick % Math.max(1, texts.length)];
        if (key !== undefined) example[key] = template;
        return fc.constant(node(id, type, example));
      }
      const keys = [...Object.keys(declaration.config.properties ?? {}), 'extra'];
      return fc
        .dictionary(fc.constantFrom(...keys), configValue, { maxKeys: mode === 'example' ? 1 : 5 })
        .map((config) => node(id, type, mode === 'example' ? { ...example, ...config } : config));
    });
}
const TRIGGERS = TYPES.filter((d) => d.kind === 'trigger');

const edgeArb: fc.Arbitrary<GraphEdge> = fc
  .record({
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'),
    source: fc.constantFrom(...ID_POOL, 'ghost'),
    target: fc.constantFrom(...ID_POOL, 'ghost'),
    port: fc.option(fc.constantFrom(...PORTS), { nil: undefined }),
  })
  .map(({ id, source, target, port }) =>
    port === undefined ? { id, source, target } : { id, source, sourceHandle: port, target },
  );

const graphArb: fc.Arbitrary<GraphDocument> = fc.record({
  schemaVersion: fc.constant(1),
  name: fc.constant('fuzz'),
  nodes: fc
    .tuple(
      fc.option(nodeArb(TRIGGERS), { freq: 5, nil: undefined }),
      fc.array(nodeArb(TYPES), { maxLength: 10 }),
    )
    .map(([trigger, rest]) => (trigger ? [{ ...trigger, id: 'start' }, ...rest] : rest)),
  edges: fc.array(edgeArb, { maxLength: 16 }),
  vars: fc.dictionary(fc.constantFrom('ch', 'role', 'x_1'), configValue, { maxKeys: 3 }),
});

describe('validateGraph under fuzzing', () => {
  beforeAll(() => {
    // Compile every config schema once, so the timing below measures validation only.
    validateGraph({
      schemaVersion: 1,
      name: 'warm-up',
      nodes: TYPES.map((d, i) => node(`n${i}`, d.type)),
      edges: [],
      vars: {},
    });
  });

  it('never throws on arbitrary JSON and always returns well-formed issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void check(value)),
      { numRuns: 400 },
    );
  });

  it('never throws on document-shaped values with arbitrary JSON inside', () => {
    const shaped = fc.record(
      {
        schemaVersion: fc.constantFrom(1, 2, '1'),
        name: fc.string(),
        nodes: fc.jsonValue(),
        edges: fc.jsonValue(),
        vars: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (value) => void check(value)),
      { numRuns: 300 },
    );
  });

  it('never throws on plausible random graphs and answers each in under 200 ms', () => {
    fc.assert(
      fc.property(graphArb, (doc) => {
        const { ms } = check(doc);
        expect(ms).toBeLessThan(200);
      }),
      { numRuns: 500 },
    );
  });

  it('returns [] for every valid chain trigger.manual → N × discord.addRole', () => {
    const snowflake = fc.stringMatching(/^[0-9]{1,20}$/);
    const chain = fc
      .uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), {
        minLength: 2,
        maxLength: 30,
      })
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.tuple(snowflake, snowflake, fc.option(fc.nat(), { nil: undefined })), {
            minLength: ids.length - 1,
            maxLength: ids.length - 1,
          }),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(chain, ([ids, roles, reversed]) => {
        const [triggerId = 'start', ...actionIds] = ids;
        const actions = actionIds.map((id, i) => {
          const [userId, roleId, ref] = roles[i] ?? ['1', '2', undefined];
          // Optionally read an upstream node's output: always available in a chain.
          const upstream = ref === undefined ? undefined : ids[ref % (i + 1)];
          return node(
            id,
            'discord.addRole',
            { userId, roleId, ...(upstream ? { reason: `after {{ nodes.${upstream} }}` } : {}) },
            i,
          );
        });
        const nodes = [node(triggerId, 'trigger.manual'), ...actions];
        const doc: GraphDocument = {
          schemaVersion: 1,
          name: 'chain',
          nodes: reversed ? nodes.reverse() : nodes,
          edges: actionIds.map((id, i) => ({ id: `e${i}`, source: ids[i] ?? '', target: id })),
          vars: {},
        };
        expect(check(doc).issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
