import { randomUUID } from 'node:crypto';
import { testStack } from '@guildflow/stack/testing';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareDiscordBudget } from './budget-share.js';
import { BudgetWaitExceeded, DiscordBudget } from './discord-budget.js';

describe('DiscordBudget', () => {
  it('serves waiting guilds in turn: a guild that asks during a burst goes next, not last', async () => {
    // Turns 50 ms apart: all nine asks are queued well before the second turn, even on a busy
    // machine (at 5 ms apart a slow enqueue let a second 'a' through before 'b' had asked).
    const budget = new DiscordBudget({ perSecond: 20, perGuildPerSecond: 20 });
    const order: string[] = [];
    const take = (guild: string) => budget.acquire(guild).then(() => order.push(guild));
    const burst = Array.from({ length: 8 }, () => take('a'));
    const other = take('b');
    await Promise.all([...burst, other]);
    // The first 'a' goes at once; then 'a' and 'b' alternate while both wait.
    expect(order.indexOf('b')).toBeLessThanOrEqual(2);
    expect(order.filter((g) => g === 'a')).toHaveLength(8);
  });

  it("spaces one guild's calls at its own rate even when the bot has budget to spare", async () => {
    const budget = new DiscordBudget({ perSecond: 1000, perGuildPerSecond: 50 });
    const began = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => budget.acquire('a')));
    // 6 turns 20 ms apart: the last comes 100 ms after the first.
    expect(Date.now() - began).toBeGreaterThanOrEqual(95);
  });

  it('gives a process with half the share half the rate', async () => {
    const budget = new DiscordBudget({ perSecond: 100, perGuildPerSecond: 100 });
    budget.share = 0.5;
    const began = Date.now();
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((g) => budget.acquire(g)));
    // 50/s: 6 turns 20 ms apart.
    expect(Date.now() - began).toBeGreaterThanOrEqual(95);
  });

  it('refuses a turn it cannot give within the longest wait, with when to retry', async () => {
    const budget = new DiscordBudget({ perSecond: 1, perGuildPerSecond: 1, maxWaitMs: 50 });
    await budget.acquire('a');
    const refused = await budget.acquire('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BudgetWaitExceeded);
    expect((refused as BudgetWaitExceeded).retryAfterMs).toBeGreaterThan(0);
    expect(budget.queued).toBe(0);
  });
});

describe('shareDiscordBudget', () => {
  let store: mongoose.Connection;
  beforeAll(async () => {
    store = await mongoose.createConnection(testStack().mongoUri).asPromise();
  });
  afterAll(async () => {
    await store.close();
  });

  it('splits the budget between the worker processes alive, and gives it back when one leaves', async () => {
    const collection = `budget-${randomUUID()}`;
    const options = { everyMs: 50, collection };
    const one = new DiscordBudget();
    const two = new DiscordBudget();
    const leaveOne = shareDiscordBudget(one, store, options);
    const leaveTwo = shareDiscordBudget(two, store, options);
    await expect.poll(() => [one.share, two.share], { timeout: 5000 }).toEqual([0.5, 0.5]);
    await leaveTwo();
    await expect.poll(() => one.share, { timeout: 5000 }).toBe(1);
    await leaveOne();
  });
});
