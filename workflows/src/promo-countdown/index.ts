import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `promo-countdown` (Launch countdown): run once: an announcement, a reminder at each offset still ahead (7d, 3d, 24h, 1h by default), "it's live" at the launch, an optional promotion code and launch giveaway. See README.md.
 */
export const promoCountdown = defineTemplate({
  id: 'promo-countdown',
  category: 'announcements',
  graph,
  parameters,
});
