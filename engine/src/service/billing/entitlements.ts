import { Cron } from 'croner';
import { parseDuration, type GraphDocument } from '../../core/index.js';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { triggerConfigOf } from '../router/router-activation.js';
import { openStore, type GraphRecord, type Store } from '../storage/index.js';
import { PUBLISHED, readGuildPlan } from './billing-state.js';
import { billingNow, billingOf } from './billing-settings.js';
import { settleGrace } from './downgrade.js';
import { PLANS, type Limits, type PlanId } from './plans.js';

/** What publishing asks before a graph goes live (billing on only). */
export interface PublishEntitlements {
  /** Throws 402 `plan_limit` when going live with `document` is beyond the guild's plan. */
  check(graph: GraphRecord, document: GraphDocument): Promise<void>;
}

/**
 * The publish-time limits of the guild's plan — published graphs and the schedule interval —
 * or undefined when billing is off (self-hosted: no limits).
 *
 * @example
 * await publishEntitlements(deps, store)?.check(graph, draftOf(graph)); // 402 past the limit
 */
export function publishEntitlements(
  deps: ServiceDeps,
  store: Store,
): PublishEntitlements | undefined {
  const settings = billingOf(deps);
  if (!settings) return undefined;
  return {
    async check(graph, document) {
      const now = billingNow(settings);
      await settleGrace(deps, store, graph.guildId, now);
      const { plan, limits } = await readGuildPlan(store, graph.guildId, now);
      const max = limits.publishedGraphs;
      if (max !== null) {
        // A graph that is live already (a new version, a rollback) does not count twice.
        const others = await store.graphs.countDocuments({
          guildId: graph.guildId,
          ...PUBLISHED,
          _id: { $ne: graph._id },
        });
        if (others >= max)
          throw planLimit(
            plan,
            `${PLANS[plan].name} allows ${max} published graph(s) and this server has ${others}. Disable or delete one of them, or upgrade the plan (Billing), then publish again.`,
            { limit: 'publishedGraphs', allowed: max, used: others },
          );
      }
      const every = scheduleIntervalMs(graph, document);
      if (every !== undefined && every < limits.minScheduleIntervalSeconds * 1000)
        throw planLimit(
          plan,
          `${PLANS[plan].name} runs schedules at most every ${describe(limits.minScheduleIntervalSeconds)}, and this schedule repeats every ${describe(every / 1000)}. Choose a longer interval, or upgrade the plan (Billing).`,
          { limit: 'minScheduleIntervalSeconds', allowed: limits.minScheduleIntervalSeconds },
        );
    },
  };
}

/**
 * Throws 402 `plan_limit` when a test run's `timeScale` is above the guild's plan (billing on).
 * Refused rather than clamped: a run that silently waits 60× longer than asked looks hung.
 */
export async function checkTimeCompression(
  deps: ServiceDeps,
  store: Store,
  guildId: string,
  timeScale: number | undefined,
): Promise<void> {
  const settings = billingOf(deps);
  if (!settings || timeScale === undefined) return;
  const { plan, limits } = await readGuildPlan(store, guildId, billingNow(settings));
  if (timeScale > limits.maxTimeCompression)
    throw planLimit(
      plan,
      `${PLANS[plan].name} compresses test runs at most ${limits.maxTimeCompression}×; this run asks for ${timeScale}×. Use a timeScale up to ${limits.maxTimeCompression}, or upgrade the plan (Billing).`,
      { limit: 'maxTimeCompression', allowed: limits.maxTimeCompression },
    );
}

/** The guild's run-list horizon (billing on): runs started before it are not listed. */
export async function retentionStart(
  deps: ServiceDeps,
  guildId: string,
): Promise<Date | undefined> {
  const settings = billingOf(deps);
  if (!settings) return undefined;
  const now = billingNow(settings);
  const { limits } = await readGuildPlan(await openStore(deps.mongo), guildId, now);
  return new Date(now.getTime() - limits.runRetentionDays * 24 * 60 * 60_000);
}

/** 402 `plan_limit`: what the plan allows and what to do. */
export function planLimit(
  plan: PlanId,
  message: string,
  detail: { limit: keyof Limits; allowed: number; used?: number },
): ApiError {
  return new ApiError(402, 'plan_limit', message, [
    { path: detail.limit, message: `plan ${plan} allows ${detail.allowed}` },
  ]);
}

/**
 * The shortest gap between runs of a schedule trigger, in ms: its interval, or the smallest gap
 * between the next occurrences of its cron; undefined for other triggers and one-shot dates.
 */
function scheduleIntervalMs(graph: GraphRecord, document: GraphDocument): number | undefined {
  let trigger: { type: string; config: Record<string, unknown> };
  try {
    trigger = triggerConfigOf({ graphId: graph._id, guildId: graph.guildId, version: 0, document });
  } catch {
    return undefined;
  }
  if (trigger.type !== 'trigger.schedule') return undefined;
  const { interval, cron, timezone } = trigger.config;
  if (typeof interval === 'string' && interval !== '') return parseDuration(interval);
  if (typeof cron !== 'string' || cron === '') return undefined;
  const runs = new Cron(cron.trim(), {
    mode: '5-part',
    domAndDow: true,
    ...(typeof timezone === 'string' && timezone ? { timezone } : {}),
  }).nextRuns(25, new Date(Date.UTC(2001, 0, 1)));
  let gap: number | undefined;
  for (let i = 1; i < runs.length; i++) {
    const d = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    gap = gap === undefined ? d : Math.min(gap, d);
  }
  return gap;
}

function describe(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
