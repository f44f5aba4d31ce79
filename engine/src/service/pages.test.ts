import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/service-harness.js';
import { createSession, endSession } from './auth/sessions.js';
import { ASSETS_DIR } from './pages.js';

// No browser is installed here: the page is checked at the HTTP level, and the served script's
// logic runs in Node against the real service, with the browser's storage and history as plain
// objects.

interface LoginScript {
  TOKEN_KEY: string;
  checkSignIn(env: unknown): Promise<{
    state: string;
    who?: { kind: string; guildIds: string[] | null };
    message?: string;
  }>;
  whoText(who: unknown): string;
}

let service: TestService;
let script: LoginScript;

beforeAll(async () => {
  service = await startTestService();
  script = (await import(pathToFileURL(join(ASSETS_DIR, 'login.js')).href)) as LoginScript;
});
afterAll(() => service?.close());

/** A browser at `/login<hash>` with `stored` in its storage; records what the script did. */
function browser(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored ? [[script.TOKEN_KEY, stored]] : []);
  const replaced: string[] = [];
  const requests: { url: string; init: RequestInit }[] = [];
  return {
    storage,
    replaced,
    requests,
    env: {
      location: { hash, pathname: '/login' },
      history: { replaceState: (_d: unknown, _u: string, url: string) => replaced.push(url) },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
        removeItem: (k: string) => void storage.delete(k),
      },
      fetch: (url: string, init: RequestInit) => {
        requests.push({ url, init });
        return fetch(`${service.url}${url}`, init);
      },
    },
  };
}

describe('the sign-in page', () => {
  it('has no inline script or style and loads its script from /assets', async () => {
    for (const path of ['/', '/login']) {
      const answer = await fetch(`${service.url}${path}`);
      const html = await answer.text();
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('<script type="module" src="/assets/login.js"></script>');
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\son\w+=/);
    }
    const served = await fetch(`${service.url}/assets/login.js`);
    expect(served.headers.get('content-type')).toMatch(/^text\/javascript/);
    // The logic tested below is the file that is served.
    expect(await served.text()).toBe(readFileSync(join(ASSETS_DIR, 'login.js'), 'utf8'));
    const css = await fetch(`${service.url}/assets/page.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('checks a token from the link with the API before keeping it', async () => {
    const page = browser(`#token=${service.adminToken}`);
    const result = await script.checkSignIn(page.env);
    expect(result.state).toBe('signed-in');
    expect(script.whoText(result.who)).toBe(
      'Signed in as the admin of this Guildflow (every server).',
    );
    expect(page.storage.get(script.TOKEN_KEY)).toBe(service.adminToken);
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
    const result = await script.checkSignIn(browser(`#token=${token}`).env);
    expect(result.state).toBe('signed-in');
    expect(script.whoText(result.who)).toBe(
      'Signed in as ana with Discord: you manage 2 servers here.',
    );
  });

  it('does not keep a wrong token, and says so', async () => {
    const page = browser('#token=not-a-token');
    const result = await script.checkSignIn(page.env);
    expect(result.state).toBe('refused');
    expect(result.message).toContain('wrong or has expired');
    expect(page.storage.has(script.TOKEN_KEY)).toBe(false);
    expect(page.replaced).toEqual(['/login']);
  });

  it('forgets a stored token the API no longer accepts', async () => {
    const { token } = await createSession(service.store, {
      user: { id: '82', username: 'bo' },
      guildIds: [],
    });
    await endSession(service.store, token);
    const page = browser('', token);
    const result = await script.checkSignIn(page.env);
    expect(result.state).toBe('refused');
    expect(result.message).toBe(
      'You were signed out: The token is invalid or has expired. Sign in again to get a new one.',
    );
    expect(page.storage.has(script.TOKEN_KEY)).toBe(false);
  });

  it('does nothing without a token', async () => {
    const page = browser('');
    expect((await script.checkSignIn(page.env)).state).toBe('signed-out');
    expect(page.requests).toEqual([]);
  });
});
