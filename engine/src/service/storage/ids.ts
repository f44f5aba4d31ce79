import { randomBytes } from 'node:crypto';

/**
 * A new unguessable id: `prefix_` + `bytes` random bytes in base64url. Ids are capabilities as
 * much as names (another guild must not be able to guess a graph, run or hook id), so they come
 * from the CSPRNG, never from a counter or the clock.
 *
 * @example
 * newId('g');        // 'g_3q2-7wEjRk6YJb0cZc1tCg'
 * newId('wh', 24);   // webhook ids are longer: they are the only secret-free part of a hook URL
 */
export function newId(prefix: string, bytes = 16): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/**
 * Pattern of graph ids made by `newId('g')`.
 *
 * @example
 * new RegExp(GRAPH_ID_PATTERN).test('g_3q2-7wEjRk6YJb0cZc1tCg'); // true
 */
export const GRAPH_ID_PATTERN = '^g_[A-Za-z0-9_-]{22}$';
