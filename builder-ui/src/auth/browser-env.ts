import type { SignInEnv } from './sign-in.js';

/** The real browser's parts for the sign-in logic. */
export function browserEnv(): SignInEnv {
  return {
    location: window.location,
    history: window.history,
    storage: window.localStorage,
    fetch: (url, init) => window.fetch(url, init),
  };
}
