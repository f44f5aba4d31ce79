import { describe, expect, it } from 'vitest';
import { TEMPLATES, TemplateError, instantiate, tryInstantiate } from '../index.js';
import { widgetProblem } from './instantiate.js';

const CHANNEL = '1300000000000000101';
const ROLE = '1300000000000000201';
const welcomeVars = { welcomeChannelId: CHANNEL, newcomerRoleId: ROLE };
const warningsVars = { moderatorRoleId: '1300000000000000204', modLogChannelId: CHANNEL };

/** The issues `instantiate` throws with. */
function issuesOf(templateId: string, vars: unknown) {
  try {
    instantiate(templateId, vars);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).code).toBe('invalid_vars');
    return (error as TemplateError).issues;
  }
  throw new Error('expected invalid vars');
}

describe('instantiate', () => {
  it('fills the vars in, with the defaults of the ones left out', () => {
    const doc = instantiate('welcome', welcomeVars);
    expect(doc.vars).toMatchObject({
      ...welcomeVars,
      greeting: 'Make yourself at home and have a look around.',
      rulesChannelId: '',
      dmEnabled: false,
    });
    const escalation = [{ warnings: 3, action: 'kick' }];
    expect(instantiate('warnings', { ...warningsVars, escalation }).vars).toEqual({
      ...warningsVars,
      escalation,
      warningExpiry: '30d',
    });
  });

  it('keeps vars as data: a var holding {{ … }} lands in vars, untouched, and configs are unchanged', () => {
    const doc = instantiate('welcome', { ...welcomeVars, greeting: '{{ run.id }} {{ nodes }}' });
    expect(doc.vars.greeting).toBe('{{ run.id }} {{ nodes }}');
    expect(JSON.stringify(doc.nodes)).not.toContain('run.id');
    expect(JSON.stringify(doc.nodes.find((n) => n.id === 'greet')?.config)).toContain(
      '{{ vars.greeting }}',
    );
  });

  it('returns a fresh copy each time and never changes the caller’s object or the catalog', () => {
    const vars = { ...welcomeVars };
    const a = instantiate('welcome', vars);
    expect(vars).toEqual(welcomeVars); // no defaults written into the caller's object
    a.vars.greeting = 'changed';
    a.nodes.pop();
    const b = instantiate('welcome', welcomeVars);
    expect(b.vars.greeting).toBe('Make yourself at home and have a look around.');
    expect(b.nodes).toHaveLength(TEMPLATES[0]?.graph.nodes.length ?? 0);
    expect(Object.isFrozen(TEMPLATES[0]?.graph.nodes)).toBe(true);
  });

  it('names each missing, unknown or malformed var and says why', () => {
    expect(issuesOf('welcome', {})).toEqual([
      {
        var: 'welcomeChannelId',
        path: 'vars.welcomeChannelId',
        message: 'welcomeChannelId is required',
      },
      { var: 'newcomerRoleId', path: 'vars.newcomerRoleId', message: 'newcomerRoleId is required' },
    ]);
    expect(
      issuesOf('welcome', { welcomeChannelId: '#welcome', newcomerRoleId: ROLE, colour: 'red' }),
    ).toEqual([
      {
        var: 'colour',
        path: 'vars.colour',
        message: 'unknown field "colour"; remove it',
      },
      {
        var: 'welcomeChannelId',
        path: 'vars.welcomeChannelId',
        message: 'welcomeChannelId must be a Discord channel id (digits only), not "#welcome"',
      },
    ]);
    expect(issuesOf('welcome', { ...welcomeVars, newcomerRoleId: 201 })).toEqual([
      {
        var: 'newcomerRoleId',
        path: 'vars.newcomerRoleId',
        message: 'newcomerRoleId must be string',
      },
    ]);
    expect(issuesOf('warnings', { ...warningsVars, moderatorRoleId: 'mods' })).toEqual([
      {
        var: 'moderatorRoleId',
        path: 'vars.moderatorRoleId',
        message: 'moderatorRoleId must be a Discord role id (digits only), not "mods"',
      },
    ]);
    expect(
      issuesOf('warnings', { ...warningsVars, escalation: [{ warnings: 0, action: 'mute' }] }),
    ).toEqual([
      {
        var: 'escalation',
        path: 'vars.escalation[0].warnings',
        message: 'warnings must be >= 1',
      },
      {
        var: 'escalation',
        path: 'vars.escalation[0].action',
        message: 'action must be one of "timeout", "kick", "ban"',
      },
    ]);
    expect(issuesOf('welcome', 'nope')).toEqual([
      { var: '', path: 'vars', message: 'vars must be object' },
    ]);
  });

  it('checks what durations, time zones and dates mean, beyond their shape', () => {
    const escalation = [{ warnings: 2, action: 'timeout', duration: '29d' }];
    expect(issuesOf('warnings', { ...warningsVars, escalation })).toEqual([
      {
        var: 'escalation',
        path: 'vars.escalation[0].duration',
        message: 'duration must be at most 28d',
      },
    ]);
    expect(issuesOf('warnings', { ...warningsVars, warningExpiry: '3 months' })).toEqual([
      {
        var: 'warningExpiry',
        path: 'vars.warningExpiry',
        message: 'warningExpiry must be a duration such as 30m, 2h, 1d or 1w',
      },
    ]);
    expect(
      issuesOf('weekly-recap', {
        recapChannelId: CHANNEL,
        timezone: 'Mars/Olympus',
        cron: 'weekly',
      }),
    ).toEqual([
      {
        var: 'cron',
        path: 'vars.cron',
        message: 'cron must be a five-field cron expression such as "0 9 * * MON", or @weekly',
      },
      {
        var: 'timezone',
        path: 'vars.timezone',
        message: 'timezone must be an IANA time zone such as Europe/Berlin',
      },
    ]);
    expect(
      issuesOf('promo-countdown', { channelId: CHANNEL, productName: 'X', launchAt: '2025-02-30' }),
    ).toEqual([
      {
        var: 'launchAt',
        path: 'vars.launchAt',
        message: 'launchAt must be a date such as 2025-12-24T18:00:00Z',
      },
    ]);
    expect(widgetProblem('duration', '0s')).toBe('must be longer than 0');
    expect(widgetProblem('timezone', 'Europe/Berlin')).toBeUndefined();
  });

  it('refuses an unknown template', () => {
    expect(() => instantiate('nope', {})).toThrow(TemplateError);
    expect(tryInstantiate('nope', {})).toEqual({ ok: false, error: 'unknown_template' });
    expect(tryInstantiate('welcome', {})).toMatchObject({ ok: false, error: 'invalid_vars' });
  });
});
