import { TOKEN_KEY } from '../api/client.js';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/**
 * Called when the API refuses the stored token (401) anywhere: the token is forgotten and the
 * app goes back to sign-in with the API's message.
 *
 * @example
 * if (error instanceof ApiError && error.status === 401) signedOutByApi(error.message);
 */
export function signedOutByApi(message: string): void {
  localStorage.removeItem(TOKEN_KEY);
  for (const listener of listeners) listener(message);
}

/**
 * Listens for {@link signedOutByApi}; returns the function that stops listening.
 *
 * @example
 * useEffect(() => onSignedOutByApi((message) => navigate('/login', { state: { message } })), [navigate]);
 */
export function onSignedOutByApi(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
