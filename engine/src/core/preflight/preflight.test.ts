import { describe, expect, it } from 'vitest';
import { DISCORD_NODES } from '../catalog/discord/index.js';
import type { GraphDocument, GraphNode } from '../graph/schema.js';
import { edge, node, welcomeGraph } from '../validation/test-graphs.js';
import {
  expressionBound,
  graphWarnings,
  messageLimitWarnings,
  permissionNeeds,
  replyWindowWarnings,
} from './index.js';

function doc(nodes: GraphNode[], edges: GraphDocument['edges']): GraphDocument {
  return { schemaVersion: 1, name: 'Preflight', nodes, edges, vars: {} };
}

/** /ask → [wait] → reply, the wait being `waitNode`. */
function replyAfter(waitNode: GraphNode, port?: string): GraphDocument {
  return doc(
    [
      node('start', 'trigger.slashCommand', { name: 'ask' }),
      waitNode,
      node('answer', 'discord.reply', { content: 'Here is your answer.' }),
    ],
    [edge('e1', 'start', waitNode.id), edge('e2', waitNode.id, 'answer', port)],
  );
}

describe('reply_after_interaction_window', () => {
  it('warns for a reply after a 20-minute delay, naming the node', () => {
    const warnings = replyWindowWarnings(
      replyAfter(node('wait', 'flow.delay', { duration: '20m' })),
    );
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'reply_after_interaction_window',
        severity: 'warning',
        nodeId: 'answer',
        message: expect.stringMatching(/at least 20 minutes .* within 15 minutes/),
      }),
    ]);
  });

  it('does not warn after a 10-minute delay', () => {
    expect(
      replyWindowWarnings(replyAfter(node('wait', 'flow.delay', { duration: '10m' }))),
    ).toEqual([]);
  });

  it('adds up waits along a path: two 10-minute delays are 20 minutes', () => {
    const g = doc(
      [
        node('start', 'trigger.slashCommand', { name: 'ask' }),
        node('w1', 'flow.delay', { duration: '10m' }),
        node('w2', 'flow.delay', { duration: '10m' }),
        node('answer', 'discord.reply', { content: 'Done.' }),
      ],
      [edge('e1', 'start', 'w1'), edge('e2', 'w1', 'w2'), edge('e3', 'w2', 'answer')],
    );
    expect(replyWindowWarnings(g).map((w) => w.nodeId)).toEqual(['answer']);
  });

  it('judges by the shortest path: a reply also reachable without waiting is fine', () => {
    const g = replyAfter(node('wait', 'flow.delay', { duration: '1h' }));
    g.edges.push(edge('e3', 'start', 'answer'));
    expect(replyWindowWarnings(g)).toEqual([]);
  });

  it('counts a waitFor timeout and a collect duration, but not an event that may come at once', () => {
    const waitFor = node('wait', 'flow.waitFor', { event: 'reply', messageId: '1', timeout: '1h' });
    expect(replyWindowWarnings(replyAfter(waitFor, 'timeout'))).toHaveLength(1);
    expect(replyWindowWarnings(replyAfter(waitFor, 'received'))).toEqual([]);
    const collect = node('wait', 'flow.collect', { messageId: '1', emoji: '👍', duration: '1d' });
    expect(replyWindowWarnings(replyAfter(collect))).toHaveLength(1);
  });

  it('does not guess a wait given by an expression', () => {
    const wait = node('wait', 'flow.delay', { duration: '{{ vars.wait }}' });
    expect(replyWindowWarnings(replyAfter(wait))).toEqual([]);
  });
});

describe('message_may_exceed_limit', () => {
  const send = (config: Record<string, unknown>) =>
    doc(
      [
        node('start', 'trigger.memberJoined'),
        node('post', 'discord.sendMessage', { channelId: '1', ...config }),
      ],
      [edge('e1', 'start', 'post')],
    );

  it('warns for 1,990 characters of text plus a username (≤ 32)', () => {
    const warnings = messageLimitWarnings(
      send({ content: `${'a'.repeat(1990)}{{ trigger.member.username }}` }),
    );
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'message_may_exceed_limit',
        nodeId: 'post',
        field: '/content',
        message: expect.stringContaining('2,022 characters'),
      }),
    ]);
  });

  it('does not warn when the bounds fit', () => {
    const content = `${'a'.repeat(1900)}{{ trigger.member.username }} {{ trigger.member.id }}`;
    expect(messageLimitWarnings(send({ content }))).toEqual([]);
  });

  it('warns for an unbounded value only when the text alone is within 10 % of the limit', () => {
    const near = `${'a'.repeat(1800)}{{ trigger.message.content }}`;
    const far = `${'a'.repeat(1700)}{{ trigger.message.content }}`;
    expect(messageLimitWarnings(send({ content: near }))[0]?.message).toContain(
      '{{ trigger.message.content }}, whose length is not known',
    );
    expect(messageLimitWarnings(send({ content: far }))).toEqual([]);
  });

  it('uses truncate(n) as a bound', () => {
    const content = `${'a'.repeat(1900)}{{ trigger.message.content | truncate(90) }}`;
    expect(messageLimitWarnings(send({ content }))).toEqual([]);
    expect(expressionBound(' trigger.message.content | truncate(90) ')).toBe(90);
  });

  it('checks embed fields and the embed total', () => {
    const warnings = messageLimitWarnings(
      send({
        embeds: [
          {
            title: `${'t'.repeat(240)} {{ trigger.member.displayName }}`,
            description: 'd'.repeat(4000),
            fields: [
              { name: 'n', value: 'v'.repeat(1000) },
              { name: 'm', value: 'w'.repeat(1000) },
            ],
          },
        ],
      }),
    );
    expect(warnings.map((w) => w.field)).toEqual(['/embeds/0/title', '/embeds/0']);
  });

  it('checks replies and edits too, and nothing in other nodes', () => {
    const long = `${'a'.repeat(1995)}{{ trigger.user.username }}`;
    const g = doc(
      [
        node('start', 'trigger.slashCommand', { name: 'x' }),
        node('r', 'discord.reply', { content: long }),
        node('e', 'discord.editMessage', { channelId: '1', messageId: '2', content: long }),
        node('s', 'flow.setVariables', { variables: { text: long } }),
      ],
      [edge('e1', 'start', 'r'), edge('e2', 'r', 'e'), edge('e3', 'e', 's')],
    );
    expect(graphWarnings(g).map((w) => w.nodeId)).toEqual(['r', 'e']);
  });
});

describe('permission needs', () => {
  it('are declared by every Discord action but reply (which answers through the interaction)', () => {
    const undeclared = DISCORD_NODES.filter((d) => !d.requires?.permissions.length).map(
      (d) => d.type,
    );
    expect(undeclared).toEqual(['discord.reply']);
  });

  it('reads them from the node declarations', () => {
    expect(permissionNeeds(welcomeGraph())).toEqual([
      {
        nodeId: 'greet',
        nodeType: 'discord.sendMessage',
        permissions: ['ViewChannel', 'SendMessages'],
        field: '/channelId',
      },
      { nodeId: 'role', nodeType: 'discord.addRole', permissions: ['ManageRoles'] },
    ]);
  });

  it('gives a literal channel, adds Embed Links with embeds, and needs nothing for a DM', () => {
    const g = doc(
      [
        node('start', 'trigger.memberJoined'),
        node('post', 'discord.sendMessage', { channelId: '42', embeds: [{ title: 'Hi' }] }),
        node('dm', 'discord.sendMessage', { userId: '7', content: 'Hi' }),
        node('kick', 'discord.kickMember', { userId: '7' }),
        node('thread', 'discord.createChannel', {
          name: 't',
          channelType: 'privateThread',
          parentId: '42',
        }),
        node('room', 'discord.createChannel', { name: 'r' }),
        node('read', 'discord.readMessages', { channelId: '42', limit: 100 }),
      ],
      [],
    );
    expect(permissionNeeds(g).map((n) => [n.nodeId, n.permissions, n.channelId])).toEqual([
      ['post', ['ViewChannel', 'SendMessages'], '42'],
      ['post', ['EmbedLinks'], '42'],
      ['kick', ['KickMembers'], undefined],
      ['thread', ['ViewChannel', 'CreatePrivateThreads'], '42'],
      ['room', ['ManageChannels'], undefined],
      ['read', ['ViewChannel', 'ReadMessageHistory'], '42'],
    ]);
  });
});
