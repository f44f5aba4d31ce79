import { getNodeType } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { SANDBOX_GUILD } from '../../config/testing/fixtures.js';
import { samplePayload, weekAt } from './sample-payload.js';

describe('test run payloads', () => {
  it('fill a member join with one of the server’s members and the server itself', () => {
    const payload = samplePayload(getNodeType('trigger.memberJoined')?.output, SANDBOX_GUILD) as {
      member: { id: string; mention: string };
      guild: { id: string };
    };
    const first = SANDBOX_GUILD.members[0]!;
    expect(payload.member).toEqual({
      id: first.id,
      username: first.username,
      mention: `<@${first.id}>`,
    });
    expect(payload.guild.id).toBe(SANDBOX_GUILD.guild.id);
  });

  it('put a text channel and words into a posted message', () => {
    const payload = samplePayload(getNodeType('trigger.messageCreated')?.output, SANDBOX_GUILD) as {
      message: { channelId: string; content: string };
      author: { id: string };
    };
    const channel = SANDBOX_GUILD.channels.find((c) => c.type === 0)!;
    expect(payload.message.channelId).toBe(channel.id);
    expect(payload.message.content).toBe('Hello from a test run');
    expect(payload.author.id).toBe(SANDBOX_GUILD.members[0]!.id);
  });

  it('say what a week becomes', () => {
    expect(weekAt(1)).toBe('7 days');
    expect(weekAt(3600)).toBe('2 min 48 s');
    expect(weekAt(10_000)).toBe('1 min');
  });
});
