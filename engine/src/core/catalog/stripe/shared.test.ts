import { describe, expect, it } from 'vitest';
import { checkConfig } from '../fields.js';
import { STRIPE_NODES } from './index.js';

describe('the credential field of the Stripe actions', () => {
  it('takes a name or exactly {{ vars.<name> }}, never another expression', () => {
    for (const declaration of STRIPE_NODES) {
      const issues = (credential: string) =>
        checkConfig(declaration, { credential }).filter((i) => i.path === '/credential');
      expect(issues('shop'), declaration.type).toEqual([]);
      expect(issues('{{ vars.stripeCredential }}'), declaration.type).toEqual([]);
      expect(issues('{{ trigger.body.account }}'), declaration.type).toHaveLength(1);
      expect(issues('{{ vars.a }}{{ trigger.b }}'), declaration.type).toHaveLength(1);
    }
  });
});
