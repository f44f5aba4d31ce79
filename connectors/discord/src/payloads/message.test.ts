import { describe, expect, it } from 'vitest';
import { buttonRows, colorOf, emojiOf, messageBody, reactionEmoji, toApiEmbed } from './message.js';
import { messageNonce } from './nonce.js';

describe('message payloads', () => {
  it('leaves absent fields out (edits keep them) and turns [] into a removal', () => {
    const mentions = { parse: ['users'] };
    expect(messageBody({ content: 'Hi' })).toEqual({ content: 'Hi', allowed_mentions: mentions });
    expect(messageBody({ buttons: [], embeds: [] })).toEqual({
      components: [],
      embeds: [],
      allowed_mentions: mentions,
    });
  });

  it('never lets rendered text ping @everyone or @here', () => {
    expect(messageBody({ content: '@everyone free nitro' }).allowed_mentions.parse).not.toContain(
      'everyone',
    );
  });

  it('pings only the roles the node lists (each once)', () => {
    expect(messageBody({ content: '<@&1>' }).allowed_mentions).toEqual({ parse: ['users'] });
    expect(
      messageBody({ content: '<@&1>', allowedRoleMentions: ['1', '2', '1'] }).allowed_mentions,
    ).toEqual({ parse: ['users'], roles: ['1', '2'] });
  });

  it('flattens embeds into Discord embed objects', () => {
    expect(
      toApiEmbed({
        title: 'T',
        color: '#5865F2',
        author: { name: 'A', iconUrl: 'https://x/a.png' },
        fields: [{ name: 'n', value: 'v', inline: true }],
        imageUrl: 'https://x/i.png',
        thumbnailUrl: 'https://x/t.png',
        footer: { text: 'f', iconUrl: 'https://x/f.png' },
        timestamp: '2025-12-24T18:00:00Z',
      }),
    ).toEqual({
      title: 'T',
      color: 0x5865f2,
      author: { name: 'A', icon_url: 'https://x/a.png' },
      fields: [{ name: 'n', value: 'v', inline: true }],
      image: { url: 'https://x/i.png' },
      thumbnail: { url: 'https://x/t.png' },
      footer: { text: 'f', icon_url: 'https://x/f.png' },
      timestamp: '2025-12-24T18:00:00.000Z',
    });
    expect(colorOf(255)).toBe(255);
  });

  it('puts buttons in rows of five in order, or in their row; link buttons carry the url', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ label: `b${i}`, customId: `c${i}` }));
    expect(buttonRows(seven).map((r) => r.components.length)).toEqual([5, 2]);
    const rows = buttonRows([
      { label: 'Late', customId: 'late', row: 3 },
      { label: 'Docs', style: 'link', url: 'https://example.com', emoji: '📖' },
      { label: 'No', customId: 'no', style: 'danger', disabled: true, emoji: '<:nope:123>' },
    ]);
    expect(rows).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: 'Docs', url: 'https://example.com', emoji: { name: '📖' } },
          {
            type: 2,
            style: 4,
            label: 'No',
            custom_id: 'no',
            disabled: true,
            emoji: { name: 'nope', id: '123' },
          },
        ],
      },
      { type: 1, components: [{ type: 2, style: 1, label: 'Late', custom_id: 'late' }] },
    ]);
  });

  it('encodes reaction emojis for the route', () => {
    expect(reactionEmoji('🎉')).toBe(encodeURIComponent('🎉'));
    expect(reactionEmoji('party:123')).toBe('party%3A123');
    expect(reactionEmoji('<a:dance:456>')).toBe('dance%3A456');
    expect(emojiOf('<a:dance:456>')).toEqual({ name: 'dance', id: '456', animated: true });
  });

  it('derives a stable 25-character nonce per idempotency key', () => {
    const a = messageNonce('run-1:greet');
    expect(a).toHaveLength(25);
    expect(messageNonce('run-1:greet')).toBe(a);
    expect(messageNonce('run-1:greet:loop#2')).not.toBe(a);
  });
});
