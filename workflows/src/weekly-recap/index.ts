import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `weekly-recap`: every week (cron, time zone) an embed with the last 7 days' messages, active members, joins, leaves, top members and channels, each against the week before, and the week's tickets when ticket-sla is in use. See README.md.
 *
 * @example
 * instantiate('weekly-recap', { recapChannelId: '1300000000000000100', timezone: 'Europe/Berlin' });
 */
export const weeklyRecap = defineTemplate({
  id: 'weekly-recap',
  category: 'insights',
  graph,
  parameters,
});
