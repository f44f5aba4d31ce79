import { describe, expect, it } from 'vitest';
import { validateGraph } from './validate.js';
import { edge, node, welcomeGraph } from './test-graphs.js';

/** The welcome graph as the API receives it: parsed from JSON, so `__proto__` is an own key. */
function parsed(change: (json: string) => string): unknown {
  return JSON.parse(change(JSON.stringify(welcomeGraph())));
}

describe('reserved names (__proto__, constructor, prototype)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the graph variable "%s" as a shape problem',
    (name) => {
      const doc = parsed((json) => json.replace('"vars":{', `"vars":{"${name}":{"x":1},`));
      expect(validateGraph(doc)).toEqual([
        {
          path: `vars.${name}`,
          code: 'invalid_document',
          message: `The variable name "${name}" is reserved (__proto__, constructor and prototype cannot name variables); choose another name.`,
        },
      ]);
    },
  );

  it('refuses a reserved node id as a shape problem', () => {
    const doc = parsed((json) => json.replaceAll('"role"', '"constructor"'));
    expect(validateGraph(doc)).toEqual([
      {
        nodeId: 'constructor',
        path: 'nodes[2].id',
        code: 'invalid_document',
        message: expect.stringContaining('The node id "constructor" is reserved'),
      },
    ]);
  });

  it('refuses flow.setVariables values named __proto__ or prototype, naming the node and the value', () => {
    const doc = welcomeGraph();
    const values = JSON.parse('{ "ok": 1, "__proto__": { "x": 1 }, "prototype": 2 }') as unknown;
    doc.nodes.push(node('set', 'flow.setVariables', { values }));
    doc.edges.push(edge('e3', 'role', 'set'));
    expect(validateGraph(doc)).toEqual([
      {
        nodeId: 'set',
        path: 'nodes[3].config.values.__proto__',
        code: 'invalid_config',
        message: expect.stringContaining('"__proto__" is reserved'),
      },
      {
        nodeId: 'set',
        path: 'nodes[3].config.values.prototype',
        code: 'invalid_config',
        message: expect.stringContaining('"prototype" is reserved'),
      },
    ]);
  });

  it('still accepts names that merely contain them', () => {
    const doc = welcomeGraph();
    doc.vars = { proto: 1, my_constructor: 2, prototypes: 3 };
    doc.nodes.push(node('set', 'flow.setVariables', { values: { __proto: 1, constructor_id: 2 } }));
    doc.edges.push(edge('e3', 'role', 'set'));
    expect(validateGraph(doc)).toEqual([]);
  });
});
