import { describe, expect, it } from 'vitest';
import { matchRoute, stripApiPrefix } from './route-pattern.js';

describe('route patterns', () => {
  it('match :params, * and ** with or without the /api/v10 prefix', () => {
    expect(matchRoute('/channels/:id/messages', '/api/v10/channels/123/messages')).toBe(true);
    expect(matchRoute('/api/v10/channels/*/messages', '/channels/123/messages')).toBe(true);
    expect(matchRoute('/channels/:id/messages', '/channels/123/messages/456')).toBe(false);
    expect(matchRoute('/guilds/**', '/guilds/1/members/2/roles/3')).toBe(true);
    expect(
      matchRoute(
        '/channels/:c/messages/:m/reactions/🎉/@me',
        `/channels/1/messages/2/reactions/${encodeURIComponent('🎉')}/@me`,
      ),
    ).toBe(true);
    expect(matchRoute('/users/@me', '/users/@me?x=1')).toBe(true);
  });

  it('strips the API prefix', () => {
    expect(stripApiPrefix('/api/v10/users/@me')).toBe('/users/@me');
    expect(stripApiPrefix('/api')).toBe('/');
    expect(stripApiPrefix('/apiary')).toBe('/apiary');
  });
});
