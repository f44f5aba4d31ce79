import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `ticket-sla`: an Open ticket button opens a private thread; no staff reply within the SLA → the staff role is pinged in the mod-log. See README.md.
 */
export const ticketSla = defineTemplate({
  id: 'ticket-sla',
  category: 'support',
  graph,
  parameters,
});
