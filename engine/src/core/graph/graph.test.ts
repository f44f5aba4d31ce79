import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  GraphDocumentSchema,
  canConnect,
  cycleEdges,
  downstreamOf,
  findCycles,
  indexGraph,
  reachableFrom,
  topologicalOrder,
  triggerNode,
  triggerNodes,
  upstreamOf,
  type GraphDocument,
} from './index.js';

type Spec = [id: string, type: string, config?: Record<string, unknown>];

/** A document from `[id, type, config]` nodes and `source:port>target` edges. */
function graph(nodes: Spec[], edges: string[]): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'test',
    nodes: nodes.map(([id, type, config], i) => ({
      id,
      type,
      position: { x: i * 100, y: 0 },
      config: config ?? {},
    })),
    edges: edges.map((spec, i) => {
      const [from = '', target = ''] = spec.split('>');
      const [source = '', sourceHandle] = from.split(':');
      return { id: `e${i + 1}`, source, ...(sourceHandle ? { sourceHandle } : {}), target };
    }),
    vars: {},
  };
}

const DOCS_EXAMPLE = {
  schemaVersion: 1,
  name: 'Welcome new members',
  description: 'Greets every new member and gives them the Newcomer role.',
  nodes: [
    { id: 'start', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'greet',
      type: 'discord.sendMessage',
      position: { x: 260, y: 0 },
      config: {
        channelId: '{{ vars.welcomeChannelId }}',
        content:
          'Welcome {{ trigger.member.mention }}! You are member #{{ trigger.guild.memberCount }}.',
      },
    },
    {
      id: 'role',
      type: 'discord.addRole',
      position: { x: 520, y: 0 },
      config: { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'out', target: 'greet' },
    { id: 'e2', source: 'greet', sourceHandle: 'out', target: 'role' },
  ],
  vars: { welcomeChannelId: '', newcomerRoleId: '' },
};

/** start → a, b (diamond) → join → end */
const diamond = graph(
  [
    ['start', 'trigger.manual'],
    ['a', 'discord.addRole'],
    ['b', 'discord.removeRole'],
    ['both', 'flow.join'],
    ['end', 'flow.stop'],
  ],
  ['start>a', 'start>b', 'a>both', 'b>both', 'both>end'],
);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random DAG of `n` nodes: node i links to 1–2 later nodes, plus a few long edges. */
function bigGraph(n: number, seed = 7): GraphDocument {
  const rnd = random(seed);
  const nodes: Spec[] = [['n0', 'trigger.manual']];
  for (let i = 1; i < n; i += 1)
    nodes.push([`n${i}`, i % 7 === 0 ? 'flow.join' : 'discord.addRole']);
  const edges = new Set<string>();
  for (let i = 0; i < n - 1; i += 1) {
    edges.add(`n${i}>n${i + 1 + Math.floor(rnd() * Math.min(5, n - i - 1))}`);
    if (rnd() < 0.5) edges.add(`n${i}>n${i + 1 + Math.floor(rnd() * (n - i - 1))}`);
  }
  return graph(nodes, [...edges]);
}

function naiveUpstream(doc: GraphDocument, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const edge of doc.edges) {
      if (edge.target === current && !seen.has(edge.source)) {
        seen.add(edge.source);
        stack.push(edge.source);
      }
    }
  }
  return seen;
}

describe('GraphDocumentSchema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(GraphDocumentSchema);

  it('accepts the example of docs/graph-format.md', () => {
    expect(validate(DOCS_EXAMPLE), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses unknown properties, bad ids and wrong versions', () => {
    const bad = (patch: (doc: typeof DOCS_EXAMPLE & Record<string, unknown>) => void) => {
      const doc = structuredClone(DOCS_EXAMPLE) as typeof DOCS_EXAMPLE & Record<string, unknown>;
      patch(doc);
      return validate(doc);
    };
    expect(bad((d) => (d.extra = 1))).toBe(false);
    expect(bad((d) => ((d.nodes[0] as Record<string, unknown>).disabled = true))).toBe(false);
    expect(bad((d) => ((d.edges[0] as Record<string, unknown>).label = 'x'))).toBe(false);
    expect(bad((d) => (d.nodes[0]!.id = '1start'))).toBe(false);
    expect(bad((d) => (d.nodes[0]!.id = 'has-dash'))).toBe(false);
    expect(bad((d) => (d.nodes[0]!.id = 'x'.repeat(65)))).toBe(false);
    expect(bad((d) => (d.edges[0]!.id = 'has space'))).toBe(false);
    expect(bad((d) => ((d as Record<string, unknown>).schemaVersion = 2))).toBe(false);
    expect(bad((d) => (d.name = ''))).toBe(false);
    expect(bad((d) => (d.name = '   '))).toBe(false);
    expect(bad((d) => (d.name = 'x'.repeat(101)))).toBe(false);
    expect(bad((d) => (d.description = 'x'.repeat(1001)))).toBe(false);
    expect(bad((d) => ((d.vars as Record<string, unknown>)['bad name'] = 1))).toBe(false);
    expect(bad((d) => ((d.nodes[1] as Record<string, unknown>).label = 'Greeting'))).toBe(true);
    expect(bad((d) => delete (d.edges[0] as Record<string, unknown>).sourceHandle)).toBe(true);
  });

  it('limits nodes to 2,000 and edges to 5,000', () => {
    const node = (i: number) => ({
      id: `n${i}`,
      type: 'discord.addRole',
      position: { x: 0, y: 0 },
      config: {},
    });
    const edge = (i: number) => ({ id: `e${i}`, source: 'n0', target: 'n1' });
    const doc = (nodes: number, edges: number) => ({
      ...DOCS_EXAMPLE,
      nodes: Array.from({ length: nodes }, (_, i) => node(i)),
      edges: Array.from({ length: edges }, (_, i) => edge(i)),
    });
    expect(validate(doc(2000, 5000))).toBe(true);
    expect(validate(doc(2001, 0))).toBe(false);
    expect(validate(doc(2, 5001))).toBe(false);
  });

  it('fills defaults (vars, sourceHandle) with useDefaults', () => {
    const withDefaults = new Ajv({ useDefaults: true }).compile(GraphDocumentSchema);
    const doc = {
      schemaVersion: 1,
      name: 'x',
      nodes: [],
      edges: [{ id: 'e1', source: 'a', target: 'b' }],
    } as Record<string, unknown>;
    expect(withDefaults(doc)).toBe(true);
    expect(doc.vars).toEqual({});
    expect((doc.edges as { sourceHandle?: string }[])[0]!.sourceHandle).toBe('out');
  });
});

describe('topologicalOrder', () => {
  it('orders a diamond, deterministically in document order', () => {
    expect(topologicalOrder(diamond)).toEqual({
      ok: true,
      order: ['start', 'a', 'b', 'both', 'end'],
    });
  });

  it('returns the cycle members and what they block', () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.addRole'],
        ['b', 'discord.addRole'],
        ['c', 'discord.addRole'],
        ['after', 'discord.addRole'],
        ['free', 'discord.addRole'],
      ],
      ['t>a', 'a>b', 'b>c', 'c>a', 'c>after', 't>free'],
    );
    expect(topologicalOrder(doc)).toEqual({
      ok: false,
      order: ['t', 'free'],
      cycle: ['a', 'b', 'c'],
      blocked: ['a', 'b', 'c', 'after'],
    });
  });

  it('ignores dangling edges (validation reports them)', () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.addRole'],
      ],
      ['t>a', 'ghost>a', 'a>nowhere'],
    );
    expect(topologicalOrder(doc)).toEqual({ ok: true, order: ['t', 'a'] });
    expect(indexGraph(doc).danglingEdges.map((e) => e.id)).toEqual(['e2', 'e3']);
  });
});

describe('cycles', () => {
  it('finds each cycle and the edges on it, including self-loops', () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.addRole'],
        ['b', 'discord.addRole'],
        ['self', 'discord.addRole'],
        ['x', 'discord.addRole'],
        ['y', 'discord.addRole'],
      ],
      ['t>a', 'a>b', 'b>a', 't>self', 'self>self', 't>x', 'x>y', 'y>x', 'b>x'],
    );
    expect(findCycles(doc)).toEqual([['a', 'b'], ['self'], ['x', 'y']]);
    expect(cycleEdges(doc).map((e) => e.id)).toEqual(['e2', 'e3', 'e5', 'e7', 'e8']);
    expect(findCycles(diamond)).toEqual([]);
    expect(cycleEdges(diamond)).toEqual([]);
  });
});

describe('reachability', () => {
  const branches = graph(
    [
      ['t', 'trigger.manual'],
      ['loop', 'flow.forEach'],
      ['body', 'discord.addRole'],
      ['after', 'discord.addRole'],
      ['island', 'discord.addRole'],
    ],
    ['t>loop', 'loop:item>body', 'loop:done>after'],
  );

  it('walks from the trigger, or from one port', () => {
    expect(reachableFrom(branches, 't')).toEqual(new Set(['t', 'loop', 'body', 'after']));
    expect(reachableFrom(branches, 'loop', { port: 'item' })).toEqual(new Set(['loop', 'body']));
    expect(reachableFrom(branches, 'missing')).toEqual(new Set());
    expect(downstreamOf(branches, 'loop')).toEqual(new Set(['body', 'after']));
  });

  it('computes upstream sets on a diamond, from a document or an index', () => {
    expect(new Set(upstreamOf(diamond, 'both'))).toEqual(new Set(['start', 'a', 'b']));
    expect(new Set(upstreamOf(diamond, 'a'))).toEqual(new Set(['start']));
    const index = indexGraph(diamond);
    expect(new Set(upstreamOf(index, 'end'))).toEqual(new Set(['start', 'a', 'b', 'both']));
    expect(new Set(upstreamOf(index, 'start'))).toEqual(new Set());
    expect(new Set(upstreamOf(index, 'missing'))).toEqual(new Set());
    expect(index.ancestry().has('both', 'a')).toBe(true);
    expect(index.ancestry().has('a', 'b')).toBe(false);
  });

  it('counts cycle members as their own ancestors', () => {
    const doc = graph(
      [
        ['t', 'trigger.manual'],
        ['a', 'discord.addRole'],
        ['b', 'discord.addRole'],
        ['c', 'discord.addRole'],
      ],
      ['t>a', 'a>b', 'b>a', 'b>c'],
    );
    const index = indexGraph(doc);
    expect(new Set(upstreamOf(index, 'a'))).toEqual(new Set(['t', 'a', 'b']));
    expect(new Set(upstreamOf(index, 'c'))).toEqual(new Set(['t', 'a', 'b']));
    expect(new Set(upstreamOf(doc, 'a'))).toEqual(new Set(['t', 'a', 'b']));
  });

  it('indexes outgoing edges by port and incoming edges', () => {
    const index = indexGraph(branches);
    expect(index.outgoingFrom('loop', 'item').map((e) => e.target)).toEqual(['body']);
    expect([...index.outgoingByPort('loop').keys()]).toEqual(['item', 'done']);
    expect(index.outgoing('t').map((e) => e.id)).toEqual(['e1']);
    expect(index.incoming('after').map((e) => e.source)).toEqual(['loop']);
    expect(index.outgoing('island')).toEqual([]);
  });
});

describe('a generated 1,000-node graph', () => {
  const doc = bigGraph(1000);

  it('matches naive upstream sets', () => {
    const index = indexGraph(doc);
    for (let i = 0; i < 1000; i += 37) {
      expect(new Set(upstreamOf(index, `n${i}`))).toEqual(naiveUpstream(doc, `n${i}`));
    }
    expect(topologicalOrder(index).ok).toBe(true);
  });

  it('answers every graph question validation asks well within budget', () => {
    const run = () => {
      const started = performance.now();
      const index = indexGraph(doc);
      const order = topologicalOrder(index);
      const reachable = reachableFrom(index, 'n0');
      cycleEdges(index);
      // Validation asks, for every node, whether the nodes its expressions read are upstream.
      let total = 0;
      for (const node of doc.nodes) {
        const upstream = upstreamOf(index, node.id);
        if (upstream.has('n0')) total += 1;
        if (upstream.has('n500')) total += 1;
      }
      return { ms: performance.now() - started, ok: order.ok && reachable.size > 0 && total > 0 };
    };
    run(); // warm up
    const runs = Array.from({ length: 5 }, run);
    const best = Math.min(...runs.map((r) => r.ms));
    console.info(
      `1,000 nodes / ${doc.edges.length} edges: index, order, reachability, cycles and all upstream sets in ${best.toFixed(2)} ms`,
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(best).toBeLessThan(20);
    // Materialising every set is quadratic by nature; it is still fine at this size.
    const started = performance.now();
    const index = indexGraph(doc);
    let members = 0;
    for (const node of doc.nodes) members += [...upstreamOf(index, node.id)].length;
    console.info(
      `  iterating all ${members} ancestor entries: ${(performance.now() - started).toFixed(2)} ms`,
    );
  });

  it('refuses the back edge that would close a cycle, fast with an index', () => {
    const index = indexGraph(doc);
    const started = performance.now();
    const check = canConnect(index, { source: 'n999', target: 'n0' });
    for (let i = 1; i < 1000; i += 1) canConnect(index, { source: `n${i}`, target: `n${i - 1}` });
    const ms = performance.now() - started;
    expect(check).toEqual({ ok: false, code: 'no-input', reason: expect.any(String) });
    expect(canConnect(index, { source: 'n999', target: 'n1' })).toMatchObject({
      ok: false,
      code: 'cycle',
    });
    expect(ms).toBeLessThan(200);
  });
});

describe('canConnect', () => {
  const doc = graph(
    [
      ['t', 'trigger.buttonClicked', { customIdPrefix: 'x' }],
      ['check', 'flow.if', { condition: 'true' }],
      [
        'plan',
        'flow.switch',
        { value: '{{ trigger.customId }}', cases: [{ id: 'pro', equals: 'pro' }] },
      ],
      ['send', 'discord.sendMessage', { channelId: '1', content: 'hi' }],
      ['role', 'discord.addRole'],
      ['end', 'flow.stop'],
      ['both', 'flow.join'],
      ['mystery', 'custom.unknown'],
    ],
    ['t>check', 'check:true>send', 'send>role', 't>plan'],
  );

  it('accepts valid connections, including dynamic and error ports', () => {
    expect(canConnect(doc, { source: 'check', sourceHandle: 'false', target: 'role' })).toEqual({
      ok: true,
    });
    expect(canConnect(doc, { source: 'plan', sourceHandle: 'pro', target: 'send' })).toEqual({
      ok: true,
    });
    expect(canConnect(doc, { source: 'plan', sourceHandle: 'default', target: 'end' })).toEqual({
      ok: true,
    });
    expect(canConnect(doc, { source: 'send', sourceHandle: 'error', target: 'end' })).toEqual({
      ok: true,
    });
    expect(canConnect(doc, { source: 'send', sourceHandle: null, target: 'both' })).toEqual({
      ok: true,
    });
    expect(canConnect(indexGraph(doc), { source: 'role', target: 'both' })).toEqual({ ok: true });
  });

  it.each([
    [{ source: 'check', sourceHandle: 'maybe', target: 'role' }, 'unknown-port'],
    [{ source: 'check', target: 'role' }, 'unknown-port'],
    [{ source: 'plan', sourceHandle: 'free', target: 'role' }, 'unknown-port'],
    [{ source: 'check', sourceHandle: 'error', target: 'role' }, 'unknown-port'],
    [{ source: 'end', target: 'role' }, 'unknown-port'],
    [{ source: 'send', target: 't' }, 'no-input'],
    [{ source: 'send', target: 'send' }, 'self-loop'],
    [{ source: 'send', target: 'role' }, 'duplicate'],
    [{ source: 'role', target: 'check' }, 'cycle'],
    [{ source: 'role', target: 't' }, 'no-input'],
    [{ source: 'ghost', target: 'role' }, 'unknown-source'],
    [{ source: 'role', target: 'ghost' }, 'unknown-target'],
    [{ source: 'mystery', target: 'role' }, 'unknown-type'],
  ] as const)('refuses %o: %s', (connection, code) => {
    const answer = canConnect(doc, connection);
    expect(answer).toMatchObject({ ok: false, code });
    expect(canConnect(indexGraph(doc), connection)).toEqual(answer);
    if (!answer.ok) expect(answer.reason.length).toBeGreaterThan(10);
  });
});

describe('triggerNode', () => {
  it('finds the trigger, or every trigger', () => {
    expect(triggerNode(diamond)?.id).toBe('start');
    expect(triggerNode(graph([['a', 'discord.addRole']], []))).toBeUndefined();
    const two = graph(
      [
        ['a', 'trigger.manual'],
        ['x', 'flow.stop'],
        ['b', 'trigger.webhook'],
      ],
      [],
    );
    expect(triggerNodes(two).map((n) => n.id)).toEqual(['a', 'b']);
  });
});
