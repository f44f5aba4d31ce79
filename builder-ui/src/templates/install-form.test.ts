import { describe, expect, it } from 'vitest';
import { welcome, giveaway } from '@guildflow/workflows';
import { installSchema, installUiSchema, missingRequired, varErrors } from './install-form.js';

const parameters = (t: { parameters: unknown }) =>
  t.parameters as unknown as Record<string, unknown>;

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
        'ui:options': { orderable: false },
        items: { 'ui:widget': 'member', 'ui:label': false },
      },
      giveawayChannelId: { 'ui:widget': 'channel' },
      defaultWinners: {},
    });
    // The sandbox's example ids are not offered as suggestions elsewhere.
    expect(installSchema(parameters(welcome))).not.toHaveProperty('examples');
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
