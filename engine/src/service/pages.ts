import type { Express } from 'express';

/**
 * The pages served outside `/api` until the builder UI lands: `/login` keeps the admin token
 * from the URL fragment (it never reaches a request line or a server log) in the browser's
 * storage, then clears the fragment; `/` links to what exists today.
 *
 * @example
 * mountPages(app);
 */
export function mountPages(app: Express): void {
  app.get(['/', '/login'], (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(PAGE);
  });
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Guildflow</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:0 .3em}</style>
</head><body>
<h1>Guildflow</h1>
<p id="status">Not signed in: open the sign-in link that <code>npm start</code> printed, or <a href="/auth/discord">sign in with Discord</a>.</p>
<p id="signout" hidden><button type="button">Sign out</button></p>
<ul>
<li><a href="/api/health">Health</a> — Temporal, the store and Discord</li>
<li><a href="/api/catalog">Node catalog</a> (needs the token as <code>Authorization: Bearer …</code>)</li>
</ul>
<p>The drag-and-drop builder is not part of this build yet; graphs can be managed through the HTTP API.</p>
<script>
const match = /token=([^&]+)/.exec(location.hash);
if (match) {
  localStorage.setItem('guildflow.token', decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname);
}
const token = localStorage.getItem('guildflow.token');
if (token) {
  const status = document.getElementById('status');
  const auth = { Authorization: 'Bearer ' + token };
  fetch('/api/session', { headers: auth }).then(async (answer) => {
    if (!answer.ok) return;
    const who = await answer.json();
    status.textContent = who.kind === 'admin'
      ? 'Signed in as the admin of this Guildflow.'
      : 'Signed in as ' + who.user.username + ' (' + who.guildIds.length + ' server(s) you manage).';
    const out = document.getElementById('signout');
    out.hidden = false;
    out.querySelector('button').onclick = async () => {
      if (who.kind === 'user') await fetch('/api/session/end', { method: 'POST', headers: auth });
      localStorage.removeItem('guildflow.token');
      location.replace('/');
    };
  });
}
</script>
</body></html>`;
