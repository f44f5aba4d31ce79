import { describe, expect, it } from 'vitest';
import { messagePattern, memberRef, type RouterEvent } from '@guildflow/engine/core';
import type { TriggerRecord } from '@guildflow/engine/service';
import { TriggerIndex } from './trigger-index.js';

const GUILD = '1300000000000000000';
let clock = Date.parse('2026-11-01T00:00:00Z');

function record(
  graphId: string,
  triggerType: string,
  config: Record<string, unknown> = {},
  extra: Partial<TriggerRecord> = {},
): TriggerRecord {
  clock += 1000;
  return {
    _id: graphId,
    guildId: GUILD,
    triggerType,
    version: 1,
    configJson: JSON.stringify(config),
    replyEphemeral: false,
    previousType: null,
    active: true,
    updatedAt: new Date(clock),
    revision: clock,
    ...extra,
  };
}

const carol = memberRef('1300000000000000303', 'carol', ['1300000000000000205'], GUILD);
const carolMember = {
  ...carol,
  avatarUrl: 'https://cdn.discordapp.com/embed/avatars/3.png',
  pending: false,
};
const message = (
  content: string,
  extra: Partial<{ channelId: string; bot: boolean }> = {},
): RouterEvent => ({
  kind: 'messageCreated',
  eventId: `m${content.length}`,
  guildId: GUILD,
  message: { id: '1', channelId: extra.channelId ?? '100', content },
  author: { ...carol, bot: extra.bot ?? false },
});
const join = (memberCount: number, guildId = GUILD): RouterEvent => ({
  kind: 'memberJoined',
  eventId: `j${memberCount}`,
  guildId,
  member: carolMember,
  guild: { id: guildId, name: 'Sandbox', memberCount },
});
const ids = (index: TriggerIndex, event: RouterEvent) =>
  index
    .match(event)
    .map((m) => m.graphId)
    .sort();

describe('TriggerIndex', () => {
  it('matches member joins with the payload of the trigger', () => {
    const index = new TriggerIndex();
    index.apply(record('welcome', 'trigger.memberJoined'));
    expect(index.match(join(7))).toEqual([
      {
        graphId: 'welcome',
        guildId: GUILD,
        version: 1,
        triggerType: 'trigger.memberJoined',
        replyEphemeral: false,
        payload: { member: carolMember, guild: { id: GUILD, name: 'Sandbox', memberCount: 7 } },
      },
    ]);
    expect(index.match(join(7, '999'))).toEqual([]);
    expect(index.match({ ...join(7), kind: 'memberLeft' } as RouterEvent)).toEqual([]);
  });

  it('fires member-count milestones only on the milestone', () => {
    const index = new TriggerIndex();
    index.apply(record('party', 'trigger.memberCountReached', { milestones: [10, 100] }));
    expect(ids(index, join(9))).toEqual([]);
    expect(index.match(join(10))[0]?.payload).toMatchObject({ milestone: 10, member: carolMember });
    expect(ids(index, join(100))).toEqual(['party']);
  });

  it('filters messages by channel, text, pattern and bots', () => {
    const index = new TriggerIndex();
    index.apply(record('any', 'trigger.messageCreated'));
    index.apply(record('channel', 'trigger.messageCreated', { channelId: '200' }));
    index.apply(record('contains', 'trigger.messageCreated', { contains: 'Suggestion' }));
    index.apply(record('pattern', 'trigger.messageCreated', { pattern: '^!ticket\\b' }));
    index.apply(record('bots', 'trigger.messageCreated', { includeBots: true }));
    expect(ids(index, message('hello'))).toEqual(['any', 'bots']);
    expect(ids(index, message('hello', { channelId: '200' }))).toEqual(['any', 'bots', 'channel']);
    expect(ids(index, message('my SUGGESTION: emotes'))).toEqual(['any', 'bots', 'contains']);
    expect(ids(index, message('!TICKET please'))).toEqual(['any', 'bots', 'pattern']);
    expect(ids(index, message('!tickets'))).toEqual(['any', 'bots']);
    expect(ids(index, message('suggestion from a bot', { bot: true }))).toEqual(['bots']);
    // The author's bot flag is routing data, not part of the trigger's output.
    expect(index.match(message('hello'))[0]?.payload).toEqual({
      message: { id: '1', channelId: '100', content: 'hello' },
      author: carol,
    });
  });

  it('matches patterns in linear time: evil patterns and inputs cannot stall other guilds', () => {
    // Each of these backtracks exponentially in JavaScript's engine on "a"×29 + "!" (35 s,
    // doubling per character); the router runs them on RE2, in time linear in the message.
    const evil = ['((a+))+$', '(?:(a+))+$', '((a|aa))+$', '(a+)+$', '(\\w*)*x'];
    const index = new TriggerIndex();
    evil.forEach((pattern, i) =>
      index.apply(record(`evil${i}`, 'trigger.messageCreated', { pattern })),
    );
    index.apply(record('digits', 'trigger.messageCreated', { pattern: '^\\d+\\d+\\d+\\d+\\d+x' }));
    const OTHER = '1300000000000000999';
    index.apply(record('welcome', 'trigger.memberJoined', {}, { guildId: OTHER }));
    const started = Date.now();
    for (const n of [29, 40, 4000]) {
      expect(ids(index, message(`${'a'.repeat(n)}!`))).toEqual([]);
      expect(ids(index, message(`${'1'.repeat(n)}!`))).toEqual([]);
    }
    expect(ids(index, join(3, OTHER))).toEqual(['welcome']);
    expect(Date.now() - started).toBeLessThan(1000);
    // Same answers as a backtracking engine where it finishes.
    expect(ids(index, message('aaaa'))).toEqual(['evil0', 'evil1', 'evil2', 'evil3']);
    expect(ids(index, message('12345x'))).toEqual(['digits', 'evil4']);
  });

  it('never runs a pattern RE2 cannot run, and says why at save time', () => {
    expect(messagePattern('(\\w+) \\1')).toBeUndefined();
    expect(messagePattern('foo(?=bar)')).toBeUndefined();
    expect(messagePattern('[unclosed')).toBeUndefined();
    expect(messagePattern('^(yes|no)$')?.test('YES')).toBe(true);
    const index = new TriggerIndex();
    index.apply(record('lookahead', 'trigger.messageCreated', { pattern: 'a(?=b)' }));
    expect(ids(index, message('ab'))).toEqual([]);
  });

  it('matches buttons by prefix, commands by name and reactions by filters', () => {
    const index = new TriggerIndex();
    index.apply(record('tickets', 'trigger.buttonClicked', { customIdPrefix: 'ticket:' }));
    index.apply(record('warn', 'trigger.slashCommand', { name: 'warn', description: 'Warn' }));
    index.apply(record('stars', 'trigger.reactionAdded', { emoji: '⭐' }));
    const interaction = { id: 'i', token: 't' };
    const base = { guildId: GUILD, eventId: 'e', channelId: '100', interaction };
    expect(
      ids(index, {
        ...base,
        kind: 'buttonClicked',
        user: carol,
        messageId: 'm',
        customId: 'ticket:open',
      }),
    ).toEqual(['tickets']);
    expect(
      ids(index, {
        ...base,
        kind: 'buttonClicked',
        user: carol,
        messageId: 'm',
        customId: 'enter',
      }),
    ).toEqual([]);
    expect(
      index.match({
        ...base,
        kind: 'slashCommand',
        user: carol,
        command: 'warn',
        options: { reason: 'spam' },
      })[0]?.payload,
    ).toEqual({
      user: carol,
      channelId: '100',
      command: 'warn',
      options: { reason: 'spam' },
    });
    expect(
      ids(index, { ...base, kind: 'slashCommand', user: carol, command: 'ban', options: {} }),
    ).toEqual([]);
    const reaction = {
      kind: 'reactionAdded',
      eventId: 'r',
      guildId: GUILD,
      channelId: '100',
      messageId: 'm',
      user: { ...carol, bot: false },
    } as const;
    expect(ids(index, { ...reaction, emoji: '⭐' })).toEqual(['stars']);
    expect(ids(index, { ...reaction, emoji: '👍' })).toEqual([]);
    expect(ids(index, { ...reaction, emoji: '⭐', user: { ...carol, bot: true } })).toEqual([]);
  });

  it('replaces a graph on republish, follows rollbacks, ignores stale records and drops disabled graphs', () => {
    const index = new TriggerIndex();
    const v1 = record('g', 'trigger.memberJoined');
    const v2 = record('g', 'trigger.memberLeft', {}, { version: 2 });
    expect(index.apply(v1)).toBe(true);
    expect(index.apply(v1)).toBe(false);
    expect(index.apply(v2)).toBe(true);
    expect(index.apply(v1)).toBe(false); // older than v2: a late poll must not undo the publish
    expect(ids(index, join(3))).toEqual([]);
    expect(index.match({ ...join(3), kind: 'memberLeft' } as RouterEvent)[0]?.version).toBe(2);
    index.apply(record('g', 'trigger.memberJoined', {}, { version: 1 })); // rollback
    expect(index.match(join(3))[0]?.version).toBe(1);
    expect(index.apply(record('g', 'trigger.memberJoined', {}, { active: false }))).toBe(true);
    expect(index.size).toBe(0);
    expect(index.match(join(3))).toEqual([]);
    expect(index.triggersOf(GUILD)).toEqual([]);
  });

  it('holds 10,000 guilds × 5 graphs and finds exactly the matching ones', () => {
    const index = new TriggerIndex();
    const types = [
      'trigger.memberJoined',
      'trigger.memberLeft',
      'trigger.messageCreated',
      'trigger.slashCommand',
      'trigger.buttonClicked',
    ];
    for (let g = 0; g < 10_000; g++)
      for (const [i, type] of types.entries())
        index.apply({
          ...record(`g${g}_${i}`, type, {
            name: `cmd${i}`,
            customIdPrefix: 'x',
            contains: 'hello',
          }),
          guildId: `guild${g}`,
        });
    expect(index.size).toBe(50_000);
    expect(ids(index, join(5, 'guild4242'))).toEqual(['g4242_0']);
    expect(ids(index, { ...message('say hello'), guildId: 'guild17' })).toEqual(['g17_2']);
    expect(ids(index, { ...message('nothing'), guildId: 'guild17' })).toEqual([]);
    expect(ids(index, join(5, 'unknown-guild'))).toEqual([]);
  });
});
