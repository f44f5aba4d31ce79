/**
 * Valid graph documents and helpers shared by the validation tests (not exported from the core
 * index). Every builder returns a fresh document, so a test may mutate it freely.
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/schema.js';
import type { ValidationIssue } from './issue.js';

/** A node at position (x, 0). */
export function node(
  id: string,
  type: string,
  config: Record<string, unknown> = {},
  x = 0,
): GraphNode {
  return { id, type, position: { x, y: 0 }, config };
}

/** An edge from `source` (port `sourceHandle`, `out` when omitted) to `target`. */
export function edge(id: string, source: string, target: string, sourceHandle?: string): GraphEdge {
  return sourceHandle === undefined ? { id, source, target } : { id, source, sourceHandle, target };
}

/**
 * The example of docs/graph-format.md: trigger.memberJoined → discord.sendMessage → discord.addRole.
 * Nodes: start [0], greet [1], role [2]; edges: e1 [0], e2 [1].
 */
export function welcomeGraph(): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'Welcome new members',
    description: 'Greets every new member and gives them the Newcomer role.',
    nodes: [
      node('start', 'trigger.memberJoined', {}, 0),
      node(
        'greet',
        'discord.sendMessage',
        {
          channelId: '{{ vars.welcomeChannelId }}',
          content:
            'Welcome {{ trigger.member.mention }}! You are member #{{ trigger.guild.memberCount }}.',
        },
        260,
      ),
      node(
        'role',
        'discord.addRole',
        { userId: '{{ trigger.member.id }}', roleId: '{{ vars.newcomerRoleId }}' },
        520,
      ),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'greet' },
      { id: 'e2', source: 'greet', sourceHandle: 'out', target: 'role' },
    ],
    vars: { welcomeChannelId: '', newcomerRoleId: '' },
  };
}

/** Positions of the nodes of {@link giveawayGraph}, for expected issue paths. */
export const GIVEAWAY_AT = {
  start: 0,
  check: 1,
  announce: 2,
  sorry: 3,
  wait: 4,
  count: 5,
  timedOut: 6,
  merge: 7,
  route: 8,
  loop: 9,
  dm: 10,
  role: 11,
  finish: 12,
  other: 13,
} as const;

/**
 * A bigger valid graph: a slash command, flow.if, a message with a button, flow.waitFor
 * (received/timeout), data.increment, flow.join of both branches, flow.switch with cases,
 * flow.forEach with a two-node body on `item` and a node on `done`. 14 nodes, 15 edges.
 */
export function giveawayGraph(): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'Giveaway',
    nodes: [
      node('start', 'trigger.slashCommand', {
        name: 'giveaway',
        description: 'Start a giveaway',
        options: [{ name: 'prize', type: 'string', description: 'The prize', required: true }],
      }),
      node('check', 'flow.if', { condition: 'trigger.options.prize != ""' }),
      node('announce', 'discord.sendMessage', {
        channelId: '{{ trigger.channelId }}',
        content: 'Giveaway for {{ trigger.options.prize | upper }}! Ends {{ now | timestamp }}.',
        buttons: [{ label: 'Enter', customId: 'enter', style: 'success' }],
      }),
      node('sorry', 'discord.reply', {
        content: 'Name a prize, {{ trigger.user.mention }}.',
        ephemeral: true,
      }),
      node('wait', 'flow.waitFor', {
        event: 'button',
        messageId: '{{ nodes.announce.messageId }}',
        customId: 'enter',
        timeout: '1h',
      }),
      node('count', 'data.increment', {
        key: 'entries',
        scope: 'member',
        memberId: '{{ nodes.wait.user.id }}',
        by: 1,
        ttl: '30d',
      }),
      node('timedOut', 'discord.sendMessage', {
        channelId: '{{ nodes.announce.channelId }}',
        content: 'Nobody entered.',
      }),
      node('merge', 'flow.join', {}),
      node('route', 'flow.switch', {
        value: '{{ nodes.merge.count.value | default(0) }}',
        cases: [
          { id: 'first', equals: 1 },
          { id: 'second', equals: 2 },
        ],
      }),
      node('loop', 'flow.forEach', { items: '{{ [trigger.user.id, vars.hostId] }}', max: 10 }),
      node('dm', 'discord.sendMessage', {
        userId: '{{ item }}',
        content: 'Thanks! Run {{ run.id }}.',
      }),
      node('role', 'discord.addRole', {
        userId: '{{ item }}',
        roleId: '{{ vars.entrantRoleId }}',
        reason: 'Entered {{ nodes.dm.messageId }}',
      }),
      node('finish', 'discord.sendMessage', {
        channelId: '{{ nodes.announce.channelId }}',
        content: 'Done: {{ nodes.loop.count }} messages.',
      }),
      node('other', 'discord.reply', {
        content: 'Case {{ nodes.route.case }} for {{ nodes.route.value }}.',
      }),
    ],
    edges: [
      edge('e1', 'start', 'check'),
      edge('e2', 'check', 'announce', 'true'),
      edge('e3', 'check', 'sorry', 'false'),
      edge('e4', 'announce', 'wait'),
      edge('e5', 'wait', 'count', 'received'),
      edge('e6', 'wait', 'timedOut', 'timeout'),
      edge('e7', 'count', 'merge'),
      edge('e8', 'timedOut', 'merge'),
      edge('e9', 'merge', 'route'),
      edge('e10', 'route', 'loop', 'first'),
      edge('e11', 'route', 'other', 'second'),
      edge('e12', 'route', 'other', 'default'),
      edge('e13', 'loop', 'dm', 'item'),
      edge('e14', 'dm', 'role'),
      edge('e15', 'loop', 'finish', 'done'),
    ],
    vars: { entrantRoleId: '1098765432101234567', hostId: '1098765432101234568' },
  };
}

/** The node with this id (throws when missing, so a typo in a test fails loudly). */
export function nodeOf(doc: GraphDocument, id: string): GraphNode {
  const found = doc.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`test graph has no node ${id}`);
  return found;
}

/** The edge with this id (throws when missing). */
export function edgeOf(doc: GraphDocument, id: string): GraphEdge {
  const found = doc.edges.find((e) => e.id === id);
  if (!found) throw new Error(`test graph has no edge ${id}`);
  return found;
}

/** A fresh copy of `base()` changed by `change` (typed loosely: mutations may break the shape). */
export function mutated(base: () => GraphDocument, change: (doc: GraphDocument) => void): unknown {
  const doc = base();
  change(doc);
  return doc;
}

/** What a test compares: an issue without its message (undefined fields are ignored by toEqual). */
export interface IssueKey {
  code: ValidationIssue['code'];
  nodeId?: string;
  edgeId?: string;
  path: string;
}

/** The comparable part of each issue, in order. */
export function keys(issues: readonly ValidationIssue[]): IssueKey[] {
  return issues.map(({ code, nodeId, edgeId, path }) => ({ code, nodeId, edgeId, path }));
}

/** One bad document: a small mutation of a valid graph and the exact issues it must produce. */
export interface BadDocumentCase {
  name: string;
  doc: () => unknown;
  expected: IssueKey[];
}
