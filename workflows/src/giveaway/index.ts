import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import milestone from './milestone.graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `giveaway`: /giveaway posts a giveaway with Enter and End now buttons, collects the entries
 * (members-only and bonus entries per role when set), draws distinct winners, announces and DMs
 * them, and lets hosts reroll for a while; the companion "Milestone giveaway" starts one by
 * itself at member-count milestones and lends its winners a Winner role. See README.md.
 */
export const giveaway = defineTemplate({
  id: 'giveaway',
  category: 'engagement',
  graph,
  companions: [milestone],
  parameters,
});
