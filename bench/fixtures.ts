/** The graphs and payloads the benchmarks run, checked with the real validator before use. */
import { validateGraph, type GraphDocument } from '@guildflow/engine/core';
import type { GraphSnapshot } from '@guildflow/engine/interpreter';
import type { HandwrittenInput } from './workflows/handwritten.js';

/**
 * A guild id the bench's graphs belong to.
 *
 * @example
 * await api('POST', `/api/guilds/${BENCH_GUILD}/graphs`, fiveNodeGraph());
 */
export const BENCH_GUILD = '400000000000000001';
const CHANNEL = '400000000000000010';
const ROLE = '400000000000000020';

type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];
type EdgeSpec = [source: string, port: string, target: string];

function graph(
  name: string,
  nodes: NodeSpec[],
  edges: EdgeSpec[],
  vars: Record<string, unknown> = {},
): GraphDocument {
  const doc = {
    schemaVersion: 1,
    name,
    nodes: nodes.map(([id, type, config], i) => ({
      id,
      type,
      position: { x: i * 260, y: 0 },
      config: config ?? {},
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({
      id: `e${i + 1}`,
      source,
      sourceHandle,
      target,
    })),
    vars,
  } as GraphDocument;
  const issues = validateGraph(structuredClone(doc));
  if (issues.length > 0)
    throw new Error(`bench graph "${name}" is invalid: ${JSON.stringify(issues)}`);
  return doc;
}

/** The interpreter bench's 5-node graph: trigger → flow.if → sendMessage → addRole → delay 0. */
export function fiveNodeGraph(): GraphDocument {
  return graph(
    'Welcome high scorers',
    [
      ['t', 'trigger.manual'],
      ['check', 'flow.if', { condition: 'trigger.score > 5' }],
      [
        'greet',
        'discord.sendMessage',
        { channelId: '{{ vars.channelId }}', content: 'Welcome {{ trigger.name }}!' },
      ],
      ['role', 'discord.addRole', { userId: '{{ trigger.userId }}', roleId: '{{ vars.roleId }}' }],
      ['pause', 'flow.delay', { duration: '0s' }],
    ],
    [
      ['t', 'out', 'check'],
      ['check', 'true', 'greet'],
      ['greet', 'out', 'role'],
      ['role', 'out', 'pause'],
    ],
    { channelId: CHANNEL, roleId: ROLE },
  );
}

/**
 * The trigger payload of run `i` of the interpreter bench (always takes the `true` branch).
 *
 * @example
 * scorePayload(3); // { score: 7, name: 'member3', userId: '400000000000100003' }
 */
export function scorePayload(i: number): HandwrittenInput['payload'] {
  return { score: 7, name: `member${i}`, userId: String(400000000000100000n + BigInt(i)) };
}

/** The hand-written baseline's input equivalent to the graph run with `scorePayload(i)`. */
export function handwrittenInput(snapshot: GraphSnapshot, i: number): HandwrittenInput {
  return {
    guildId: snapshot.guildId,
    graphId: snapshot.graphId,
    version: snapshot.version,
    payload: scorePayload(i),
    vars: { channelId: CHANNEL, roleId: ROLE },
    delayMs: 0,
  };
}

/** A graph that waits a day in `flow.delay`, then posts. */
export function delayDayGraph(): GraphDocument {
  return graph(
    'Reminder tomorrow',
    [
      ['t', 'trigger.manual'],
      ['wait', 'flow.delay', { duration: '1d' }],
      [
        'remind',
        'discord.sendMessage',
        { channelId: CHANNEL, content: 'Reminder for {{ trigger.name }}' },
      ],
    ],
    [
      ['t', 'out', 'wait'],
      ['wait', 'out', 'remind'],
    ],
  );
}

/** A giveaway: collects button clicks on the trigger's message for a day, then announces. */
export function collectDayGraph(): GraphDocument {
  return graph(
    'Giveaway',
    [
      ['t', 'trigger.manual'],
      [
        'entries',
        'flow.collect',
        { messageId: '{{ trigger.messageId }}', customId: 'enter', duration: '1d' },
      ],
      [
        'announce',
        'discord.sendMessage',
        { channelId: CHANNEL, content: '{{ nodes.entries.count }} entries' },
      ],
    ],
    [
      ['t', 'out', 'entries'],
      ['entries', 'out', 'announce'],
    ],
  );
}

/** A pinned snapshot of `doc`, as publishing would make it. */
export function snapshotOf(doc: GraphDocument, graphId: string, version = 1): GraphSnapshot {
  return { graphId, guildId: BENCH_GUILD, version, document: doc };
}

/**
 * The end-to-end bench's graph: a message containing "bench" in `channelId` → the bot answers
 * in the same channel with the message's text (so the answer names its event).
 */
export function e2eGraph(channelId: string): GraphDocument {
  return graph(
    'Answer bench messages',
    [
      ['t', 'trigger.messageCreated', { channelId, contains: 'bench' }],
      [
        'answer',
        'discord.sendMessage',
        {
          channelId: '{{ trigger.message.channelId }}',
          content: 'ack {{ trigger.message.content }}',
        },
      ],
    ],
    [['t', 'out', 'answer']],
  );
}

/** The throughput bench's graph: an inbound webhook → one action. */
export function webhookGraph(name: string): GraphDocument {
  return graph(
    name,
    [
      ['t', 'trigger.webhook'],
      [
        'notify',
        'discord.sendMessage',
        { channelId: CHANNEL, content: 'Order {{ trigger.body.order }}' },
      ],
    ],
    [['t', 'out', 'notify']],
  );
}
