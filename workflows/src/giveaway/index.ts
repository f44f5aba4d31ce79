import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `giveaway`: /giveaway posts a giveaway with an Enter button, collects the entries for its duration, then draws and announces the winners. See README.md.
 */
export const giveaway = defineTemplate({
  id: 'giveaway',
  category: 'engagement',
  graph,
  parameters,
});
