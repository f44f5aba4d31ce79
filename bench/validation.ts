/**
 * Validation benchmark: `validateGraph` on a realistic, valid 1,000-node graph.
 *
 *   npx tsx bench/validation.ts        → prints { "validation": { nodes, edges, ms, p95Ms, samples } }
 *
 * Each timed call gets a fresh deep copy of the document, so nothing memoised on a previous
 * document object can flatter the number. The compiled config schemas and the expression parse
 * cache (keyed by template text) are legitimately warm, as in a running service.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  validateGraph,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '@guildflow/engine/core';

/** What {@link runValidationBench} measured (milliseconds). */
export interface ValidationBenchResult {
  nodes: number;
  edges: number;
  /** Median of the samples. */
  ms: number;
  p95Ms: number;
  samples: number[];
}

/** Options of {@link runValidationBench}. */
export interface ValidationBenchOptions {
  nodes?: number;
  iterations?: number;
  warmup?: number;
}

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid graph of about `target` nodes, like a big community automation: a slash command, then
 * blocks one after another — chains of Discord and data actions whose templates read upstream
 * nodes (with error handlers), flow.if branches and flow.switch cases merged by flow.join,
 * flow.waitFor with received/timeout branches, and flow.forEach loops with a body on `item`.
 */
export function buildBenchGraph(target = 1000): GraphDocument {
  const rand = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  /** Nodes that run before the current point on every path (safe to read as `nodes.<id>`). */
  const spine: string[] = [];
  /** Spine nodes that output a message (`messageId`, `channelId`). */
  const messages: string[] = [];

  const add = (type: string, config: Record<string, unknown>): string => {
    const id = `n${nodes.length}`;
    nodes.push({
      id,
      type,
      position: { x: (nodes.length % 40) * 260, y: Math.floor(nodes.length / 40) * 160 },
      config,
    });
    return id;
  };
  const connect = (source: string, target: string, port?: string): void => {
    edges.push({ id: `e${edges.length}`, source, ...(port ? { sourceHandle: port } : {}), target });
  };

  /** One action whose templates read the trigger, vars, `item` (in loops) and upstream nodes. */
  const action = (upstream: readonly string[], inLoop: boolean): string => {
    const message = messages.length ? pick(messages) : undefined;
    const prior = upstream.length ? pick(upstream) : undefined;
    const user = inLoop ? '{{ item }}' : '{{ trigger.user.id }}';
    const ref = prior ? ` (after {{ nodes.${prior} | json | length }} bytes)` : '';
    switch (pick(['send', 'send', 'role', 'unrole', 'count', 'react', 'edit', 'timeout'])) {
      case 'send':
        return add('discord.sendMessage', {
          channelId: message ? `{{ nodes.${message}.channelId }}` : '{{ vars.logChannelId }}',
          content: `Hey {{ trigger.user.mention }}, step ${nodes.length}${ref}: {{ trigger.options.topic | default("none") | upper }} at {{ now | timestamp }}`,
        });
      case 'role':
        return add('discord.addRole', {
          userId: user,
          roleId: '{{ vars.memberRoleId }}',
          reason: `Step ${nodes.length}${ref}`,
        });
      case 'unrole':
        return add('discord.removeRole', { userId: user, roleId: '1098765432101234567' });
      case 'count':
        return add('data.increment', {
          key: `step_${nodes.length}`,
          scope: 'member',
          memberId: user,
          by: 1,
          ttl: '30d',
        });
      case 'react':
        return message
          ? add('discord.addReaction', {
              channelId: `{{ nodes.${message}.channelId }}`,
              messageId: `{{ nodes.${message}.messageId }}`,
              emoji: '🎉',
            })
          : add('discord.addRole', { userId: user, roleId: '{{ vars.memberRoleId }}' });
      case 'edit':
        return message
          ? add('discord.editMessage', {
              channelId: `{{ nodes.${message}.channelId }}`,
              messageId: `{{ nodes.${message}.messageId }}`,
              content: `Updated${ref}`,
            })
          : add('discord.removeRole', { userId: user, roleId: '{{ vars.memberRoleId }}' });
      default:
        return add('discord.timeoutMember', {
          userId: user,
          duration: pick(['10m', '1h', '7d', 'PT2H']),
          reason: 'Too fast',
        });
    }
  };

  /** A chain of `length` actions after `from`; returns its last node. */
  const chain = (
    from: string,
    port: string | undefined,
    length: number,
    inLoop = false,
  ): string => {
    let tail = from;
    const local: string[] = [];
    for (let i = 0; i < length; i += 1) {
      const id = action([...spine.slice(-8), ...local], inLoop);
      connect(tail, id, i === 0 ? port : undefined);
      local.push(id);
      tail = id;
    }
    return tail;
  };

  const start = add('trigger.slashCommand', {
    name: 'onboard',
    description: 'Onboard a member',
    options: [{ name: 'topic', type: 'string', description: 'What they like', required: false }],
  });
  spine.push(start);
  let tail = start;
  const step = (id: string, from: string, port?: string) => {
    connect(from, id, port);
    spine.push(id);
    return id;
  };

  while (nodes.length < target - 12) {
    const kind = pick(['actions', 'actions', 'if', 'switch', 'wait', 'loop']);
    if (kind === 'actions') {
      for (let i = 0; i < 4; i += 1) {
        const id = step(action(spine.slice(-8), false), tail);
        if (nodes[nodes.length - 1]?.type === 'discord.sendMessage') messages.push(id);
        if (rand() < 0.3)
          connect(
            id,
            add('discord.sendMessage', {
              channelId: '{{ vars.logChannelId }}',
              content: `Step ${id} failed: {{ nodes.${id}.error.message }}`,
            }),
            'error',
          );
        tail = id;
      }
    } else if (kind === 'if' || kind === 'switch') {
      const ref = pick(spine);
      const branch =
        kind === 'if'
          ? add('flow.if', {
              condition: `nodes.${ref} != null && trigger.options.topic != "${nodes.length}"`,
            })
          : add('flow.switch', {
              value: '{{ trigger.options.topic }}',
              cases: [
                { id: 'games', equals: 'games' },
                { id: 'art', equals: 'art' },
                { id: 'music', equals: 'music' },
              ],
            });
      step(branch, tail);
      const ports = kind === 'if' ? ['true', 'false'] : ['games', 'art', 'music', 'default'];
      const join = add('flow.join', {});
      for (const port of ports) connect(chain(branch, port, 2 + Math.floor(rand() * 3)), join);
      spine.push(join);
      tail = join;
    } else if (kind === 'wait') {
      const message = messages.length ? pick(messages) : undefined;
      if (!message) continue;
      const wait = step(
        add('flow.waitFor', {
          event: 'button',
          messageId: `{{ nodes.${message}.messageId }}`,
          customId: 'ok',
          userId: '{{ trigger.user.id }}',
          timeout: '1d',
        }),
        tail,
      );
      const join = add('flow.join', {});
      connect(chain(wait, 'received', 2), join);
      connect(chain(wait, 'timeout', 1), join);
      spine.push(join);
      tail = join;
    } else {
      const loop = step(
        add('flow.forEach', {
          items: `{{ [trigger.user.id, vars.ownerId, nodes.${pick(spine)} | json] }}`,
          max: 10,
        }),
        tail,
      );
      chain(loop, 'item', 3 + Math.floor(rand() * 3), true);
      const after = add('discord.sendMessage', {
        channelId: '{{ vars.logChannelId }}',
        content: `Looped {{ nodes.${loop}.count }} times`,
      });
      tail = step(after, loop, 'done');
    }
  }
  while (nodes.length < target) tail = step(action(spine.slice(-8), false), tail);
  return {
    schemaVersion: 1,
    name: 'Benchmark onboarding',
    description: `A generated graph of ${nodes.length} nodes for the validation benchmark.`,
    nodes,
    edges,
    vars: {
      logChannelId: '1098765432101234560',
      memberRoleId: '1098765432101234561',
      ownerId: '1098765432101234562',
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Validates a valid 1,000-node graph (asserting it has no issues), warms up, then times
 * `validateGraph` on a fresh deep copy per iteration.
 */
export async function runValidationBench(
  options: ValidationBenchOptions = {},
): Promise<ValidationBenchResult> {
  const { nodes = 1000, iterations = 60, warmup = 10 } = options;
  const doc = buildBenchGraph(nodes);
  const issues = validateGraph(structuredClone(doc));
  if (issues.length > 0) {
    throw new Error(
      `the benchmark graph is invalid (${issues.length} issues), e.g. ${JSON.stringify(issues.slice(0, 3))}`,
    );
  }
  for (let i = 0; i < warmup; i += 1) validateGraph(structuredClone(doc));
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const copy = structuredClone(doc);
    const started = performance.now();
    const result = validateGraph(copy);
    samples.push(performance.now() - started);
    if (result.length !== 0) throw new Error('validation result changed between iterations');
    await new Promise((resolve) => setImmediate(resolve)); // let GC and timers breathe between samples
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    samples: samples.map(round),
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const validation = await runValidationBench();
  process.stdout.write(`${JSON.stringify({ validation }, null, 2)}\n`);
}
