import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTemplateHarness, type InstalledTemplate } from '../testing/template-harness.js';
import { command, modLog, storedWarnings, warning, writeWarnings } from './warnings-testing.js';

const { channels, users, roles } = SANDBOX_IDS;
const vars = { moderatorRoleId: roles.moderator, modLogChannelId: channels.modLog };
const DAY = 86_400_000;

describe('warnings template: /warnings and /unwarn on Temporal against the sandbox', () => {
  const h = useTemplateHarness();
  let installed: InstalledTemplate;
  beforeEach(async () => {
    await h.service.store.dataKeys.deleteMany({});
    installed ??= await h.install('warnings', vars);
  });
  const list = (by: string, user?: string) =>
    command(h, installed.graphs['Warnings: /warnings']!, by, 'warnings', user ? { user } : {});
  const unwarn = (by: string, user: string, id?: string) =>
    command(h, installed.graphs['Warnings: /unwarn']!, by, 'unwarn', {
      user,
      ...(id ? { id } : {}),
    });

  it('lists the active warnings, newest first, only to the one asking', async () => {
    await writeWarnings(h, users.frank, [
      warning('1', 'expired long ago', users.alice, 40 * DAY, 30 * DAY),
      warning('2', 'spam', users.alice, 2 * DAY, 30 * DAY),
      warning('3', 'Auto-moderation: invite link', 'automod', DAY, 30 * DAY),
    ]);
    const [reply] = await list(users.bob, users.frank);
    expect(reply?.ephemeral).toBe(true);
    const embed = reply?.embeds[0];
    expect(embed?.title).toBe('Active warnings: 2');
    const lines = embed?.description?.split('\n') ?? [];
    expect(lines[0]).toBe(`<@${users.frank}>`);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(
        /^\*\*#3\*\* Auto-moderation: invite link · by auto-moderation <t:\d+:R> · expires <t:\d+:R>$/,
      ),
      expect.stringMatching(
        new RegExp(`^\\*\\*#2\\*\\* spam · by <@${users.alice}> <t:\\d+:R> · expires <t:\\d+:R>$`),
      ),
    ]);
    expect(embed?.description).not.toContain('expired long ago');
  });

  it('says when there are none, shows members their own, and refuses them anyone else', async () => {
    expect((await list(users.alice, users.dave)).map((r) => r.content)).toEqual([
      `<@${users.dave}> has no active warnings.`,
    ]);
    await writeWarnings(h, users.carol, [warning('1', 'off-topic', users.alice, DAY, 30 * DAY)]);
    const [own] = await list(users.carol);
    expect(own?.embeds[0]?.title).toBe('Active warnings: 1');
    expect((await list(users.carol, users.frank)).map((r) => r.content)).toEqual([
      "Only moderators can look at another member's warnings. Use /warnings without a user to see your own.",
    ]);
  });

  it('removes the newest warning, or the one named, and logs it', async () => {
    await writeWarnings(h, users.frank, [
      warning('4', 'first', users.alice, 3 * DAY, 30 * DAY),
      warning('5', 'second', users.bob, 2 * DAY, 30 * DAY),
      warning('6', 'third', 'automod', DAY, 30 * DAY),
    ]);
    expect((await unwarn(users.alice, users.frank, '#4')).map((r) => r.content)).toEqual([
      `✅ Removed warning #4 (first) from <@${users.frank}>. Active warnings left: 2.`,
    ]);
    expect((await unwarn(users.alice, users.frank)).map((r) => r.content)).toEqual([
      `✅ Removed warning #6 (third) from <@${users.frank}>. Active warnings left: 1.`,
    ]);
    expect((await storedWarnings(h, users.frank))?.map((w) => w.id)).toEqual(['5']);
    const log = modLog(h);
    expect(log.map((e) => e.title)).toEqual(['✅ Warning #4 removed', '✅ Warning #6 removed']);
    expect(log[1]?.fields?.map((f) => [f.name, f.value.replace(/\d{9,}/g, 'N')])).toEqual([
      ['Reason', 'third'],
      ['Given by', 'auto-moderation <t:N:R>'],
      ['Active warnings left', '1'],
    ]);
  });

  it('/unwarn with no warnings (or an unknown id) says so and logs nothing; non-moderators are refused', async () => {
    expect((await unwarn(users.alice, users.dave)).map((r) => r.content)).toEqual([
      `<@${users.dave}> has no active warnings.`,
    ]);
    await writeWarnings(h, users.dave, [warning('1', 'old', users.alice, 31 * DAY, 30 * DAY)]);
    expect((await unwarn(users.alice, users.dave, '1')).map((r) => r.content)).toEqual([
      `No active warning #1 for <@${users.dave}>.`,
    ]);
    expect((await unwarn(users.carol, users.dave)).map((r) => r.content)).toEqual([
      `Only members with the <@&${roles.moderator}> role can use /unwarn.`,
    ]);
    expect(modLog(h)).toEqual([]);
  });
});
