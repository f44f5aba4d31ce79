import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/**
 * The folder of the pages' static files (`/assets/login.js`, `/assets/page.css`).
 *
 * @example
 * readFileSync(join(ASSETS_DIR, 'login.js'), 'utf8');
 */
export const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

/**
 * The pages served outside `/api` until the builder UI lands: `/login` checks the token from the
 * URL fragment (it never reaches a request line or a server log) with `GET /api/session`, keeps
 * it in the browser's storage only when the API accepts it, and says who is signed in; `/` links
 * to what exists today. Their script and styles are files under `/assets/` (the CSP allows no
 * inline script or style element).
 *
 * @example
 * mountPages(app);
 */
export function mountPages(app: Express): void {
  app.use(
    '/assets',
    express.static(ASSETS_DIR, {
      index: false,
      // Not hashed names yet: revalidate each time so a new version is picked up at once.
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
  );
  app.get(['/', '/login'], (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(PAGE);
  });
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Guildflow</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/page.css">
<script type="module" src="/assets/login.js"></script>
</head><body>
<h1>Guildflow</h1>
<p id="status">Not signed in: open the sign-in link that <code>npm start</code> printed, or <a href="/auth/discord">sign in with Discord</a>.</p>
<p id="signout" hidden><button type="button">Sign out</button></p>
<ul>
<li><a href="/api/health">Health</a> — Temporal, the store and Discord</li>
<li><a href="/api/catalog">Node catalog</a> (needs the token as <code>Authorization: Bearer …</code>)</li>
</ul>
<p>The drag-and-drop builder is not part of this build yet; graphs can be managed through the HTTP API.</p>
</body></html>`;
