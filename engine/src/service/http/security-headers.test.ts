import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderFixture, type BuilderFixture } from '../../testing/builder-fixture.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';

let build: BuilderFixture;
let service: TestService;

beforeAll(async () => {
  build = builderFixture();
  service = await startTestService({ builderDir: build.dir });
});
afterAll(async () => {
  await service?.close();
  build?.remove();
});

/** The CSP as directive → sources. */
function policyOf(headers: Headers): Record<string, string[]> {
  const csp = headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  it('are on pages, assets, API answers, errors and webhook answers', async () => {
    const answers: [string, number, Headers][] = [];
    const get = async (path: string, init: RequestInit = {}, expected: number) => {
      const answer = await fetch(`${service.url}${path}`, { redirect: 'manual', ...init });
      await answer.arrayBuffer();
      answers.push([`${init.method ?? 'GET'} ${path}`, answer.status, answer.headers]);
      expect(answer.status, path).toBe(expected);
    };
    const admin = { Authorization: `Bearer ${service.adminToken}` };
    await get('/', {}, 200);
    await get('/login', {}, 200);
    await get('/guilds/1/graphs', {}, 200);
    await get(build.script, {}, 200);
    await get('/assets/page.css', {}, 200);
    await get('/auth/methods', {}, 200);
    await get('/api/catalog', { headers: admin }, 200);
    await get('/api/catalog', {}, 401);
    await get('/api/no-such-route', { headers: admin }, 404);
    await get(
      '/api/guilds/1/graphs',
      { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: '{' },
      400,
    );
    await get('/hooks/h_doesNotExist', { method: 'POST', body: '{}' }, 404);
    await get('/stripe/webhook', { method: 'POST', body: '{}' }, 503);
    await get('/auth/discord', {}, 501);

    for (const [what, , headers] of answers) {
      const csp = policyOf(headers);
      expect(csp['script-src'], what).toEqual(["'self'"]);
      // <style> elements only with this answer's nonce (CodeMirror's, in the builder).
      expect(csp['style-src']?.[0], what).toBe("'self'");
      expect(csp['style-src']?.[1], what).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
      expect(csp['style-src'], what).toHaveLength(2);
      expect(csp['style-src-attr'], what).toEqual(["'unsafe-inline'"]);
      expect(csp['connect-src'], what).toEqual(["'self'"]);
      expect(csp['img-src'], what).toEqual(["'self'", 'data:', 'https://cdn.discordapp.com']);
      expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
      expect(csp['object-src'], what).toEqual(["'none'"]);
      expect(headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(headers.get('x-frame-options'), what).toBe('DENY');
      expect(headers.get('x-powered-by'), what).toBeNull();
    }
  });
});
