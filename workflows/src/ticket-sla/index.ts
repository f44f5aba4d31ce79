import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import panel from './panel.graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `ticket-sla`: /ticket-panel posts one Open-ticket button per priority; a click opens a private
 * thread with Claim and Close buttons, escalates twice when staff miss the priority's SLA, closes
 * after a close request and a warning, logs a transcript and records the `tickets.*` counters
 * the weekly recap reads. See README.md.
 */
export const ticketSla = defineTemplate({
  id: 'ticket-sla',
  category: 'support',
  graph,
  companions: [panel],
  parameters,
});
