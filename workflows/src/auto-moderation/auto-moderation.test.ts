import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { validateGraph } from '@guildflow/engine/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantiateAll } from '../index.js';
import { useTemplateHarness, type InstalledTemplate } from '../testing/template-harness.js';
import { command, modLog, payloadUser, storedWarnings } from '../warnings/warnings-testing.js';
import { autoModeration } from './index.js';

const { channels, users, roles, guild } = SANDBOX_IDS;
const vars = {
  modLogChannelId: channels.modLog,
  exemptRoleIds: [roles.moderator],
  exemptChannelIds: [channels.giveaways],
  bannedWords: ['Scam', 'spoon'],
};

describe('auto-moderation template', () => {
  it('is one valid graph on every message', () => {
    expect(autoModeration.graphs.map((g) => g.nodes[0]?.type)).toEqual(['trigger.messageCreated']);
    for (const doc of instantiateAll('auto-moderation', vars))
      expect(validateGraph(doc)).toEqual([]);
  });

  describe('on Temporal against the sandbox', () => {
    const h = useTemplateHarness();
    let automod: InstalledTemplate;
    beforeEach(async () => {
      await h.service.store.dataKeys.deleteMany({});
      automod ??= await h.install('auto-moderation', { ...vars, repeatWindow: '3s' });
    });

    /** `userId` posts `content` in the sandbox; the graph runs on it. Answers whether it was removed. */
    async function post(userId: string, content: string, channelId: string = channels.general) {
      const { messageId = '' } = h.sandbox.inject({
        type: 'messageCreated',
        guildId: guild,
        channelId,
        userId,
        content,
      });
      const run = await h.start(automod, {
        type: 'trigger.messageCreated',
        payload: {
          message: { id: messageId, channelId, content },
          author: payloadUser(h, userId),
        },
      });
      const result = await run.result();
      expect(result.status, JSON.stringify(result)).toBe('completed');
      const message = h.sandbox
        .messages({ channelId, includeDeleted: true })
        .find((m) => m.id === messageId);
      expect(message, 'the posted message').toBeDefined();
      return message?.deletedAt !== null;
    }
    const reasons = () => modLog(h).map((e) => e.fields?.[0]?.value);

    it('removes a banned word (whole words, any case) and lets other messages through', async () => {
      expect(await post(users.carol, 'hello there, how are you?')).toBe(false);
      expect(await post(users.carol, 'a teaspoon of scamming is fine')).toBe(false);
      expect(await post(users.carol, 'This is a SCAM!!')).toBe(true);
      expect(reasons()).toEqual(['Auto-moderation: banned word ||scam||']);
      const [embed] = modLog(h);
      expect(embed?.title).toBe('🛡️ Message removed: warning #1');
      expect(embed?.description).toBe(`<@${users.carol}> in <#${channels.general}>`);
      expect(embed?.fields?.map((f) => [f.name, f.value])).toEqual([
        ['Reason', 'Auto-moderation: banned word ||scam||'],
        ['Message', 'This is a SCAM!!'],
        ['Active warnings', '1'],
        ['Deleted', 'yes'],
        ['DM', 'sent'],
      ]);
      const [dm] = h.sandbox.messages({ dmUserId: users.carol }).map((m) => m.content);
      expect(dm).toMatch(
        new RegExp(
          `^🛡️ Your message in <#${channels.general}> was removed \\(Auto-moderation: banned word \\|\\|scam\\|\\|\\)\\.\\nIt counts as a warning \\(#1, expires <t:\\d+:R>\\); you have 1 active warning\\(s\\)\\.$`,
        ),
      );
    });

    it('removes invite links, not the word discord', async () => {
      expect(await post(users.dave, 'I like discord.com a lot')).toBe(false);
      expect(await post(users.dave, 'join us: https://discord.gg/AbC123')).toBe(true);
      // Discord refuses this delete: the warning is still recorded and the mod-log says so.
      h.sandbox.faults.add({
        method: 'DELETE',
        path: '/channels/:id/messages/:id',
        kind: 'forbidden',
      });
      expect(await post(users.dave, 'or discord.com/invite/xyz')).toBe(false);
      expect(reasons()).toEqual(['Auto-moderation: invite link', 'Auto-moderation: invite link']);
      expect(modLog(h)[1]?.fields?.find((f) => f.name === 'Deleted')?.value).toMatch(/^no: /);
      expect((await storedWarnings(h, users.dave))?.map((w) => [w.id, w.by])).toEqual([
        ['1', 'automod'],
        ['2', 'automod'],
      ]);
    });

    it('removes messages that are mostly capitals, counting letters only, from a minimum length', async () => {
      expect(await post(users.erin, 'OK LOL')).toBe(false); // under 10 letters
      expect(await post(users.erin, 'Hello World, How Are You Today?')).toBe(false);
      expect(await post(users.erin, 'WHY IS NOBODY ANSWERING 1234567890 !!!')).toBe(true);
      expect(reasons()).toEqual(['Auto-moderation: 100% capitals']);
    });

    it('removes a message repeated 3 times within the window, counting only within it', async () => {
      expect(await post(users.frank, 'buy my stuff')).toBe(false);
      expect(await post(users.frank, 'something else')).toBe(false); // a different text starts over
      expect(await post(users.frank, 'buy my stuff')).toBe(false);
      expect(await post(users.frank, 'Buy my stuff')).toBe(false);
      await sleep(3_200); // the 3-second window closes
      expect(await post(users.frank, 'buy my stuff')).toBe(false); // 1 again
      expect(await post(users.frank, 'buy my stuff')).toBe(false);
      expect(await post(users.frank, 'buy my stuff')).toBe(true);
      expect(reasons()).toEqual(['Auto-moderation: the same message 3 times within 3s']);
    });

    it('does not count messages without text (only attachments) as repeats', async () => {
      for (const id of ['1', '2', '3']) {
        const payload = {
          message: { id: `130000000000009000${id}`, channelId: channels.general, content: '' },
          author: payloadUser(h, users.frank),
        };
        const run = await h.start(automod, { type: 'trigger.messageCreated', payload });
        expect((await run.result()).status).toBe('completed');
      }
      expect(modLog(h)).toEqual([]);
    });

    it('lets exempt roles and exempt channels through', async () => {
      expect(await post(users.alice, 'SCAM discord.gg/abc EVERYTHING IN CAPITALS')).toBe(false);
      expect(await post(users.carol, 'SCAM discord.gg/abc', channels.giveaways)).toBe(false);
      expect(modLog(h)).toEqual([]);
      expect(await storedWarnings(h, users.carol)).toBeNull();
    });

    it('records a warning that /warnings shows', async () => {
      expect(await post(users.carol, 'a spoon')).toBe(true);
      const warnings = await h.install('warnings', {
        moderatorRoleId: roles.moderator,
        modLogChannelId: channels.modLog,
      });
      const [reply] = await command(
        h,
        warnings.graphs['Warnings: /warnings']!,
        users.carol,
        'warnings',
        {},
      );
      expect(reply?.embeds[0]?.title).toBe('Active warnings: 1');
      expect(reply?.embeds[0]?.description).toMatch(
        /\*\*#1\*\* Auto-moderation: banned word \|\|spoon\|\| · by auto-moderation <t:\d+:R>/,
      );
    });
  });
});
