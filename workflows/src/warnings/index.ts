import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `warnings`: /warn counts a member's warnings → a DM, then a timeout, then a kick; confirmed to the moderator and logged in the mod-log. See README.md.
 */
export const warnings = defineTemplate({
  id: 'warnings',
  category: 'moderation',
  graph,
  parameters,
});
