import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../catalog/registry.js';
import { ROOT_NAMES } from '../expressions/scope.js';
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/schema.js';
import { edge, giveawayGraph, node, welcomeGraph } from '../validation/test-graphs.js';
import { validateGraph } from '../validation/validate.js';
import { membersAt, rootMembers, scopeAt } from './scope-at.js';

const names = (members: { name: string }[]) => members.map((m) => m.name);
const ids = (doc: GraphDocument, nodeId: string) => scopeAt(doc, nodeId)?.nodes.map((n) => n.id);

describe('scopeAt', () => {
  it('offers the trigger payload and the nodes before this one, never those after it', () => {
    const doc = welcomeGraph();
    const greet = scopeAt(doc, 'greet')!;
    expect(greet.roots).toEqual(['trigger', 'nodes', 'vars', 'run', 'now']);
    expect(ids(doc, 'greet')).toEqual(['start']);
    expect(ids(doc, 'role')).toEqual(['start', 'greet']);
    expect(names(membersAt(greet, ['trigger', 'member']))).toEqual([
      'id',
      'username',
      'mention',
      'roles',
      'avatarUrl',
      'pending',
    ]);
    expect(names(membersAt(greet, ['trigger', 'guild']))).toEqual(['id', 'name', 'memberCount']);
    expect(names(membersAt(scopeAt(doc, 'role')!, ['nodes', 'greet']))).toEqual([
      'messageId',
      'channelId',
    ]);
    expect(names(membersAt(greet, ['nodes']))).toEqual(['start']);
    expect(names(membersAt(greet, ['vars']))).toEqual(['welcomeChannelId', 'newcomerRoleId']);
    expect(names(membersAt(greet, ['run']))).toEqual(['id', 'graphId', 'version', 'startedAt']);
  });

  it('a trigger reads vars only', () => {
    const scope = scopeAt(welcomeGraph(), 'start')!;
    expect(scope.roots).toEqual(['vars']);
    expect(scope.nodes).toEqual([]);
    expect(scope.trigger).toBeUndefined();
    expect(names(rootMembers(scope))).toEqual(['vars']);
    expect(membersAt(scope, ['trigger'])).toEqual([]);
  });

  it('keeps parallel branches apart and offers item only inside a loop body', () => {
    const doc = giveawayGraph();
    expect(ids(doc, 'timedOut')).toEqual(['start', 'check', 'announce', 'wait']);
    expect(ids(doc, 'timedOut')).not.toContain('count');
    const dm = scopeAt(doc, 'dm')!;
    expect(dm.roots).toContain('item');
    expect(dm.item?.loopId).toBe('loop');
    const finish = scopeAt(doc, 'finish')!;
    expect(finish.roots).not.toContain('item');
    expect(finish.nodes.map((n) => n.id)).not.toContain('dm');
  });

  it('knows a slash command’s options and the variables a flow.setVariables sets', () => {
    const doc = giveawayGraph();
    const announce = scopeAt(doc, 'announce')!;
    expect(names(membersAt(announce, ['trigger', 'options']))).toEqual(['prize']);
    expect(membersAt(announce, ['trigger', 'options'])[0]).toMatchObject({ type: 'string' });
    doc.nodes.push(node('remember', 'flow.setVariables', { values: { winnerId: '1' } }));
    doc.nodes.push(node('after', 'discord.reply', { content: 'ok' }));
    doc.edges.push(edge('x1', 'sorry', 'remember'), edge('x2', 'remember', 'after'));
    const after = scopeAt(doc, 'after')!;
    expect(after.vars).toContainEqual({ name: 'winnerId', from: 'remember' });
    expect(names(membersAt(after, ['nodes', 'remember']))).toEqual(['winnerId']);
    expect(scopeAt(doc, 'sorry')!.vars.map((v) => v.name)).not.toContain('winnerId');
  });

  it('knows what item is when the loop iterates over a known list', () => {
    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'Thank entrants',
      nodes: [
        node('start', 'trigger.manual'),
        node('entries', 'flow.collect', { messageId: '1', emoji: '🎉', duration: '1h' }),
        node('each', 'flow.forEach', { items: '{{ nodes.entries.users }}' }),
        node('thank', 'discord.sendMessage', { userId: '{{ item.id }}', content: 'Thanks!' }),
      ],
      edges: [
        edge('e1', 'start', 'entries'),
        edge('e2', 'entries', 'each'),
        edge('e3', 'each', 'thank', 'item'),
      ],
      vars: {},
    };
    const thank = scopeAt(doc, 'thank')!;
    const entrant = ['id', 'username', 'mention', 'roles', 'entries'];
    expect(names(membersAt(thank, ['item']))).toEqual(entrant);
    expect(names(membersAt(thank, ['nodes', 'entries', 'users', 0]))).toEqual(entrant);
    expect(names(membersAt(thank, ['nodes', 'entries', 'users']))).toEqual(['length']);
  });

  it('a manual trigger’s sample payload is what its payload offers', () => {
    const doc = welcomeGraph();
    doc.nodes[0] = node('start', 'trigger.manual', {
      samplePayload: { member: { id: '1', tag: 'x' } },
    });
    expect(names(membersAt(scopeAt(doc, 'greet')!, ['trigger', 'member']))).toEqual(['id', 'tag']);
  });

  it('answers undefined for an unknown node or type', () => {
    expect(scopeAt(welcomeGraph(), 'ghost')).toBeUndefined();
    const doc = welcomeGraph();
    doc.nodes[1] = node('greet', 'discord.nope');
    expect(scopeAt(doc, 'greet')).toBeUndefined();
  });
});

/** Codes validation uses for reading what is not in scope. */
const SCOPE_CODES = new Set([
  'scope_not_available',
  'item_outside_loop',
  'unknown_node_reference',
  'reference_not_upstream',
]);

/** A field of `n` that takes a `{{ }}` template, and the text to put there. */
function probeField(n: GraphNode): string | undefined {
  return (
    {
      'trigger.messageCreated': 'channelId',
      'discord.sendMessage': 'content',
      'discord.reply': 'content',
      'flow.if': 'condition',
      'flow.forEach': 'items',
      'flow.switch': 'value',
      'data.set': 'value',
    } as Record<string, string>
  )[n.type];
}

/**
 * For every node that has a template field and every name it could read (each root, each node
 * id, one missing id), scopeAt offers it exactly when validateGraph accepts reading it there.
 */
function expectAgreement(doc: GraphDocument): void {
  doc.nodes.forEach((n, at) => {
    const field = probeField(n);
    const scope = scopeAt(doc, n.id);
    if (!field || !scope) return;
    const probes: [string, boolean][] = [
      ...ROOT_NAMES.filter((r) => r !== 'nodes').map((r): [string, boolean] => [
        r,
        scope.roots.includes(r),
      ]),
      ...[...doc.nodes.map((m) => m.id), 'ghost'].map((id): [string, boolean] => [
        `nodes.${id}`,
        scope.nodes.some((m) => m.id === id),
      ]),
    ];
    for (const [expression, offered] of probes) {
      const probe = structuredClone(doc);
      (probe.nodes[at] as GraphNode).config[field] = `{{ ${expression} }}`;
      const refused = validateGraph(probe).some(
        (issue) =>
          issue.nodeId === n.id &&
          issue.path === `nodes[${at}].config.${field}` &&
          SCOPE_CODES.has(issue.code),
      );
      expect({ node: n.id, expression, offered }).toEqual({
        node: n.id,
        expression,
        offered: !refused,
      });
    }
  });
}

describe('scopeAt agrees with validateGraph', () => {
  it('on the welcome and giveaway graphs, node by node and name by name', () => {
    expectAgreement(welcomeGraph());
    const giveaway = giveawayGraph();
    giveaway.nodes[0] = node('start', 'trigger.messageCreated', { channelId: '1' });
    expectAgreement(giveaway);
    expectAgreement(giveawayGraph());
  });

  it('on random graphs of branches, loops and joins', () => {
    // Valid configs: a config its schema refuses has its expressions left unchecked.
    const VALID: Record<string, Record<string, unknown>> = {
      'discord.sendMessage': { channelId: '1', content: 'x' },
      'flow.if': { condition: 'true' },
      'flow.forEach': { items: '{{ [1, 2] }}' },
      'flow.join': {},
      'data.set': { key: 'k', scope: 'guild', value: 1 },
    };
    const TYPES = Object.keys(VALID);
    const graph = fc
      .record({
        types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 9 }),
        links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 16 }),
      })
      .map(({ types, links }): GraphDocument => {
        const nodes: GraphNode[] = [node('n0', 'trigger.manual')];
        types.forEach((type, i) => nodes.push(node(`n${i + 1}`, type, { ...VALID[type] })));
        const edges: GraphEdge[] = [];
        for (const [a, b, p] of links) {
          // Edges go forward only (a DAG), from one of the source's ports.
          const source = nodes[a % nodes.length] as GraphNode;
          const targetAt = 1 + (b % (nodes.length - 1));
          const target = nodes[targetAt] as GraphNode;
          if (nodes.indexOf(source) >= targetAt) continue;
          const ports = portIds(source.type);
          edges.push(edge(`e${edges.length}`, source.id, target.id, ports[p % ports.length]));
        }
        return { schemaVersion: 1, name: 'random', nodes, edges, vars: { a: 1 } };
      });
    fc.assert(
      fc.property(graph, (doc) => expectAgreement(doc)),
      { numRuns: 60 },
    );
  });
});

function portIds(type: string): string[] {
  const outputs = getNodeType(type)!.ports.outputs;
  return (typeof outputs === 'function' ? outputs({}) : outputs).map((p) => p.id);
}
