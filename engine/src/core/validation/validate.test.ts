import { describe, expect, it } from 'vitest';
import { isValidGraph, validateGraph, type ValidationIssue } from '../index.js';
import {
  edge,
  edgeOf,
  giveawayGraph,
  keys,
  mutated,
  node,
  nodeOf,
  welcomeGraph,
} from './test-graphs.js';

/** Every issue must be a plain `{ nodeId?, edgeId?, path, code, message }` with a real message. */
function expectWellFormed(issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    expect(
      Object.keys(issue).every((k) => ['nodeId', 'edgeId', 'path', 'code', 'message'].includes(k)),
    ).toBe(true);
    expect(issue.message.length).toBeGreaterThan(10);
  }
}

describe('validateGraph on valid graphs', () => {
  it('accepts the example of docs/graph-format.md (memberJoined → sendMessage → addRole, with vars)', () => {
    expect(validateGraph(welcomeGraph())).toEqual([]);
    expect(isValidGraph(welcomeGraph())).toBe(true);
  });

  it('accepts a bigger graph with if, waitFor, increment, join, switch and forEach item/done', () => {
    expect(validateGraph(giveawayGraph())).toEqual([]);
  });

  it('accepts edges without sourceHandle, targetHandle, labels and no description', () => {
    const doc = mutated(welcomeGraph, (d) => {
      delete d.description;
      delete edgeOf(d, 'e1').sourceHandle;
      edgeOf(d, 'e2').targetHandle = 'in';
      nodeOf(d, 'greet').label = 'Say hello';
    });
    expect(validateGraph(doc)).toEqual([]);
  });

  it('accepts an action error port, parallel branches from one port, and a join of them', () => {
    const doc = mutated(welcomeGraph, (d) => {
      d.nodes.push(
        node('log', 'discord.sendMessage', {
          channelId: '1098765432101234567',
          content: 'Failed: {{ nodes.greet.error.message }}',
        }),
        node('dm', 'discord.sendMessage', { userId: '{{ trigger.member.id }}', content: 'Hi!' }),
        node('both', 'flow.join'),
        node('done', 'discord.sendMessage', {
          channelId: '{{ nodes.greet.channelId }}',
          content: 'DM {{ nodes.dm.messageId }}',
        }),
      );
      d.edges.push(
        edge('e3', 'greet', 'log', 'error'),
        edge('e4', 'greet', 'dm'),
        edge('e5', 'role', 'both'),
        edge('e6', 'dm', 'both'),
        edge('e7', 'both', 'done'),
      );
    });
    expect(validateGraph(doc)).toEqual([]);
  });

  it('accepts nested loops: the inner forEach may read the outer item', () => {
    const doc = mutated(welcomeGraph, (d) => {
      d.nodes.push(
        node('outer', 'flow.forEach', { items: '{{ [[1], [2]] }}' }),
        node('inner', 'flow.forEach', { items: '{{ item }}', max: 5 }),
        node('say', 'discord.sendMessage', {
          channelId: '{{ vars.welcomeChannelId }}',
          content: 'Item {{ item }}',
        }),
      );
      d.edges.push(
        edge('e3', 'role', 'outer'),
        edge('e4', 'outer', 'inner', 'item'),
        edge('e5', 'inner', 'say', 'item'),
      );
    });
    expect(validateGraph(doc)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const doc = giveawayGraph();
    const before = JSON.stringify(doc);
    validateGraph(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('validateGraph reports every problem at once', () => {
  it('returns all five problems of one document, each once, in a stable order', () => {
    const doc = mutated(welcomeGraph, (d) => {
      nodeOf(d, 'greet').config.content = 'x'.repeat(2001); // invalid_config
      nodeOf(d, 'role').config.roleId = '{{ member.roleId }}'; // invalid_expression
      d.edges.push(edge('e2', 'start', 'role')); // duplicate_edge_id
      d.edges.push(edge('e3', 'role', 'role')); // self_loop
      d.nodes.push(node('orphan', 'discord.addRole', { userId: '1', roleId: '2' })); // unreachable
    });
    const issues = validateGraph(doc);
    expect(keys(issues)).toEqual([
      { code: 'duplicate_edge_id', edgeId: 'e2', path: 'edges[2].id' },
      { code: 'self_loop', edgeId: 'e3', nodeId: 'role', path: 'edges[3]' },
      { code: 'unreachable', nodeId: 'orphan', path: 'nodes[3]' },
      { code: 'invalid_config', nodeId: 'greet', path: 'nodes[1].config.content' },
      { code: 'invalid_expression', nodeId: 'role', path: 'nodes[2].config.roleId' },
    ]);
    expectWellFormed(issues);
    expect(validateGraph(doc)).toEqual(issues);
  });

  it('reports the problems of several nodes and several expressions of one field', () => {
    const doc = mutated(giveawayGraph, (d) => {
      nodeOf(d, 'sorry').config.content = '{{ nodes.ghost.x }} {{ nodes.finish.messageId }}';
      nodeOf(d, 'finish').config.content = '{{ item }}';
    });
    expect(keys(validateGraph(doc))).toEqual([
      { code: 'unknown_node_reference', nodeId: 'sorry', path: 'nodes[3].config.content' },
      { code: 'reference_not_upstream', nodeId: 'sorry', path: 'nodes[3].config.content' },
      { code: 'item_outside_loop', nodeId: 'finish', path: 'nodes[12].config.content' },
    ]);
  });
});

describe('validation messages', () => {
  const messageOf = (doc: unknown) => validateGraph(doc).map((i) => i.message);

  it('unknown_port names the ports the node has', () => {
    const doc = mutated(giveawayGraph, (d) => (edgeOf(d, 'e10').sourceHandle = 'third'));
    expect(messageOf(doc)).toEqual([
      'flow.switch has no "third" port; use one of: first, second, default.',
    ]);
  });

  it('exactly-one-of names both fields, unknown fields are named, and limits are stated', () => {
    const both = mutated(welcomeGraph, (d) => (nodeOf(d, 'greet').config.userId = '1'));
    expect(messageOf(both)).toEqual(['give exactly one of: channelId, userId']);
    const extra = mutated(welcomeGraph, (d) => (nodeOf(d, 'role').config.colour = 'red'));
    expect(messageOf(extra)).toEqual(['unknown field "colour"; remove it']);
    const long = mutated(
      welcomeGraph,
      (d) => (nodeOf(d, 'greet').config.content = 'x'.repeat(2001)),
    );
    expect(messageOf(long)[0]).toMatch(/2000/);
  });

  it('expression messages quote the expression and list the readable names', () => {
    const doc = mutated(welcomeGraph, (d) => (nodeOf(d, 'role').config.roleId = '{{ user.id }}'));
    const [message] = messageOf(doc);
    expect(message).toContain("unknown name 'user'");
    expect(message).toContain('trigger, nodes, vars, item, run, now');
    expect(message).toContain('{{ user.id }}');
  });

  it('reference_not_upstream and loop_misuse name the nodes involved', () => {
    const late = mutated(
      welcomeGraph,
      (d) => (nodeOf(d, 'greet').config.content = '{{ nodes.role }}'),
    );
    expect(messageOf(late)[0]).toMatch(/nodes\.role .*"role" does not run before "greet"/);
    const into = mutated(giveawayGraph, (d) => d.edges.push(edge('x', 'other', 'role')));
    expect(messageOf(into)[0]).toMatch(/"role" runs once per item of "loop", but "other"/);
  });

  it('join_misuse counts the inputs', () => {
    const doc = mutated(giveawayGraph, (d) => (d.edges = d.edges.filter((e) => e.id !== 'e8')));
    expect(messageOf(doc)).toEqual([expect.stringContaining('"merge" has 1 input')]);
  });
});
