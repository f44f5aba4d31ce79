// The sign-in page's script (served as /assets/login.js; the CSP allows no inline script).
// `checkSignIn` is the logic, with the browser's parts passed in so it can be tested outside a
// browser; the rest draws its result on the page.
/* global document, location, history, localStorage, fetch */

/** Where the browser keeps the token once the API has accepted it. */
export const TOKEN_KEY = 'guildflow.token';

/**
 * Takes the token from `#token=…` (removing it from the address bar at once) or from storage,
 * asks `GET /api/session` who it belongs to, and keeps it only when the API accepts it. A token
 * the API refuses is never stored (and a stored one is forgotten); the token travels only in the
 * Authorization header.
 *
 * @param {{ location: { hash: string, pathname: string }, history: { replaceState(data: unknown, unused: string, url: string): void }, storage: { getItem(k: string): string | null, setItem(k: string, v: string): void, removeItem(k: string): void }, fetch: (url: string, init: object) => Promise<{ ok: boolean, status: number, json(): Promise<any> }> }} env
 * @returns {Promise<{ state: 'signed-out' } | { state: 'signed-in', token: string, who: any } | { state: 'refused' | 'unavailable', fromLink: boolean, message: string }>}
 */
export async function checkSignIn({ location, history, storage, fetch }) {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  const fromLink = Boolean(match);
  if (match) history.replaceState(null, '', location.pathname);
  const token = match ? decodeURIComponent(match[1]) : storage.getItem(TOKEN_KEY);
  if (!token) return { state: 'signed-out' };
  let answer;
  try {
    answer = await fetch('/api/session', {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch {
    return {
      state: 'unavailable',
      fromLink,
      message: fromLink
        ? 'Guildflow did not answer, so this sign-in link could not be checked: open the link again when the service is up.'
        : 'Guildflow did not answer: reload this page when the service is up.',
    };
  }
  if (answer.ok) {
    const who = await answer.json();
    storage.setItem(TOKEN_KEY, token);
    return { state: 'signed-in', token, who };
  }
  const error = await answer.json().then(
    (body) => body?.error,
    () => undefined,
  );
  if (answer.status === 401) {
    storage.removeItem(TOKEN_KEY);
    return {
      state: 'refused',
      fromLink,
      message: fromLink
        ? 'This sign-in link’s token is wrong or has expired, so you are not signed in. Open the latest link `npm start` printed (`npm start -- --print-login` prints it again), or sign in with Discord.'
        : `You were signed out: ${error?.message ?? 'the token is no longer valid. Sign in again.'}`,
    };
  }
  return {
    state: 'unavailable',
    fromLink,
    message: `The sign-in could not be checked (${answer.status}${error ? `: ${error.message}` : ''}).`,
  };
}

/** One line about who is signed in. */
export function whoText(who) {
  if (who.kind === 'admin') return 'Signed in as the admin of this Guildflow (every server).';
  const count = who.guildIds.length;
  return `Signed in as ${who.user.username} with Discord: you manage ${count} server${count === 1 ? '' : 's'} here.`;
}

async function main() {
  const status = document.getElementById('status');
  const result = await checkSignIn({
    location,
    history,
    storage: localStorage,
    fetch: (url, init) => fetch(url, init),
  });
  if (result.state === 'signed-out') return;
  if (result.state !== 'signed-in') {
    status.textContent = result.message;
    status.className = 'problem';
    return;
  }
  status.textContent = whoText(result.who);
  const out = document.getElementById('signout');
  out.hidden = false;
  out.querySelector('button').addEventListener('click', async () => {
    if (result.who.kind === 'user')
      await fetch('/api/session/end', {
        method: 'POST',
        headers: { Authorization: `Bearer ${result.token}` },
      }).catch(() => {});
    localStorage.removeItem(TOKEN_KEY);
    location.replace('/');
  });
}

if (typeof document !== 'undefined') void main();
