import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  Connection,
  ScheduleNotFoundError,
  type ScheduleDescription,
} from '@temporalio/client';
import { testStack } from '@guildflow/stack/testing';
import type { GraphDocument } from '../../core/index.js';
import { INTERPRETER_VERSION, type GraphRunInput } from '../../interpreter/contract.js';
import { graph } from '../../testing/graph-fixture.js';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { sendGraph, sentMessage } from '../../testing/service-fixtures.js';
import {
  eventually,
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { readRunAttributes } from '../runs/search-attributes.js';
import { scheduleActivation, scheduleIdOf } from './schedule-activation.js';

const stubs = recordingActivities({
  'discord.sendMessage': sentMessage,
});
let worker: TestWorker;
let service: TestService;
let connection: Connection;
let client: Client;
const GUILD = '600000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  worker = await startTestWorker(stubs.activities);
  connection = await Connection.connect({ address: testStack().temporalAddress });
  client = new Client({ connection });
  service = await startTestService({
    taskQueue: worker.taskQueue,
    temporal: { connection, client },
    activation: scheduleActivation({ client, taskQueue: worker.taskQueue }),
  });
});
afterAll(async () => {
  await service.close();
  await worker.stop();
  await connection.close();
});

function scheduleGraph(
  config: Record<string, unknown>,
  vars: Record<string, unknown> = {},
): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.schedule', config],
        ['send', 'discord.sendMessage', { channelId: '123456789012345678', content: 'tick' }],
      ],
      [['t', 'out', 'send']],
      vars,
    ),
    name: 'Scheduled',
  };
}

async function save(doc: GraphDocument, graphId?: string): Promise<string> {
  const answer = graphId
    ? await service.api('PUT', `${graphs}/${graphId}`, { body: doc })
    : await service.api('POST', graphs, { body: doc });
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body.id as string;
}

async function publish(graphId: string): Promise<void> {
  const answer = await service.api('POST', `${graphs}/${graphId}/publish`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

const describeSchedule = (graphId: string) =>
  client.schedule.getHandle(scheduleIdOf(graphId)).describe();

async function isGone(graphId: string): Promise<boolean> {
  return describeSchedule(graphId).then(
    () => false,
    (error: unknown) => {
      if (error instanceof ScheduleNotFoundError) return true;
      throw error;
    },
  );
}

const pinned = (d: ScheduleDescription) => (d.action.args?.[0] as GraphRunInput).graph.version;
const hourOf = (d: ScheduleDescription) => d.spec.calendars?.[0]?.hour;

describe('trigger.schedule → Temporal Schedules', () => {
  it('creates, updates, triggers, follows rollback and deletes a cron schedule', async () => {
    const id = await save(scheduleGraph({ cron: '0 9 * * MON', timezone: 'Europe/Berlin' }));
    await publish(id);
    const first = await describeSchedule(id);
    expect(first.spec.timezone).toBe('Europe/Berlin');
    expect(first.spec.calendars?.[0]).toMatchObject({
      minute: [{ start: 0, end: 0, step: 1 }],
      hour: [{ start: 9, end: 9, step: 1 }],
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
    });
    expect(first.policies.overlap).toBe('SKIP');
    expect(first.action).toMatchObject({
      workflowType: 'graphWorkflow',
      taskQueue: worker.taskQueue,
      memo: { interpreterVersion: INTERPRETER_VERSION },
    });
    expect(first.action.args?.[0]).toMatchObject({
      graph: { graphId: id, guildId: GUILD, version: 1 },
      trigger: { type: 'trigger.schedule', payload: {} },
    });
    expect(first.state.paused).toBe(false);

    // Republish with another cron: the same schedule, updated.
    await save(scheduleGraph({ cron: '30 18 * * *', timezone: 'America/New_York' }), id);
    await publish(id);
    const second = await describeSchedule(id);
    expect(second.spec.timezone).toBe('America/New_York');
    expect(hourOf(second)).toEqual([{ start: 18, end: 18, step: 1 }]);
    expect(pinned(second)).toBe(2);

    // A triggered action runs the pinned version as a schedule run.
    await client.schedule.getHandle(scheduleIdOf(id)).trigger();
    const workflowId = await eventually(async () => {
      const { info } = await describeSchedule(id);
      return info.recentActions[0]?.action.workflow.workflowId;
    }, 'the triggered action');
    expect(workflowId.startsWith(`${scheduleIdOf(id)}-`)).toBe(true);
    const description = await client.workflow.getHandle(workflowId).describe();
    expect(readRunAttributes(description.typedSearchAttributes)).toEqual({
      guildId: GUILD,
      graphId: id,
      version: 2,
      triggerType: 'trigger.schedule',
    });
    expect(description.raw.workflowExecutionInfo?.priority?.fairnessKey).toBe(GUILD);
    const run = await eventually(async () => {
      const { body } = await service.api('GET', `/api/guilds/${GUILD}/runs/${workflowId}`);
      return body.status === 'completed' ? body : undefined;
    }, 'the scheduled run to complete');
    expect(run).toMatchObject({ graphId: id, version: 2, triggerType: 'trigger.schedule' });

    // Rollback: the schedule follows the rolled-back version.
    expect(
      (await service.api('POST', `${graphs}/${id}/rollback`, { body: { version: 1 } })).status,
    ).toBe(200);
    const rolled = await describeSchedule(id);
    expect(rolled.spec.timezone).toBe('Europe/Berlin');
    expect(hourOf(rolled)).toEqual([{ start: 9, end: 9, step: 1 }]);
    expect(pinned(rolled)).toBe(1);

    // Disable deletes it; disabling again (nothing to delete) is fine.
    expect((await service.api('POST', `${graphs}/${id}/disable`)).status).toBe(200);
    expect(await isGone(id)).toBe(true);
    expect((await service.api('POST', `${graphs}/${id}/disable`)).status).toBe(200);
  });

  it('schedules an interval, and a single date as a one-shot', async () => {
    const id = await save(scheduleGraph({ interval: '2h' }));
    await publish(id);
    const every = await describeSchedule(id);
    expect(every.spec.intervals).toMatchObject([{ every: 7_200_000 }]);
    expect(every.spec.calendars ?? []).toEqual([]);
    expect(every.state.remainingActions).toBeUndefined();

    // A wall time without offset is read in the time zone (Berlin is UTC+2 in July).
    await save(scheduleGraph({ at: '2099-07-01T12:30', timezone: 'Europe/Berlin' }), id);
    await publish(id);
    const once = await describeSchedule(id);
    expect(once.spec.intervals ?? []).toEqual([]);
    expect(once.spec.calendars?.[0]).toMatchObject({
      year: [{ start: 2099, end: 2099, step: 1 }],
      month: [{ start: 'JULY', end: 'JULY', step: 1 }],
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 10, end: 10, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    expect(once.state.remainingActions).toBe(1);
    expect(once.info.nextActionTimes[0]?.toISOString()).toBe('2099-07-01T10:30:00.000Z');
    expect(pinned(once)).toBe(2);

    // A date already past: published, but nothing is scheduled (logged as schedule.date_past).
    await save(scheduleGraph({ at: '2001-01-01T00:00:00Z' }), id);
    await publish(id);
    expect(await isGone(id)).toBe(true);
  });

  it('renders {{ vars }} templates, and drops the schedule when the trigger type changes', async () => {
    const id = await save(scheduleGraph({ cron: '{{ vars.when }}' }, { when: '15 7 * * *' }));
    await publish(id);
    const templated = await describeSchedule(id);
    expect(templated.spec.timezone ?? 'UTC').toBe('UTC');
    expect(hourOf(templated)).toEqual([{ start: 7, end: 7, step: 1 }]);

    await save(sendGraph('manual now'), id);
    await publish(id);
    expect(await isGone(id)).toBe(true);
  });

  it('refuses to publish a template that renders into a bad cron, keeping the previous state', async () => {
    const id = await save(scheduleGraph({ cron: '{{ vars.when }}' }, { when: '61 * * * *' }));
    const answer = await service.api('POST', `${graphs}/${id}/publish`);
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('activation_failed');
    expect(answer.body.error.message).toMatch(/Invalid value for minute: 61/);
    expect(await isGone(id)).toBe(true);
    expect((await service.api('GET', `${graphs}/${id}`)).body.publishedVersion).toBeNull();
  });
});
