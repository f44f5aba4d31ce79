import { parseDuration } from '../../core/duration.js';
import type { WaitEvent } from '../contract.js';
import { LOCAL_DISCORD_SINCE } from '../node-execution.js';
import type { ControlHandler } from './types.js';

/**
 * Fixes a wait's deadline when its node first starts, registering the wait with `register`.
 * Before interpreter v4: the workflow's clock plus the duration, set before the activity (as
 * those runs' histories were recorded). From v4 the activity that registers the wait decides it
 * (`durationMs` from its own clock): Discord actions are local activities, and the workflow's
 * clock lags them within a workflow task (measured ~0.1 s, more on a loaded worker), so a
 * window measured from `Date.now()` here would close that much early.
 */
async function fixDeadline(
  ctx: {
    input: { interpreterVersion?: number | undefined };
    run: { deadline?: number | undefined };
  },
  durationMs: number,
  register: (at: string, durationMs?: number) => Promise<string | undefined>,
): Promise<number> {
  if ((ctx.input.interpreterVersion ?? 1) < LOCAL_DISCORD_SINCE) {
    const deadline = Date.now() + durationMs;
    ctx.run.deadline = deadline;
    await register(new Date(deadline).toISOString());
    return deadline;
  }
  const answered = await register(new Date(Date.now() + durationMs).toISOString(), durationMs);
  const at = answered === undefined ? Number.NaN : Date.parse(answered);
  // After the activity returned, the workflow's clock is current again.
  const deadline = Number.isNaN(at) ? Date.now() + durationMs : at;
  ctx.run.deadline = deadline;
  return deadline;
}

/**
 * `flow.waitFor`: registers a wait with the engine (the trigger router signals the run when the
 * click, reaction or reply comes), then waits for it or the timeout.
 */
export const waitForNode: ControlHandler<'flow.waitFor'> = async (ctx) => {
  const { config, run } = ctx;
  run.waitId ??= `${ctx.workflowId}:${run.seq}`;
  const waitId = run.waitId;
  const timeoutMs = ctx.scaled(parseDuration(String(config.timeout)));
  const deadline =
    run.deadline ??
    (await fixDeadline(ctx, timeoutMs, async (at, durationMs) => {
      const registered = await ctx.engine['engine.registerWait']({
        waitId,
        workflowId: ctx.workflowId,
        guildId: ctx.input.graph.guildId,
        event: config.event,
        messageId: String(config.messageId),
        ...(config.customId ? { customId: String(config.customId) } : {}),
        ...(config.userId ? { userId: String(config.userId) } : {}),
        // Only when set: waits registered without it send what they always sent.
        ...(config.roleId ? { roleId: String(config.roleId) } : {}),
        expiresAt: at,
        ...(durationMs === undefined ? {} : { durationMs }),
      });
      return registered?.expiresAt;
    }));
  ctx.markWaiting({
    deadline,
    from: deadline - timeoutMs,
    for: 'event',
    event: {
      type: config.event,
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.userId ? { userId: String(config.userId) } : {}),
    },
  });
  const received = await ctx.wait(deadline, () => ctx.state.events[waitId] !== undefined);
  await ctx.engine['engine.clearWait']({ waitId });
  const event: WaitEvent | undefined = ctx.state.events[waitId];
  delete ctx.state.events[waitId];
  if (!received || !event) return { ports: ['timeout'], output: {} };
  const { waitId: _id, ...output } = event;
  return { ports: ['received'], output };
};

/**
 * `flow.collect`: opens a collection window (the engine stores every click or reaction on the
 * message as one entry per user — never a signal per click), waits for it to close, then reads
 * the entries. With `endCustomId` it also registers a wait for that button (by a member with
 * `endRoleId`, routed like `flow.waitFor`'s): the click closes the window early. Only graphs
 * that set `endCustomId`, `roleId` or `bonusEntries` send anything new, so runs of older graphs
 * replay exactly as recorded.
 */
export const collectNode: ControlHandler<'flow.collect'> = async (ctx) => {
  const { config, run } = ctx;
  run.waitId ??= `${ctx.workflowId}:${run.seq}`;
  const collectId = run.waitId;
  const endWaitId = `${collectId}:end`;
  const endCustomId = config.endCustomId ? String(config.endCustomId) : undefined;
  const windowMs = ctx.scaled(parseDuration(String(config.duration)));
  const deadline =
    run.deadline ??
    (await fixDeadline(ctx, windowMs, async (at, durationMs) => {
      const opened = await ctx.engine['engine.openCollect']({
        collectId,
        workflowId: ctx.workflowId,
        guildId: ctx.input.graph.guildId,
        messageId: String(config.messageId),
        ...(config.customId ? { customId: String(config.customId) } : {}),
        ...(config.emoji ? { emoji: String(config.emoji) } : {}),
        ...(config.roleId ? { roleId: String(config.roleId) } : {}),
        closesAt: at,
        ...(durationMs === undefined ? {} : { durationMs }),
      });
      const closesAt = opened?.closesAt ?? at;
      // The end button's wait lasts exactly as long as the window (no durationMs: its end is given).
      if (endCustomId)
        await ctx.engine['engine.registerWait']({
          waitId: endWaitId,
          workflowId: ctx.workflowId,
          guildId: ctx.input.graph.guildId,
          event: 'button',
          messageId: String(config.messageId),
          customId: endCustomId,
          ...(config.endRoleId ? { roleId: String(config.endRoleId) } : {}),
          expiresAt: closesAt,
        });
      return closesAt;
    }));
  ctx.markWaiting({
    deadline,
    from: deadline - windowMs,
    for: 'collect',
    event: {
      type: config.emoji ? 'reaction' : 'button',
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.emoji ? { emoji: String(config.emoji) } : {}),
    },
  });
  if (!endCustomId) {
    await ctx.wait(deadline);
    const collected = await ctx.engine['engine.readCollected']({
      collectId,
      ...(config.bonusEntries ? { bonusEntries: bonusRules(config.bonusEntries) } : {}),
    });
    return { ports: ['out'], output: collected };
  }
  const ended = await ctx.wait(deadline, () => ctx.state.events[endWaitId] !== undefined);
  await ctx.engine['engine.clearWait']({ waitId: endWaitId });
  const event: WaitEvent | undefined = ctx.state.events[endWaitId];
  delete ctx.state.events[endWaitId];
  const collected = await ctx.engine['engine.readCollected']({
    collectId,
    ...(ended ? { close: true } : {}),
    ...(config.bonusEntries ? { bonusEntries: bonusRules(config.bonusEntries) } : {}),
  });
  const by = ended ? event?.user : undefined;
  return {
    ports: ['out'],
    output: {
      ...collected,
      ...(by
        ? {
            endedBy: {
              id: by.id,
              username: by.username ?? '',
              mention: by.mention ?? `<@${by.id}>`,
            },
          }
        : {}),
    },
  };
};

/** The rendered `bonusEntries` as the store reads them (ids as text, entries as numbers). */
function bonusRules(rules: readonly { roleId: unknown; extraEntries: unknown }[]) {
  return rules.map((rule) => ({
    roleId: String(rule.roleId),
    extraEntries: Number(rule.extraEntries),
  }));
}
