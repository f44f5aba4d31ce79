/**
 * Signing in with the printed link: the token travels in the URL fragment (never in a request
 * line or a server log), is checked with `GET /api/session` and kept in the browser only when
 * the API accepts it. The browser's parts are passed in, so the logic is tested against the
 * real service outside a browser.
 */
import { TOKEN_KEY } from '../api/client.js';

/** What signing in needs from the browser. */
export interface SignInEnv {
  location: { hash: string; pathname: string; search?: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch(url: string, init: RequestInit): Promise<Pick<Response, 'ok' | 'status' | 'json'>>;
}

/** The caller as `GET /api/session` describes them. */
export interface Who {
  kind: 'admin' | 'user';
  user: { id: string; username: string } | null;
  guildIds: string[] | null;
  expiresAt: string | null;
}

export type SignInResult =
  | { state: 'signed-out' }
  | { state: 'signed-in'; token: string; who: Who; fromLink: boolean }
  | { state: 'refused' | 'unavailable'; fromLink: boolean; message: string };

/**
 * The token in a pasted sign-in link (`http://…/login#token=…`), a bare `#token=…`, or a token
 * pasted alone; null when the text holds none.
 *
 * @example
 * tokenFromText('http://localhost:3000/login#token=abc'); // 'abc'
 */
export function tokenFromText(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const match = /(?:^|[#&])token=([^&\s]+)/.exec(trimmed);
  if (match?.[1]) return safeDecode(match[1]);
  // A bare token: one word, no URL around it.
  return /^[A-Za-z0-9._~+/=-]{8,}$/.test(trimmed) ? trimmed : null;
}

/**
 * Checks a token with `GET /api/session` and keeps it when the API accepts it; a refused token
 * is never kept (and a kept one is forgotten).
 */
export async function checkToken(
  env: Pick<SignInEnv, 'storage' | 'fetch'>,
  token: string,
  fromLink: boolean,
): Promise<SignInResult> {
  let answer: Pick<Response, 'ok' | 'status' | 'json'>;
  try {
    answer = await env.fetch('/api/session', {
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
    const who = (await answer.json()) as Who;
    env.storage.setItem(TOKEN_KEY, token);
    return { state: 'signed-in', token, who, fromLink };
  }
  const error = (await answer.json().then(
    (body: { error?: { message?: string } } | null) => body?.error,
    () => undefined,
  )) as { message?: string } | undefined;
  if (answer.status === 401) {
    env.storage.removeItem(TOKEN_KEY);
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
    message: `The sign-in could not be checked (${answer.status}${error?.message ? `: ${error.message}` : ''}).`,
  };
}

/** Signs in from `#token=…` (removed from the address bar at once) or from the stored token. */
export async function checkSignIn(env: SignInEnv): Promise<SignInResult> {
  const match = /(?:^#|&)token=([^&]+)/.exec(env.location.hash);
  if (match)
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search ?? ''}`);
  const token = match?.[1] ? safeDecode(match[1]) : env.storage.getItem(TOKEN_KEY);
  if (!token) return { state: 'signed-out' };
  return checkToken(env, token, Boolean(match));
}

/**
 * One line about who is signed in.
 *
 * @example
 * whoText({ kind: 'admin', user: null, guildIds: null, expiresAt: null }); // 'Signed in as the admin of this Guildflow (every server).'
 */
export function whoText(who: Who): string {
  if (who.kind === 'admin') return 'Signed in as the admin of this Guildflow (every server).';
  const count = who.guildIds?.length ?? 0;
  return `Signed in as ${who.user?.username ?? 'you'} with Discord: you manage ${count} server${count === 1 ? '' : 's'} here.`;
}

/**
 * Signs out: a Discord session ends on the server at once; the admin token is only forgotten
 * by this browser (it cannot be revoked from here).
 */
export async function signOut(
  env: Pick<SignInEnv, 'storage' | 'fetch'>,
  who: Pick<Who, 'kind'> | undefined,
): Promise<void> {
  const token = env.storage.getItem(TOKEN_KEY);
  if (token && who?.kind === 'user')
    await env
      .fetch('/api/session/end', { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
      .catch(() => undefined);
  env.storage.removeItem(TOKEN_KEY);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
