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
 * the entries.
 */
export const collectNode: ControlHandler<'flow.collect'> = async (ctx) => {
  const { config, run } = ctx;
  run.waitId ??= `${ctx.workflowId}:${run.seq}`;
  const collectId = run.waitId;
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
        closesAt: at,
        ...(durationMs === undefined ? {} : { durationMs }),
      });
      return opened?.closesAt;
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
  await ctx.wait(deadline);
  const collected = await ctx.engine['engine.readCollected']({ collectId });
  return { ports: ['out'], output: collected };
};
