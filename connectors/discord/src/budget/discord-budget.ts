import {
  DISCORD_ACTIVITIES_PER_SECOND,
  DISCORD_GUILD_ACTIVITIES_PER_SECOND,
} from './discord-queue.js';

/**
 * Local activities one worker runs at once (the SDK's default is 100). A Discord action holds a
 * slot while it waits its turn in the budget, which costs only a promise; with 100 slots, one
 * guild's burst would fill them all and the next guild's action would queue behind the burst
 * for a slot, before the budget's round-robin could serve it.
 */
export const LOCAL_ACTIVITY_SLOTS = 1000;

/** Options of a {@link DiscordBudget}. */
export interface DiscordBudgetOptions {
  /** Discord actions per second for the whole bot (all processes together). */
  perSecond?: number;
  /** Discord actions per second one guild may use (all processes together). */
  perGuildPerSecond?: number;
  /**
   * How long an action may wait for its turn before it is refused with a retry-after (the
   * executor then fails the attempt as `RateLimited` and Temporal retries it after that delay),
   * so a long backlog waits in Temporal, not in this process's memory.
   */
  maxWaitMs?: number;
}

/** An action that could not get its turn within `maxWaitMs`. */
export class BudgetWaitExceeded extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Discord budget: no turn within the wait allowed; retry in ${retryAfterMs} ms`);
    this.name = 'BudgetWaitExceeded';
  }
}

interface Waiter {
  grant(): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The Discord budget of one worker process, enforced in-process for Discord actions that run as
 * local activities (interpreter v4): at most `perSecond × share` actions per second for the bot,
 * at most `perGuildPerSecond × share` for any one guild, and turns handed out round-robin over
 * the guilds that are waiting — so a guild that starts 1,000 actions cannot delay another
 * guild's action, nor take the whole budget. `share` is this process's part of the bot's budget
 * (1 / the number of worker processes, kept current by `shareDiscordBudget`).
 *
 * Turns are spaced evenly (no bursts), so no one-second window ever sees more than the rate.
 *
 * @example
 * const budget = new DiscordBudget();
 * await budget.acquire(guildId); // then call Discord
 */
export class DiscordBudget {
  /** This process's part of the bot's budget, in (0, 1]. */
  share = 1;
  private readonly perSecond: number;
  private readonly perGuildPerSecond: number;
  private readonly maxWaitMs: number;
  private nextFree = 0;
  private readonly guildNextFree = new Map<string, number>();
  /** Waiting actions by guild; the map's order is the round-robin order. */
  private readonly waiting = new Map<string, Waiter[]>();
  private wake: ReturnType<typeof setTimeout> | undefined;
  private lastPrune = 0;

  constructor(options: DiscordBudgetOptions = {}) {
    this.perSecond = options.perSecond ?? DISCORD_ACTIVITIES_PER_SECOND;
    this.perGuildPerSecond = options.perGuildPerSecond ?? DISCORD_GUILD_ACTIVITIES_PER_SECOND;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
  }

  /** Actions waiting for a turn, over all guilds. */
  get queued(): number {
    let n = 0;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }

  /**
   * Resolves when this guild may make its next Discord call; rejects with
   * {@link BudgetWaitExceeded} when no turn came within `maxWaitMs`.
   */
  acquire(guildId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(guildId) ?? [];
      const waiter: Waiter = {
        grant: () => {
          if (waiter.timer) clearTimeout(waiter.timer);
          resolve();
        },
        timer: undefined,
      };
      waiter.timer = setTimeout(() => {
        const q = this.waiting.get(guildId);
        const at = q?.indexOf(waiter) ?? -1;
        if (q && at >= 0) q.splice(at, 1);
        if (q?.length === 0) this.waiting.delete(guildId);
        reject(new BudgetWaitExceeded(this.retryAfterMs(q?.length ?? 0)));
      }, this.maxWaitMs);
      waiter.timer.unref?.();
      queue.push(waiter);
      this.waiting.set(guildId, queue);
      this.pump();
    });
  }

  private interval(perSecond: number): number {
    return 1000 / Math.max(perSecond * this.share, 0.001);
  }

  /** When a guild with `ahead` actions before it could expect its turn. */
  private retryAfterMs(ahead: number): number {
    return Math.ceil((ahead + 1) * this.interval(this.perGuildPerSecond));
  }

  private pump(): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = undefined;
    for (;;) {
      if (this.waiting.size === 0) return;
      const now = Date.now();
      if (this.nextFree > now) return this.sleepUntil(this.nextFree);
      let soonest = Infinity;
      let served = false;
      for (const [guildId, queue] of this.waiting) {
        const guildFree = this.guildNextFree.get(guildId) ?? 0;
        if (guildFree > now) {
          soonest = Math.min(soonest, guildFree);
          continue;
        }
        const waiter = queue.shift();
        // Served guilds go to the back of the rotation.
        this.waiting.delete(guildId);
        if (queue.length > 0) this.waiting.set(guildId, queue);
        if (!waiter) continue;
        this.nextFree = now + this.interval(this.perSecond);
        this.guildNextFree.set(guildId, now + this.interval(this.perGuildPerSecond));
        waiter.grant();
        served = true;
        break;
      }
      if (!served) return soonest === Infinity ? undefined : this.sleepUntil(soonest);
      this.forgetIdleGuilds(now);
    }
  }

  private sleepUntil(at: number): void {
    this.wake = setTimeout(() => this.pump(), Math.max(0, at - Date.now()));
    this.wake.unref?.();
  }

  /**
   * Drops spacing state older than now, so a bot in many guilds keeps a small map; at most once
   * a second, not on every turn.
   */
  private forgetIdleGuilds(now: number): void {
    if (this.guildNextFree.size < 1024 || now - this.lastPrune < 1000) return;
    this.lastPrune = now;
    for (const [guildId, at] of this.guildNextFree)
      if (at <= now && !this.waiting.has(guildId)) this.guildNextFree.delete(guildId);
  }
}
