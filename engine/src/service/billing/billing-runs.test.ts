import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendGraph } from '../../testing/service-fixtures.js';
import { eventually, startTestService, type TestService } from '../../testing/service-harness.js';
import { deliver, newHook } from '../../testing/webhook-delivery.js';
import { PLANS } from './plans.js';

const GUILD = '940000000000000001';
const DAY = 24 * 60 * 60_000;
let clock = Date.now();
let service: TestService;
let graphId: string;

beforeAll(async () => {
  service = await startTestService({
    // No worker: started runs stay running, which is all the run list needs.
    taskQueue: `billing-runs-${Date.now()}`,
    billing: {
      secretKey: 'sk_test_guildflowBilling',
      apiBase: testStack().stripeMockUrl,
      now: () => clock,
    },
  });
  const created = await service.api('POST', `/api/guilds/${GUILD}/graphs`, { body: sendGraph() });
  graphId = created.body.id as string;
});
afterAll(async () => {
  await service?.close();
});

const startRun = (timeScale?: number) =>
  service.api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/runs`, {
    body: { simulate: true, ...(timeScale === undefined ? {} : { timeScale }) },
  });

describe('plan limits on test runs and run history', () => {
  it('refuses a time compression above the plan’s maximum (402), starts one within it', async () => {
    const max = PLANS.free.limits.maxTimeCompression;
    const refused = await startRun(max + 1);
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('plan_limit');
    expect(refused.body.error.message).toContain(`at most ${max}×`);
    const allowed = await startRun(max);
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(202);
  });

  it('lists runs within the plan’s retention only', async () => {
    const { body } = await startRun();
    const runId = body.runId as string;
    const listed = async () =>
      (await service.api('GET', `/api/guilds/${GUILD}/runs?graphId=${graphId}`)).body.runs.map(
        (r: { runId: string }) => r.runId,
      ) as string[];
    await eventually(
      async () => ((await listed()).includes(runId) ? true : undefined),
      'the run in the list',
    );
    // A week and two days later, Free's 7 days no longer reach it.
    clock += (PLANS.free.limits.runRetentionDays + 2) * DAY;
    expect(await listed()).not.toContain(runId);
    // Premium keeps 30 days: the same run is listed again.
    await service.store.guilds.updateOne({ _id: GUILD }, { $set: { plan: 'premium' } });
    expect(await listed()).toContain(runId);
  });
});

describe('the monthly run quota on webhook runs', () => {
  it('counts each webhook run and refuses past the quota with 402, starting nothing', async () => {
    const guildId = '940000000000000002';
    const hook = await newHook(service, guildId);
    const limit = PLANS.free.limits.runsPerMonth!;
    const first = await deliver(service, hook, { body: '{"n":1}' });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const usage = async () =>
      (await service.api('GET', `/api/guilds/${guildId}/billing`)).body.usage.runsThisPeriod;
    expect(await usage()).toBe(1);
    // The month's runs used up (as the gateway's and this route's counting would leave them).
    const period = (await service.api('GET', `/api/guilds/${guildId}/billing`)).body.usage;
    await service.store.usage.updateOne(
      { guildId, period: period.periodStart.slice(0, 7) },
      { $set: { runs: limit } },
    );
    // The route trusts its count for 10 s: past that it reads the store again.
    clock += 11_000;
    const refused = await deliver(service, hook, { body: '{"n":2}' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(402);
    expect(refused.body.error.code).toBe('plan_limit');
    expect(refused.body.error.message).toContain('upgrade the plan');
    expect(await usage()).toBe(limit);
  });
});
