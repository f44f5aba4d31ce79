import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `promo-countdown`: run once: an announcement, a reminder before the launch date, and "it's live" at the launch. See README.md.
 */
export const promoCountdown = defineTemplate({
  id: 'promo-countdown',
  category: 'announcements',
  graph,
  parameters,
});
