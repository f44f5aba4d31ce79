import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `scheduled-announcement`: posts a message (optionally as an embed, optionally pinging a role)
 * on the chosen weekdays at a time of day in a time zone. One install is one announcement. See
 * README.md.
 *
 * @example
 * instantiate('scheduled-announcement', { announcementChannelId: '1300000000000000105', message: 'Game night!', weekdays: ['FRI'], time: '19:00' });
 */
export const scheduledAnnouncement = defineTemplate({
  id: 'scheduled-announcement',
  category: 'announcements',
  graph,
  parameters,
});
