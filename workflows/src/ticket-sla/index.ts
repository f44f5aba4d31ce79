import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `ticket-sla`: an Open ticket button opens a private thread; no staff reply within the SLA → the staff role is pinged in the mod-log. See README.md.
 *
 * @example
 * instantiate('ticket-sla', { ticketChannelId: '1300000000000000104', staffRoleId: '1300000000000000204', modLogChannelId: '1300000000000000102' });
 */
export const ticketSla = defineTemplate({
  id: 'ticket-sla',
  category: 'support',
  graph,
  parameters,
});
