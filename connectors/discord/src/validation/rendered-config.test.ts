import { getNodeType, type NodeDeclaration } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { renderedConfigIssues, validateRenderedConfig } from './rendered-config.js';

const node = (type: string) => getNodeType(type) as NodeDeclaration;

describe('rendered config checks', () => {
  it('accepts a valid rendered config and returns it', () => {
    const config = { channelId: '1300000000000000100', content: 'Hi' };
    expect(validateRenderedConfig(node('discord.sendMessage'), config)).toBe(config);
  });

  it('lists every problem with readable paths', () => {
    expect(
      renderedConfigIssues(node('discord.sendMessage'), {
        channelId: 'general',
        content: '',
        embeds: [{ title: 't'.repeat(257) }],
      }),
    ).toEqual([
      { path: 'channelId', message: 'channelId has an invalid format' },
      { path: 'content', message: 'content is empty' },
      {
        path: 'embeds[0].title',
        message: 'title is 257 characters long; Discord allows at most 256',
      },
    ]);
  });

  it('refuses ids, numbers and durations that are still expressions', () => {
    expect(
      renderedConfigIssues(node('discord.banMember'), {
        userId: '{{ trigger.author.id }}',
        deleteMessageSeconds: '{{ vars.seconds }}',
      }),
    ).toEqual([
      {
        path: 'userId',
        message: 'userId is still an expression ({{ trigger.author.id }}) after rendering',
      },
      {
        path: 'deleteMessageSeconds',
        message: 'deleteMessageSeconds is still an expression ({{ vars.seconds }}) after rendering',
      },
    ]);
    // Text fields may contain braces typed by members: that is data.
    expect(renderedConfigIssues(node('discord.reply'), { content: 'he wrote {{ x }}' })).toEqual(
      [],
    );
  });

  it('applies the declarations’ cross-field checks to rendered values', () => {
    expect(
      renderedConfigIssues(node('discord.timeoutMember'), { userId: '1', duration: '30d' }),
    ).toEqual([{ path: 'duration', message: 'A timeout lasts at most 28 days.' }]);
    expect(
      renderedConfigIssues(node('discord.sendMessage'), {
        channelId: '1',
        content: 'x',
        buttons: [
          { label: 'a', customId: 'same' },
          { label: 'b', customId: 'same' },
        ],
      }),
    ).toEqual([
      { path: 'buttons[1].customId', message: 'Custom id "same" is used twice in this message.' },
    ]);
  });
});
