import { defineTemplate } from '../catalog/define.js';
import goodbye from './goodbye.graph.json' with { type: 'json' };
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };
import rulesAccepted from './rules-accepted.graph.json' with { type: 'json' };

/**
 * `welcome`: a member joins → a welcome embed (avatar, member number, rules link), an optional
 * DM and the starter role (or, with `roleAfterRules`, the role once they accept the rules:
 * `Rules accepted`); `Goodbye` when they leave. See README.md.
 */
export const welcome = defineTemplate({
  id: 'welcome',
  category: 'onboarding',
  graph,
  companions: [goodbye, rulesAccepted],
  parameters,
});
