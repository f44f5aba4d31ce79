import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import list from './list.graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };
import unwarn from './unwarn.graph.json' with { type: 'json' };

/**
 * `warnings`: /warn records a warning that expires and applies the escalation step the member's
 * active count reaches (timeout, kick, ban); /warnings lists the active ones; /unwarn removes one.
 * Every action is a mod-log embed. Warnings live in the member key `warnings.list`, which the
 * auto-moderation template appends to as well. See README.md.
 */
export const warnings = defineTemplate({
  id: 'warnings',
  category: 'moderation',
  graph,
  companions: [list, unwarn],
  parameters,
});
