/**
 * Route patterns for faults and request filters: Discord paths with `:name` or `*` for one
 * segment and `**` for any rest, with or without the `/api/v10` prefix.
 *
 * @example
 * matchRoute('/channels/:id/messages', '/api/v10/channels/123/messages'); // true
 * matchRoute('/guilds/**', '/guilds/1/members/2/roles/3'); // true
 */
export function matchRoute(pattern: string, path: string): boolean {
  const want = segments(pattern);
  const got = segments(path);
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i];
    if (w === '**') return true;
    const g = got[i];
    if (g === undefined) return false;
    if (w === '*' || w?.startsWith(':')) continue;
    if (w !== g) return false;
  }
  return want.length === got.length;
}

/** A path without its `/api/vN` prefix, as Discord's docs write routes. @example stripApiPrefix('/api/v10/users/@me') // '/users/@me' */
export function stripApiPrefix(path: string): string {
  return path.replace(/^\/api(\/v\d+)?(?=\/|$)/, '') || '/';
}

function segments(path: string): string[] {
  return stripApiPrefix(path.split('?')[0] ?? '')
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
