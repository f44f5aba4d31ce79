import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Response } from 'express';
import { CSP_NONCE_PLACEHOLDER, cspNonce } from './http/security-headers.js';

/**
 * The service's own static files: `page.css`, the style of the few pages the service writes
 * itself (a failed Discord sign-in, the builder not built yet).
 */
export const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/** Where `npm run build -w builder-ui` writes the builder (`npm start` builds it when stale). */
export const BUILDER_DIR = fileURLToPath(new URL('../../../builder-ui/dist/', import.meta.url));

/**
 * The builder's client-side routes: each answers the app's `index.html` and the app's router
 * draws the page (Express 5 path syntax).
 */
export const CLIENT_ROUTES = ['/', '/login', '/templates', '/guilds{/*rest}'];

// Vite puts a content hash in every asset name: a name never changes meaning, so browsers keep
// them for a year; index.html is never stored, so a new build is picked up at the next load.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the builder UI from `builderDir`: its hashed `/assets/` with long-lived caching,
 * `index.html` (no-store) for every client route, and the other files of the build (icons)
 * revalidated each time. Without a build, the client routes answer 503 with one sentence
 * saying how to build it. The service's own `/assets/page.css` stays available.
 */
export function mountPages(app: Express, builderDir = BUILDER_DIR): void {
  app.get('/assets/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(ASSETS_DIR, 'page.css'));
  });
  app.use(
    '/assets',
    express.static(join(builderDir, 'assets'), {
      index: false,
      setHeaders: (res) => res.set('Cache-Control', IMMUTABLE),
    }),
  );
  // An asset of an older build (a tab open across a deploy): a plain 404, never index.html.
  app.use('/assets', (_req, res) => {
    res
      .status(404)
      .set('Cache-Control', 'no-store')
      .type('text')
      .send('No such file in this build of the builder: reload the page.');
  });
  app.get(CLIENT_ROUTES, async (_req, res) => {
    let html: string;
    try {
      html = await readFile(join(builderDir, 'index.html'), 'utf8');
    } catch {
      notBuilt(res);
      return;
    }
    // The page's style nonce must match this answer's CSP (a fresh one each time).
    res
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(html.replaceAll(CSP_NONCE_PLACEHOLDER, cspNonce(res)));
  });
  app.use(
    express.static(builderDir, {
      index: false,
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
  );
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Guildflow</title>' +
        '<link rel="stylesheet" href="/assets/page.css"></head><body><h1>Guildflow</h1>' +
        '<p>The builder is not built yet: run <code>npm run build -w builder-ui</code> ' +
        '(<code>npm start</code> builds it by itself), then reload this page. The API is up: ' +
        '<a href="/api/health">/api/health</a>.</p></body></html>',
    );
}
