import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../fields.js';
import { waitFor } from './wait-for.js';

const ajv = new Ajv({ allErrors: true });
const ok = (config: Record<string, unknown>) =>
  ajv.validate(waitFor.config, config) && checkConfig(waitFor, config).length === 0;
const base = { event: 'button', messageId: '{{ nodes.ask.messageId }}', timeout: '1d' };

describe('flow.waitFor roleId', () => {
  it('takes a role id, literal or an expression, beside the other filters', () => {
    expect(ok({ ...base, roleId: '1300000000000000204' })).toBe(true);
    expect(ok({ ...base, roleId: '{{ vars.moderatorRoleId }}', customId: 'approve' })).toBe(true);
    expect(ok({ ...base, event: 'reply', roleId: '1300000000000000204' })).toBe(true);
    expect(ok({ ...base, roleId: 'moderators' })).toBe(false);
  });

  it('shows the role filter in a valid example', () => {
    const examples = waitFor.examples ?? [];
    expect(examples.some((e) => e.config.roleId !== undefined)).toBe(true);
    for (const example of examples) expect(ok(example.config)).toBe(true);
  });

  it('outputs who answered with their roles', () => {
    const user = { id: '1', username: 'bob', mention: '<@1>', roles: ['1300000000000000204'] };
    expect(ajv.validate(waitFor.output, { user, customId: 'approve' })).toBe(true);
    // Runs that received their event before roles were sent keep a valid output.
    expect(
      ajv.validate(waitFor.output, { user: { id: '1', username: 'bob', mention: '<@1>' } }),
    ).toBe(true);
  });
});
