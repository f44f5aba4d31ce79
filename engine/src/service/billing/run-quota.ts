import { log, messageOf } from '../log.js';
import { withKeyLock, type GuildRecord, type Store } from '../storage/index.js';
import { effectivePlan, periodOf, usageId, type Period } from './billing-state.js';
import { PLANS, type PlanId } from './plans.js';

/** Options of {@link RunQuota}. */
export interface RunQuotaOptions {
  /**
   * Posts the month's one over-quota notice to the guild (the gateway posts it to the guild's
   * system channel). A failure is logged; the notice is not tried again that month. Without it,
   * refusing sends no notice and leaves the month's notice to a quota that has one.
   */
  notify?: ((guildId: string, message: string) => Promise<void>) | undefined;
  /** The clock (default `Date.now`); tests move it. */
  now?: (() => number) | undefined;
  /** How long a guild's plan and count are trusted without reading the store (default 10 s). */
  cacheMs?: number | undefined;
}

interface Entry {
  period: string;
  plan: PlanId;
  limit: number | null;
  runs: number;
  readAt: number;
}

/**
 * The monthly run quota where runs start (the trigger router; billing on only). `admit` answers
 * from a short per-guild cache — the hot path reads the store at most once per guild per
 * `cacheMs` — and `counted` adds started runs with one atomic `$inc` on the guild's document of
 * the month, whose answer updates the cache at once. Refusing happens only before a run starts:
 * nothing already running is cut off. Concurrent routers may overshoot by the runs they start
 * within one cache period.
 *
 * @example
 * if (await quota.admit(guildId)) { const started = await startRuns(); await quota.counted(guildId, started); }
 */
export class RunQuota {
  private readonly cache = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly cacheMs: number;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly options: RunQuotaOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.cacheMs = options.cacheMs ?? 10_000;
  }

  /** False when the guild used its month's runs: start nothing (the notice goes out once). */
  async admit(guildId: string): Promise<boolean> {
    const entry = await this.entry(guildId);
    if (entry.limit === null || entry.runs < entry.limit) return true;
    await this.notice(guildId, entry);
    return false;
  }

  /** Counts `runs` started runs of the guild in this month. */
  async counted(guildId: string, runs: number): Promise<void> {
    if (runs <= 0) return;
    const period = periodOf(new Date(this.now()));
    const store = await this.store();
    // Serialised in the process: the embedded store's $inc is read-then-write (withKeyLock).
    const usage = await withKeyLock(`usage:${guildId}`, () =>
      store.usage
        .findOneAndUpdate(
          { _id: usageId(guildId, period) },
          {
            $inc: { runs },
            $setOnInsert: { guildId, period: period.key, noticeAt: null },
          },
          { upsert: true, new: true },
        )
        .lean<{ runs: number }>(),
    );
    const entry = this.cache.get(guildId);
    if (entry && entry.period === period.key && usage) entry.runs = usage.runs;
  }

  private async entry(guildId: string): Promise<Entry> {
    const now = this.now();
    const period = periodOf(new Date(now));
    const cached = this.cache.get(guildId);
    if (cached && cached.period === period.key && now - cached.readAt < this.cacheMs) return cached;
    const store = await this.store();
    const [guild, usage] = await Promise.all([
      store.guilds
        .findById(guildId, { plan: 1, billing: 1 })
        .lean<Pick<GuildRecord, 'plan' | 'billing'>>(),
      store.usage.findById(usageId(guildId, period), { runs: 1 }).lean<{ runs: number }>(),
    ]);
    const { plan, limits } = effectivePlan(guild, new Date(now));
    const entry = {
      period: period.key,
      plan,
      limit: limits.runsPerMonth,
      runs: usage?.runs ?? 0,
      readAt: now,
    };
    this.cache.set(guildId, entry);
    return entry;
  }

  /** Sends the month's notice once: whoever sets `noticeAt` first posts it. */
  private async notice(guildId: string, entry: Entry): Promise<void> {
    // Without a way to post (the service's webhook route), leave the notice to one that has.
    if (!this.options.notify) return;
    const period = periodOf(new Date(this.now()));
    const store = await this.store();
    const { modifiedCount } = await withKeyLock(`usage:${guildId}`, () =>
      store.usage.updateOne(
        { _id: usageId(guildId, period), noticeAt: null },
        { $set: { noticeAt: new Date(this.now()) } },
      ),
    );
    if (modifiedCount !== 1) return;
    log('info', 'billing.quota_reached', { guildId, plan: entry.plan, runs: entry.runs });
    try {
      await this.options.notify?.(guildId, quotaNotice(entry, period));
    } catch (error) {
      log('warn', 'billing.quota_notice_failed', { guildId, error: messageOf(error) });
    }
  }
}

/** The over-quota notice: what happened, what still works, what to do. */
export function quotaNotice(entry: Pick<Entry, 'plan' | 'limit'>, period: Period): string {
  const month = period.start.toLocaleString('en', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const next = period.end.toLocaleString('en', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  return `Guildflow: this server used the ${String(entry.limit)} runs of its ${PLANS[entry.plan].name} plan for ${month}. Discord events start no new runs until ${next} (UTC), or until the plan is upgraded in the builder (Billing). Runs already going carry on.`;
}
