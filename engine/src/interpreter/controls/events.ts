import { parseDuration } from '../../core/duration.js';
import type { WaitEvent } from '../contract.js';
import type { ControlHandler } from './types.js';

/**
 * `flow.waitFor`: registers a wait with the engine (the trigger router signals the run when the
 * click, reaction or reply comes), then waits for it or the timeout.
 */
export const waitForNode: ControlHandler<'flow.waitFor'> = async (ctx) => {
  const { config, run } = ctx;
  run.waitId ??= `${ctx.workflowId}:${run.seq}`;
  const waitId = run.waitId;
  if (run.deadline === undefined) {
    run.deadline = Date.now() + ctx.scaled(parseDuration(String(config.timeout)));
    await ctx.engine['engine.registerWait']({
      waitId,
      workflowId: ctx.workflowId,
      guildId: ctx.input.graph.guildId,
      event: config.event,
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.userId ? { userId: String(config.userId) } : {}),
      expiresAt: new Date(run.deadline).toISOString(),
    });
  }
  ctx.markWaiting({
    deadline: run.deadline,
    for: 'event',
    event: {
      type: config.event,
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.userId ? { userId: String(config.userId) } : {}),
    },
  });
  const received = await ctx.wait(run.deadline, () => ctx.state.events[waitId] !== undefined);
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
  if (run.deadline === undefined) {
    run.deadline = Date.now() + ctx.scaled(parseDuration(String(config.duration)));
    await ctx.engine['engine.openCollect']({
      collectId,
      workflowId: ctx.workflowId,
      guildId: ctx.input.graph.guildId,
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.emoji ? { emoji: String(config.emoji) } : {}),
      closesAt: new Date(run.deadline).toISOString(),
    });
  }
  ctx.markWaiting({
    deadline: run.deadline,
    for: 'collect',
    event: {
      type: config.emoji ? 'reaction' : 'button',
      messageId: String(config.messageId),
      ...(config.customId ? { customId: String(config.customId) } : {}),
      ...(config.emoji ? { emoji: String(config.emoji) } : {}),
    },
  });
  await ctx.wait(run.deadline);
  const collected = await ctx.engine['engine.readCollected']({ collectId });
  return { ports: ['out'], output: collected };
};
