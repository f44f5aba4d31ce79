import { get } from './get.js';
import { increment } from './increment.js';
import { set } from './set.js';
import { stats } from './stats.js';
import { top } from './top.js';

/**
 * The data node types, in palette order.
 *
 * @example
 * DATA_NODES.map((d) => d.type); // ['data.get', 'data.set', 'data.increment', 'data.stats', 'data.top']
 */
export const DATA_NODES = [get, set, increment, stats, top] as const;

export { get as dataGet, increment as dataIncrement, set as dataSet, stats as dataStats, top as dataTop };
export { DATA_KEY_PATTERN } from './shared.js';
