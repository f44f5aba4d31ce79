import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderFixture, type BuilderFixture } from '../testing/builder-fixture.js';
import { startTestService, type TestService } from '../testing/service-harness.js';

// How the service serves a build of the builder (a stand-in build here; the end-to-end tests
// in builder-ui/src/e2e load the real one in Chromium). The sign-in logic the app runs at
// /login is tested in builder-ui/src/auth/sign-in.test.ts.

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

const get = (path: string) => fetch(`${service.url}${path}`);

/** The nonce the answer's CSP allows `<style>` elements with. */
function styleNonceOf(answer: Response): string {
  const csp = answer.headers.get('content-security-policy') ?? '';
  const styleSrc = /(?:^|;)\s*style-src ([^;]*)/.exec(csp)?.[1] ?? '';
  return /'nonce-([^']+)'/.exec(styleSrc)?.[1] ?? 'none';
}

describe('serving the builder', () => {
  it('answers index.html, never stored, on every client route', async () => {
    for (const path of [
      '/',
      '/login',
      '/templates',
      '/guilds/1300000000000000000/graphs',
      '/guilds/1/graphs/g_1',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(answer.headers.get('cache-control'), path).toBe('no-store');
      expect(await answer.text(), path).toBe(
        build.indexHtml.replaceAll('GUILDFLOW_CSP_NONCE', styleNonceOf(answer)),
      );
    }
  });

  it('gives every page a fresh style nonce, the one its CSP allows', async () => {
    // CodeMirror (the expression fields) styles itself with a <style> element: without the
    // nonce, the CSP blocks it and the editor's fields lose their layout.
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await get('/guilds/1/graphs/g_1');
      const nonce = styleNonceOf(answer);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(await answer.text()).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it('serves hashed assets for a year and a missing asset as a plain 404', async () => {
    const script = await get(build.script);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get('/assets/index-OldBuild.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(await missing.text()).toContain('reload the page');
  });

  it('revalidates the build’s other files and keeps the service’s own style sheet', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const css = await get('/assets/page.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('/not-a-page')).status).toBe(404);
  });

  it('says how to build the builder when it is not built', async () => {
    const bare = await startTestService({
      mongo: service.deps.mongo,
      builderDir: `${build.dir}/missing`,
    });
    try {
      const answer = await fetch(`${bare.url}/guilds/1/graphs`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.text()).toContain('npm run build -w builder-ui');
      // The API does not depend on the build.
      expect((await bare.api('GET', '/api/catalog')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
