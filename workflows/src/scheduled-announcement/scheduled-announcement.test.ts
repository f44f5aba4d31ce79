import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { nextCronRuns, validateGraph, type GraphDocument } from '@guildflow/engine/core';
import { scheduleIdOf, triggerConfigOf } from '@guildflow/engine/service';
import { eventually } from '@guildflow/engine/testing/service';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness } from '../testing/template-harness.js';
import { scheduledAnnouncement } from './index.js';

const { guild, channels, roles } = SANDBOX_IDS;
const vars = {
  announcementChannelId: channels.general,
  message: 'Game night starts in one hour! {{ vars.secret }} stays as written.',
  embedTitle: '🎮 Game night',
  pingRoleId: roles.moderator,
  weekdays: ['MON'],
  time: '09:00',
  timezone: 'Europe/Berlin',
};
const graphs = `/api/guilds/${guild}/graphs`;

/** The schedule trigger's config as publishing renders it (vars filled in). */
const liveSchedule = (doc: GraphDocument) =>
  triggerConfigOf({ graphId: 'g', guildId: guild, version: 1, document: doc }).config;

describe('scheduled-announcement template', () => {
  it('builds the cron from the weekdays and the time, in the chosen time zone', () => {
    expect(validateGraph(scheduledAnnouncement.graph)).toEqual([]);
    expect(liveSchedule(instantiate('scheduled-announcement', vars))).toEqual({
      cron: '0 9 * * MON',
      timezone: 'Europe/Berlin',
    });
    const evenings = { ...vars, weekdays: ['TUE', 'THU', 'SAT'], time: '18:05', timezone: 'UTC' };
    expect(liveSchedule(instantiate('scheduled-announcement', evenings))).toEqual({
      cron: '5 18 * * TUE,THU,SAT',
      timezone: 'UTC',
    });
    // The builder's preview of the next runs reads the same cron the same way.
    expect(
      nextCronRuns('0 9 * * MON', 'Europe/Berlin', 2, new Date('2027-03-21T00:00:00Z')).map((d) =>
        d.toISOString(),
      ),
    ).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  describe('through the API, on Temporal, against the sandbox', () => {
    const h = useTemplateHarness({ schedules: true });
    const client = () => h.service.deps.temporal.client;
    const schedule = (graphId: string) => client().schedule.getHandle(scheduleIdOf(graphId));
    const publish = async (graphId: string) => {
      const answer = await h.service.api('POST', `${graphs}/${graphId}/publish`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };
    /** When Temporal will start runs between two dates (UTC ISO texts). */
    const firesBetween = async (graphId: string, from: string, to: string) => {
      const seconds = (iso: string) => ({ seconds: Date.parse(iso) / 1000 }) as never;
      const { startTime } = await client().workflowService.listScheduleMatchingTimes({
        namespace: client().options.namespace,
        scheduleId: scheduleIdOf(graphId),
        startTime: seconds(from),
        endTime: seconds(to),
      });
      return (startTime ?? []).map((t) => new Date(Number(String(t.seconds)) * 1000).toISOString());
    };

    it('schedules Mondays 09:00 Berlin across summer time, posts with the ping, edits and pauses', async () => {
      const { graphId } = await h.install('scheduled-announcement', vars);
      await publish(graphId);

      const described = await schedule(graphId).describe();
      expect(described.spec.timezone).toBe('Europe/Berlin');
      expect(described.spec.calendars?.[0]).toMatchObject({
        minute: [{ start: 0, end: 0, step: 1 }],
        hour: [{ start: 9, end: 9, step: 1 }],
        dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
      });
      // Summer time starts on the last Sunday of March 2027 (the 28th) and ends on the last
      // Sunday of October (the 31st): 09:00 in Berlin is 08:00Z in winter, 07:00Z in summer.
      expect(await firesBetween(graphId, '2027-03-20T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
        '2027-03-22T08:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
      ]);
      expect(await firesBetween(graphId, '2027-10-23T00:00:00Z', '2027-11-03T00:00:00Z')).toEqual([
        '2027-10-25T07:00:00.000Z',
        '2027-11-01T08:00:00.000Z',
      ]);

      // A run of the schedule posts the embed and pings the role (Moderator is mentionable).
      await schedule(graphId).trigger();
      const posted = await eventually(
        async () => h.sandbox.messages({ channelId: channels.general })[0],
        'the announcement',
      );
      expect(posted).toMatchObject({
        content: `<@&${roles.moderator}>`,
        mentionRoles: [roles.moderator],
        embeds: [
          {
            title: '🎮 Game night',
            description: 'Game night starts in one hour! {{ vars.secret }} stays as written.',
            color: 0x5865f2,
          },
        ],
      });

      // Edit: new vars, published again, reschedule the same announcement.
      const saved = await h.service.api('GET', `${graphs}/${graphId}`);
      const draft = saved.body.draft as GraphDocument;
      const edited = { ...draft, vars: { ...draft.vars, weekdays: ['WED', 'FRI'], time: '18:30' } };
      expect((await h.service.api('PUT', `${graphs}/${graphId}`, { body: edited })).status).toBe(
        200,
      );
      await publish(graphId);
      expect(await firesBetween(graphId, '2027-03-22T00:00:00Z', '2027-03-27T00:00:00Z')).toEqual([
        '2027-03-24T17:30:00.000Z',
        '2027-03-26T17:30:00.000Z',
      ]);

      // Pause: disabling the graph removes its schedule; publishing again resumes it.
      expect((await h.service.api('POST', `${graphs}/${graphId}/disable`)).status).toBe(200);
      await expect(schedule(graphId).describe()).rejects.toThrow(/not found/i);
      await publish(graphId);
      expect((await schedule(graphId).describe()).spec.timezone).toBe('Europe/Berlin');
      expect((await h.service.api('POST', `${graphs}/${graphId}/disable`)).status).toBe(200);
    });

    it('posts a plain message, or an embed alone, when no role is pinged', async () => {
      const announce = async (extra: Record<string, unknown>) => {
        const graph = await h.install('scheduled-announcement', {
          announcementChannelId: channels.general,
          message: 'Reminder: the weekly meeting is today.',
          ...extra,
        });
        const run = await h.start(graph, { type: 'trigger.schedule', payload: {} });
        expect((await run.result()).status).toBe('completed');
        return h.sandbox.messages({ channelId: channels.general }).at(-1);
      };
      expect(await announce({})).toMatchObject({
        content: 'Reminder: the weekly meeting is today.',
        embeds: [],
        mentionRoles: [],
      });
      expect(await announce({ embedTitle: 'Meeting' })).toMatchObject({
        content: '',
        embeds: [{ title: 'Meeting', description: 'Reminder: the weekly meeting is today.' }],
        mentionRoles: [],
      });
    });

    it('refuses a time or weekdays it cannot schedule, saying what fits', async () => {
      const install = (overrides: Record<string, unknown>) =>
        h.service.api('POST', `/api/guilds/${guild}/templates/scheduled-announcement/install`, {
          body: { vars: { ...vars, ...overrides } },
        });
      const count = async () => ((await h.service.api('GET', graphs)).body.graphs as []).length;
      const before = await count();
      const refused = async (overrides: Record<string, unknown>) => {
        const answer = await install(overrides);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('invalid_vars');
        return (answer.body.error.details as { path: string; message: string }[]).map(
          ({ path, message }) => `${path}: ${message}`,
        );
      };
      expect(await refused({ time: '25:00' })).toEqual([
        'body.vars.time: time must be written like "09:00" or "18:30", not "25:00"',
      ]);
      expect(await refused({ time: '9am' })).toEqual([
        'body.vars.time: time must be written like "09:00" or "18:30", not "9am"',
      ]);
      expect(await refused({ weekdays: ['MON', 'Funday'] })).toEqual([
        'body.vars.weekdays[1]: weekdays must be one of "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"',
      ]);
      expect(await refused({ weekdays: [] })).toEqual([
        expect.stringMatching(/^body\.vars\.weekdays: weekdays must NOT have fewer than 1 items?$/),
      ]);
      expect(await refused({ timezone: 'Mars/Olympus' })).toEqual([
        'body.vars.timezone: timezone must be an IANA time zone such as Europe/Berlin',
      ]);
      expect(await count()).toBe(before);
    });
  });
});
