import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../graph/schema.js';
import { validateGraph } from './validate.js';
import {
  GIVEAWAY_AT,
  giveawayGraph,
  keys,
  mutated,
  node,
  nodeOf,
  welcomeGraph,
  type BadDocumentCase as Case,
} from './test-graphs.js';

/** The welcome graph with one config field of node `id` set (or removed, with `undefined`). */
function welcomeWith(id: 'start' | 'greet' | 'role', field: string, value: unknown): () => unknown {
  return () =>
    mutated(welcomeGraph, (d) => {
      const config = nodeOf(d, id).config;
      if (value === undefined) delete config[field];
      else config[field] = value;
    });
}

/** The giveaway graph with one config field of node `id` set. */
function giveawayWith(id: keyof typeof GIVEAWAY_AT, field: string, value: unknown): () => unknown {
  return () => mutated(giveawayGraph, (d) => (nodeOf(d, id).config[field] = value));
}

/** The welcome graph with its trigger replaced by one of another type and config. */
function welcomeTriggeredBy(type: string, config: Record<string, unknown>): () => unknown {
  return () =>
    mutated(welcomeGraph, (d: GraphDocument) => (d.nodes[0] = node('start', type, config)));
}

const at = (id: keyof typeof GIVEAWAY_AT, field: string) =>
  `nodes[${GIVEAWAY_AT[id]}].config.${field}`;

const CONFIG_CASES: Case[] = [
  {
    name: 'a required field missing (addRole roleId)',
    doc: welcomeWith('role', 'roleId', undefined),
    expected: [{ code: 'invalid_config', nodeId: 'role', path: 'nodes[2].config.roleId' }],
  },
  {
    name: 'content over 2,000 characters',
    doc: welcomeWith('greet', 'content', 'x'.repeat(2001)),
    expected: [{ code: 'invalid_config', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: 'both channelId and userId',
    doc: welcomeWith('greet', 'userId', '{{ trigger.member.id }}'),
    expected: [{ code: 'invalid_config', nodeId: 'greet', path: 'nodes[1].config' }],
  },
  {
    name: 'neither channelId nor userId',
    doc: welcomeWith('greet', 'channelId', undefined),
    expected: [{ code: 'invalid_config', nodeId: 'greet', path: 'nodes[1].config' }],
  },
  {
    name: 'an unknown config field',
    doc: welcomeWith('role', 'colour', 'red'),
    expected: [{ code: 'invalid_config', nodeId: 'role', path: 'nodes[2].config.colour' }],
  },
  {
    name: 'a literal snowflake that is not one',
    doc: welcomeWith('role', 'roleId', 'newcomers'),
    expected: [{ code: 'invalid_config', nodeId: 'role', path: 'nodes[2].config.roleId' }],
  },
  {
    name: 'a timeout over 28 days',
    doc: () =>
      mutated(
        welcomeGraph,
        (d) =>
          (d.nodes[2] = node('role', 'discord.timeoutMember', {
            userId: '{{ trigger.member.id }}',
            duration: '29d',
          })),
      ),
    expected: [{ code: 'invalid_config', nodeId: 'role', path: 'nodes[2].config.duration' }],
  },
  {
    name: 'a duration of "1 month"',
    doc: giveawayWith('wait', 'timeout', '1 month'),
    expected: [{ code: 'invalid_config', nodeId: 'wait', path: at('wait', 'timeout') }],
  },
  {
    name: 'a ttl that is not a duration at all',
    doc: giveawayWith('count', 'ttl', 'forever'),
    expected: [{ code: 'invalid_config', nodeId: 'count', path: at('count', 'ttl') }],
  },
  {
    name: 'a cron with four fields',
    doc: welcomeTriggeredBy('trigger.schedule', { cron: '0 9 * *', timezone: 'Europe/Berlin' }),
    expected: [{ code: 'invalid_config', nodeId: 'start', path: 'nodes[0].config.cron' }],
  },
  {
    name: 'a cron whose minute is out of range (parsed, not just pattern-checked)',
    doc: welcomeTriggeredBy('trigger.schedule', { cron: '75 9 * * *', timezone: 'Europe/Berlin' }),
    expected: [{ code: 'invalid_config', nodeId: 'start', path: 'nodes[0].config.cron' }],
  },
  {
    name: 'a message pattern with a backreference (no linear-time engine can run it)',
    doc: welcomeTriggeredBy('trigger.messageCreated', { pattern: '^(\\w+) \\1$' }),
    expected: [{ code: 'invalid_config', nodeId: 'start', path: 'nodes[0].config.pattern' }],
  },
  {
    name: 'a message pattern with lookahead',
    doc: welcomeTriggeredBy('trigger.messageCreated', { pattern: '^!report(?= )' }),
    expected: [{ code: 'invalid_config', nodeId: 'start', path: 'nodes[0].config.pattern' }],
  },
  {
    name: 'a matches filter with a pattern RE2 cannot run',
    doc: welcomeTriggeredBy('trigger.messageCreated', {
      contains: 'x',
      channelId: '{{ vars.welcomeChannelId | matches("(a)\\\\1") ? "1" : "2" }}',
    }),
    expected: [{ code: 'invalid_expression', nodeId: 'start', path: 'nodes[0].config.channelId' }],
  },
  {
    name: 'a schedule with both cron and interval',
    doc: welcomeTriggeredBy('trigger.schedule', { cron: '0 9 * * MON', interval: '1h' }),
    expected: [{ code: 'invalid_config', nodeId: 'start', path: 'nodes[0].config' }],
  },
  {
    name: 'a flow.switch case declared twice',
    doc: giveawayWith('route', 'cases', [
      { id: 'first', equals: 1 },
      { id: 'second', equals: 2 },
      { id: 'first', equals: 3 },
    ]),
    expected: [{ code: 'invalid_config', nodeId: 'route', path: at('route', 'cases[2].id') }],
  },
  {
    name: 'data.increment scope member without memberId (one issue, no "then" noise)',
    doc: () => mutated(giveawayGraph, (d) => delete nodeOf(d, 'count').config.memberId),
    expected: [{ code: 'invalid_config', nodeId: 'count', path: at('count', 'memberId') }],
  },
  {
    name: 'a waitFor customId on a reaction event',
    doc: giveawayWith('wait', 'event', 'reaction'),
    expected: [{ code: 'invalid_config', nodeId: 'wait', path: at('wait', 'customId') }],
  },
];

const EXPRESSION_CASES: Case[] = [
  {
    name: 'a syntax error',
    doc: welcomeWith('role', 'roleId', '{{ vars.newcomerRoleId + }}'),
    expected: [{ code: 'invalid_expression', nodeId: 'role', path: 'nodes[2].config.roleId' }],
  },
  {
    name: 'an unclosed {{',
    doc: welcomeWith('greet', 'content', 'Welcome {{ trigger.member.mention'),
    expected: [{ code: 'invalid_expression', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: 'an unknown root name',
    doc: welcomeWith('greet', 'content', 'Welcome {{ member.mention }}'),
    expected: [{ code: 'invalid_expression', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: 'a filter that does not exist',
    doc: welcomeWith('greet', 'content', 'Welcome {{ trigger.member.username | shout }}'),
    expected: [{ code: 'invalid_expression', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: '__proto__ access',
    doc: welcomeWith('greet', 'content', '{{ trigger.member.__proto__ }}'),
    expected: [{ code: 'invalid_expression', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: 'constructor access by index',
    doc: welcomeWith('greet', 'content', '{{ trigger["constructor"] }}'),
    expected: [{ code: 'invalid_expression', nodeId: 'greet', path: 'nodes[1].config.content' }],
  },
  {
    name: 'a bare flow.if condition with a syntax error',
    doc: giveawayWith('check', 'condition', 'trigger.options.prize =='),
    expected: [{ code: 'invalid_expression', nodeId: 'check', path: at('check', 'condition') }],
  },
  {
    name: 'an expression inside an embed, reported at its nested path',
    doc: giveawayWith('announce', 'embeds', [{ title: 'Prize', description: '{{ prize }}' }]),
    expected: [
      {
        code: 'invalid_expression',
        nodeId: 'announce',
        path: at('announce', 'embeds[0].description'),
      },
    ],
  },
  {
    name: 'a reference to a node that does not exist',
    doc: welcomeWith('role', 'reason', 'after {{ nodes.welcome.messageId }}'),
    expected: [{ code: 'unknown_node_reference', nodeId: 'role', path: 'nodes[2].config.reason' }],
  },
  {
    name: 'a reference to a node in a parallel branch',
    doc: giveawayWith('timedOut', 'content', 'Entries: {{ nodes.count.value }}'),
    expected: [
      { code: 'reference_not_upstream', nodeId: 'timedOut', path: at('timedOut', 'content') },
    ],
  },
  {
    name: 'a reference to a downstream node',
    doc: welcomeWith('greet', 'content', 'You got {{ nodes.role }}'),
    expected: [
      { code: 'reference_not_upstream', nodeId: 'greet', path: 'nodes[1].config.content' },
    ],
  },
  {
    name: 'a reference into a loop body from after the loop',
    doc: giveawayWith('finish', 'content', 'Last DM {{ nodes["dm"].messageId }}'),
    expected: [{ code: 'reference_not_upstream', nodeId: 'finish', path: at('finish', 'content') }],
  },
  {
    name: 'a trigger config reading trigger',
    doc: welcomeTriggeredBy('trigger.messageCreated', {
      channelId: '{{ trigger.message.channelId }}',
    }),
    expected: [{ code: 'scope_not_available', nodeId: 'start', path: 'nodes[0].config.channelId' }],
  },
  {
    name: 'a trigger config reading nodes (no extra reference_not_upstream)',
    doc: welcomeTriggeredBy('trigger.messageCreated', { channelId: '{{ nodes.greet.channelId }}' }),
    expected: [{ code: 'scope_not_available', nodeId: 'start', path: 'nodes[0].config.channelId' }],
  },
  {
    name: 'item after the loop (on done)',
    doc: giveawayWith('finish', 'content', 'Last: {{ item }}'),
    expected: [{ code: 'item_outside_loop', nodeId: 'finish', path: at('finish', 'content') }],
  },
  {
    name: "item in a top-level forEach's own items",
    doc: giveawayWith('loop', 'items', '{{ item.entries }}'),
    expected: [{ code: 'item_outside_loop', nodeId: 'loop', path: at('loop', 'items') }],
  },
];

describe('validateGraph: node configs', () => {
  it.each(CONFIG_CASES)('$name', ({ doc, expected }) => {
    expect(keys(validateGraph(doc()))).toEqual(expected);
  });

  it('a template where a literal field is expected is not evaluated (slash command names are literal)', () => {
    const doc = mutated(
      giveawayGraph,
      (d) => (nodeOf(d, 'start').config.description = 'Type {{ anything }}'),
    );
    expect(validateGraph(doc)).toEqual([]);
  });

  it('a template accepted in place of a literal still has its expressions checked', () => {
    const doc = welcomeWith('role', 'roleId', '{{ vars.newcomerRoleId | nope }}')();
    expect(keys(validateGraph(doc))).toEqual([
      { code: 'invalid_expression', nodeId: 'role', path: 'nodes[2].config.roleId' },
    ]);
  });
});

describe('validateGraph: expressions and scope', () => {
  it.each(EXPRESSION_CASES)('$name', ({ doc, expected }) => {
    expect(keys(validateGraph(doc()))).toEqual(expected);
  });
});
