import { describe, expect, it } from 'vitest';
import { installSchema, installUiSchema, missingRequired, varErrors } from './install-form.js';

const ID = { type: 'string', pattern: '^[0-9]{1,20}$' };
// The shapes templates use (docs/templates.md), independent of any one template's vars.
const welcome = {
  type: 'object',
  properties: {
    welcomeChannelId: { ...ID, title: 'Welcome channel', 'x-widget': 'channel' },
    newcomerRoleId: { ...ID, title: 'Newcomer role', 'x-widget': 'role' },
    greeting: { type: 'string', title: 'Greeting', default: 'hi', 'x-widget': 'textarea' },
  },
  required: ['welcomeChannelId', 'newcomerRoleId'],
  additionalProperties: false,
  examples: [{ welcomeChannelId: '1', newcomerRoleId: '2' }],
};
const giveaway = {
  type: 'object',
  properties: {
    hostIds: {
      type: 'array',
      title: 'Hosts',
      items: { ...ID, 'x-widget': 'member' },
      uniqueItems: true,
    },
    giveawayChannelId: { ...ID, title: 'Giveaway channel', 'x-widget': 'channel' },
    defaultWinners: { type: 'integer', title: 'Winners', default: 1 },
    bonusEntries: {
      type: 'array',
      title: 'Bonus entries',
      items: {
        type: 'object',
        properties: {
          roleId: { ...ID, title: 'Role', 'x-widget': 'role' },
          extra: { type: 'integer', title: 'Extra entries' },
          after: { type: 'string', title: 'After', 'x-widget': 'duration' },
        },
      },
    },
    weekdays: {
      type: 'array',
      title: 'Days',
      items: { type: 'string', enum: ['MON', 'TUE'] },
      uniqueItems: true,
    },
  },
  required: ['hostIds', 'giveawayChannelId'],
  additionalProperties: false,
};
const parameters = (schema: object) => schema as Record<string, unknown>;

describe('the install form of a template', () => {
  it('draws channel, role and member settings as pickers, inside lists too', () => {
    expect(installUiSchema(parameters(welcome))).toEqual({
      welcomeChannelId: { 'ui:widget': 'channel' },
      newcomerRoleId: { 'ui:widget': 'role' },
      greeting: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
      'ui:submitButtonOptions': { norender: true },
    });
    expect(installUiSchema(parameters(giveaway))).toMatchObject({
      hostIds: {
        'ui:options': { orderable: false, addLabel: 'Add to Hosts' },
        items: { 'ui:widget': 'member', 'ui:label': false },
      },
      giveawayChannelId: { 'ui:widget': 'channel' },
      defaultWinners: {},
      // Pickers and hints inside the entries of a list of objects too.
      bonusEntries: {
        'ui:options': { orderable: false, addLabel: 'Add to Bonus entries' },
        items: {
          roleId: { 'ui:widget': 'role' },
          extra: {},
          after: { 'ui:placeholder': 'e.g. 10m, 2h, 7d' },
        },
      },
      weekdays: { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } },
    });
    // The sandbox's example ids are not offered as suggestions elsewhere.
    expect(installSchema(parameters(welcome))).not.toHaveProperty('examples');
  });

  it('leaves conditional branches to the service (RJSF would evaluate them while drawing)', () => {
    const step = {
      type: 'object',
      properties: { action: { type: 'string', enum: ['timeout', 'kick'] } },
      if: { properties: { action: { const: 'timeout' } } },
      then: { required: ['duration'] },
    };
    const schema = installSchema(
      parameters({
        type: 'object',
        properties: { steps: { type: 'array', items: step, default: [{ if: 'kept' }] } },
        anyOf: [{ required: ['steps'] }],
      }),
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        steps: {
          type: 'array',
          items: { type: 'object', properties: step.properties },
          default: [{ if: 'kept' }],
        },
      },
    });
  });

  it('catches empty required settings before sending', () => {
    expect(missingRequired(parameters(welcome), { greeting: 'hi' })).toEqual({
      welcomeChannelId: { __errors: ['Choose a value: it is required.'] },
      newcomerRoleId: { __errors: ['Choose a value: it is required.'] },
    });
    expect(missingRequired(parameters(giveaway), { hostIds: [], giveawayChannelId: '1' })).toEqual({
      hostIds: { __errors: ['Choose a value: it is required.'] },
    });
    expect(
      missingRequired(parameters(welcome), { welcomeChannelId: '1', newcomerRoleId: '2' }),
    ).toBeUndefined();
  });

  it('puts the service’s invalid_vars under each setting', () => {
    expect(
      varErrors([
        {
          var: 'welcomeChannelId',
          path: 'body.vars.welcomeChannelId',
          message: 'must be a Discord id',
        },
        { var: 'welcomeChannelId', path: 'body.vars.welcomeChannelId', message: 'is too long' },
        { var: '', path: 'body.vars', message: 'must be an object' },
      ]),
    ).toEqual({ welcomeChannelId: { __errors: ['must be a Discord id', 'is too long'] } });
    expect(varErrors(undefined)).toEqual({});
  });
});
