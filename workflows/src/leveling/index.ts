import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import leaderboard from './leaderboard.graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };
import rank from './rank.graph.json' with { type: 'json' };

/**
 * `leveling`: XP per message with a cooldown, levels at 100 × level² XP, congratulations and
 * role rewards, plus `/rank` and `/leaderboard`. See README.md.
 *
 * @example
 * instantiateAll('leveling', { roleRewards: [{ level: 5, roleId: '1300000000000000202' }] }).map((d) => d.name);
 * // ['Leveling', 'Leveling: /rank', 'Leveling: /leaderboard']
 */
export const leveling = defineTemplate({
  id: 'leveling',
  category: 'engagement',
  graph,
  companions: [rank, leaderboard],
  parameters,
});
