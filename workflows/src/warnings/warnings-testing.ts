/**
 * Test helpers shared by the warnings and auto-moderation tests: run a slash command graph as a
 * sandbox member, read and write the `warnings.list` contract in the store, read embeds.
 */
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { expect } from 'vitest';
import type { InstalledGraph, TemplateHarness } from '../testing/template-harness.js';

const { guild, channels } = SANDBOX_IDS;

/** One entry of the shared member key `warnings.list`. */
export interface Warning {
  id: string;
  reason: string;
  by: string;
  at: string;
  until: string;
}

/** An embed as the sandbox shows it (the fields the tests read). */
export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
}

/** A trigger payload user for a sandbox member, with their current roles. */
export function payloadUser(h: TemplateHarness, id: string) {
  const member = h.sandbox.member(guild, id);
  return { id, username: member.username, mention: `<@${id}>`, roles: member.roles };
}

/**
 * Runs a slash command graph as `userId` the way the router would (a deferred ephemeral
 * interaction, then the run); answers the replies the user got, text and embeds.
 */
export async function command(
  h: TemplateHarness,
  graph: InstalledGraph,
  userId: string,
  name: string,
  options: Record<string, unknown>,
): Promise<{ content: string; embeds: Embed[]; ephemeral: boolean }[]> {
  const interaction = await h.slashCommand(userId, name, options);
  const user = payloadUser(h, userId);
  const run = await h.start(
    graph,
    {
      type: 'trigger.slashCommand',
      payload: { user, channelId: channels.general, command: name, options },
    },
    { interaction },
  );
  const result = await run.result();
  expect(result.status, JSON.stringify(result)).toBe('completed');
  return h.sandbox
    .messages({ channelId: channels.general })
    .filter((m) => m.interactionId === interaction.id)
    .map((m) => ({ content: m.content, embeds: m.embeds as Embed[], ephemeral: m.ephemeral }));
}

/** The embeds posted in the mod-log, oldest first. */
export function modLog(h: TemplateHarness): Embed[] {
  return h.sandbox.messages({ channelId: channels.modLog }).flatMap((m) => m.embeds as Embed[]);
}

/** A member's stored `warnings.list` (expired entries included), or null. */
export async function storedWarnings(
  h: TemplateHarness,
  memberId: string,
): Promise<Warning[] | null> {
  const record = await h.service.store.dataKeys
    .findOne({ guildId: guild, scope: 'member', memberId, key: 'warnings.list' })
    .lean();
  return typeof record?.json === 'string' ? (JSON.parse(record.json) as Warning[]) : null;
}

/** Writes a member's `warnings.list` directly (e.g. an entry that has already expired). */
export async function writeWarnings(
  h: TemplateHarness,
  memberId: string,
  list: Warning[],
): Promise<void> {
  await h.service.store.dataKeys.updateOne(
    { guildId: guild, scope: 'member', memberId, key: 'warnings.list' },
    { $set: { json: JSON.stringify(list), updatedAt: new Date(), expiresAt: null } },
    { upsert: true },
  );
}

/** A warning given `agoMs` ago that lasts `forMs` (negative remaining time: already expired). */
export function warning(
  id: string,
  reason: string,
  by: string,
  agoMs: number,
  forMs: number,
): Warning {
  const at = Date.now() - agoMs;
  return {
    id,
    reason,
    by,
    at: new Date(at).toISOString(),
    until: new Date(at + forMs).toISOString(),
  };
}
