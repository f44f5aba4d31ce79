import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, endSession } from '@guildflow/engine/service';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { TOKEN_KEY } from '../api/client.js';
import {
  checkSignIn,
  checkToken,
  signOut,
  tokenFromText,
  whoText,
  type SignInEnv,
} from './sign-in.js';

// The logic the builder's /login page runs, against the real service; the browser's storage
// and history are plain objects here (the end-to-end tests run it in Chromium).

let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service?.close());

/** A browser at `/login<hash>` with `stored` in its storage; records what the page did. */
function browser(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const replaced: string[] = [];
  const requests: { url: string; init: RequestInit }[] = [];
  const env: SignInEnv = {
    location: { hash, pathname: '/login', search: '' },
    history: { replaceState: (_d, _u, url) => void replaced.push(url) },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
    fetch: (url, init) => {
      requests.push({ url, init });
      return fetch(`${service.url}${url}`, init);
    },
  };
  return { storage, replaced, requests, env };
}

describe('signing in with the printed link', () => {
  it('checks the token from the link with the API before keeping it', async () => {
    const page = browser(`#token=${service.adminToken}`);
    const result = await checkSignIn(page.env);
    expect(result.state).toBe('signed-in');
    if (result.state !== 'signed-in') return;
    expect(whoText(result.who)).toBe('Signed in as the admin of this Guildflow (every server).');
    expect(page.storage.get(TOKEN_KEY)).toBe(service.adminToken);
    // The fragment is gone from the address bar; the token only travelled in the header.
    expect(page.replaced).toEqual(['/login']);
    expect(page.requests.map((r) => r.url)).toEqual(['/api/session']);
    expect(page.requests[0]?.init.headers).toEqual({
      Authorization: `Bearer ${service.adminToken}`,
    });
  });

  it('shows the Discord user and how many servers they manage', async () => {
    const { token } = await createSession(service.store, {
      user: { id: '81', username: 'ana' },
      guildIds: ['810000000000000001', '810000000000000002'],
    });
    const result = await checkSignIn(browser(`#token=${token}`).env);
    expect(result.state === 'signed-in' && whoText(result.who)).toBe(
      'Signed in as ana with Discord: you manage 2 servers here.',
    );
  });

  it('does not keep a wrong token, and says so', async () => {
    const page = browser('#token=not-a-token');
    const result = await checkSignIn(page.env);
    expect(result.state).toBe('refused');
    expect(result.state === 'refused' && result.message).toContain('wrong or has expired');
    expect(page.storage.has(TOKEN_KEY)).toBe(false);
    expect(page.replaced).toEqual(['/login']);
  });

  it('forgets a stored token the API no longer accepts', async () => {
    const { token } = await createSession(service.store, {
      user: { id: '82', username: 'bo' },
      guildIds: [],
    });
    await endSession(service.store, token);
    const page = browser('', token);
    const result = await checkSignIn(page.env);
    expect(result).toEqual({
      state: 'refused',
      fromLink: false,
      message:
        'You were signed out: The token is invalid or has expired. Sign in again to get a new one.',
    });
    expect(page.storage.has(TOKEN_KEY)).toBe(false);
  });

  it('does nothing without a token', async () => {
    const page = browser('');
    expect((await checkSignIn(page.env)).state).toBe('signed-out');
    expect(page.requests).toEqual([]);
  });

  it('takes the token out of a pasted link, a fragment or a bare token', async () => {
    expect(tokenFromText(`  http://localhost:3000/login#token=${service.adminToken}\n`)).toBe(
      service.adminToken,
    );
    expect(tokenFromText('#token=a%2Fb1234567')).toBe('a/b1234567');
    expect(tokenFromText(service.adminToken)).toBe(service.adminToken);
    expect(tokenFromText('http://localhost:3000/login')).toBeNull();
    expect(tokenFromText('')).toBeNull();
    const page = browser('');
    const pasted = tokenFromText(`http://localhost:3000/login#token=${service.adminToken}`) ?? '';
    expect((await checkToken(page.env, pasted, true)).state).toBe('signed-in');
    expect(page.storage.get(TOKEN_KEY)).toBe(service.adminToken);
  });

  it('signs a Discord session out on the server, and only forgets the admin token', async () => {
    const { token } = await createSession(service.store, {
      user: { id: '83', username: 'cy' },
      guildIds: [],
    });
    const user = browser('', token);
    await signOut(user.env, { kind: 'user' });
    expect(user.storage.has(TOKEN_KEY)).toBe(false);
    expect((await service.api('GET', '/api/session', { token })).status).toBe(401);

    const admin = browser('', service.adminToken);
    await signOut(admin.env, { kind: 'admin' });
    expect(admin.storage.has(TOKEN_KEY)).toBe(false);
    expect(admin.requests).toEqual([]);
  });
});
