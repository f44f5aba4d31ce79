import { parseDuration } from '../../core/duration.js';
import type { ControlHandler } from './types.js';

/** `flow.delay`: a durable timer for a duration or until a date, divided by the run's timeScale. */
export const delayNode: ControlHandler<'flow.delay'> = async (ctx) => {
  if (ctx.run.deadline === undefined) {
    const now = Date.now();
    if (ctx.config.until !== undefined && ctx.config.until !== '') {
      const until = Date.parse(String(ctx.config.until));
      if (Number.isNaN(until))
        throw new Error(`"until" is not a date: ${String(ctx.config.until)}`);
      ctx.run.deadline = now + ctx.scaled(Math.max(0, until - now));
    } else {
      ctx.run.deadline = now + ctx.scaled(parseDuration(String(ctx.config.duration)));
    }
  }
  ctx.markWaiting({ deadline: ctx.run.deadline, for: 'delay' });
  await ctx.wait(ctx.run.deadline);
  return { ports: ['out'], output: { resumedAt: new Date().toISOString() } };
};
