import { availableParallelism } from 'node:os';

/**
 * Runs one core carries per second with nothing lost (measured: a gateway event → one Discord
 * action costs ~45 ms of CPU over every process on this kind of machine; docs/PERFORMANCE.md).
 */
export const RUNS_PER_SECOND_PER_CORE = 20;

/**
 * The default of {@link RunAdmission}'s rate: what this machine's cores carry
 * (`GUILDFLOW_MAX_RUNS_PER_SECOND` overrides it, e.g. when Temporal runs elsewhere).
 *
 * @example
 * defaultRunsPerSecond(); // 40 on 2 cores
 */
export function defaultRunsPerSecond(cores = availableParallelism()): number {
  return RUNS_PER_SECOND_PER_CORE * Math.max(1, cores);
}

/** What was shed since the last report. */
export interface ShedReport {
  shed: number;
  /** Shed events by guild, the most first (at most 10 guilds). */
  byGuild: { guildId: string; shed: number }[];
  /** The admission rate, runs per second. */
  perSecond: number;
}

/** Options of {@link RunAdmission}. */
export interface RunAdmissionOptions {
  /** Events that start runs admitted per second, over all guilds. */
  perSecond: number;
  /** The part of `perSecond` one guild may take (default a half). */
  guildShare?: number;
  /** Called at most every `reportEveryMs` while events are shed (a log line). */
  onShed: (report: ShedReport) => void;
  reportEveryMs?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Overload shedding for the gateway: past what the machine can run, an event that would start
 * runs is shed — it starts nothing, and is counted and reported (`gateway.overload_shed`), never
 * dropped silently. Without it a burst piles up in Temporal until every run, old and new, is
 * minutes late (measured at 200 events/s on 2 cores: p99 82 s and 2,981 of 12,000 unanswered).
 *
 * Token buckets (one second of burst): one for all guilds, and one per guild holding
 * `guildShare` of the rate. A guild past its share borrows only while the shared bucket is more
 * than half full, so a lone server can use the whole rate, but in a flood its own events are
 * shed first and other servers keep running. Events that only answer waiting runs (clicks, reactions, replies) are not shed.
 *
 * @example
 * const admission = new RunAdmission({ perSecond: defaultRunsPerSecond(), onShed: (r) => log('warn', 'gateway.overload_shed', r) });
 * if (!admission.admit(guildId)) return; // shed and counted
 */
export class RunAdmission {
  /** Events shed since start. */
  shedTotal = 0;
  private readonly all: Bucket;
  private readonly guilds = new Map<string, Bucket>();
  private readonly perGuild: number;
  private pending = new Map<string, number>();
  private lastReport = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPrune = 0;

  constructor(private readonly options: RunAdmissionOptions) {
    this.perGuild = options.perSecond * (options.guildShare ?? 0.5);
    this.all = { tokens: options.perSecond, at: Date.now() };
  }

  /** True when the guild's event may start its runs now; false when it is shed. */
  admit(guildId: string): boolean {
    const now = Date.now();
    const guild = this.guilds.get(guildId) ?? { tokens: this.perGuild, at: now };
    this.guilds.set(guildId, guild);
    refill(this.all, this.options.perSecond, now);
    refill(guild, this.perGuild, now);
    // A guild past its share may still use what nobody else is using: the half of the bucket
    // kept for others while it is more than half full.
    const spare = this.all.tokens >= this.options.perSecond / 2;
    if (this.all.tokens >= 1 && (guild.tokens >= 1 || spare)) {
      this.all.tokens -= 1;
      guild.tokens = Math.max(0, guild.tokens - 1);
      this.forgetFullGuilds(now);
      return true;
    }
    this.shedTotal += 1;
    this.pending.set(guildId, (this.pending.get(guildId) ?? 0) + 1);
    this.report(now);
    return false;
  }

  /** Reports what was shed and not reported yet (also called on shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const byGuild = [...this.pending]
      .map(([guildId, shed]) => ({ guildId, shed }))
      .sort((a, b) => b.shed - a.shed);
    this.pending = new Map();
    this.options.onShed({
      shed: byGuild.reduce((sum, g) => sum + g.shed, 0),
      byGuild: byGuild.slice(0, 10),
      perSecond: this.options.perSecond,
    });
  }

  /** Reports at once, then at most every `reportEveryMs`, until nothing is left to report. */
  private report(now: number): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastReport + (this.options.reportEveryMs ?? 10_000) - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastReport = Date.now();
      this.flush();
    }, wait);
    this.timer.unref?.();
  }

  /**
   * A guild whose bucket is full again needs no entry (a bot in many guilds stays small). At
   * most once a second: a sweep of thousands of guilds on every event would be the hot path's
   * biggest cost.
   */
  private forgetFullGuilds(now: number): void {
    if (this.guilds.size < 4096 || now - this.lastPrune < 1000) return;
    this.lastPrune = now;
    for (const [guildId, bucket] of this.guilds) {
      refill(bucket, this.perGuild, now);
      if (bucket.tokens >= this.perGuild) this.guilds.delete(guildId);
    }
  }
}

function refill(bucket: Bucket, perSecond: number, now: number): void {
  bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  bucket.at = now;
}
