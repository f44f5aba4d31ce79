/**
 * Credentials by name: `http.request` names a credential of its guild; the secret comes from a
 * {@link CredentialSource} the worker injects (the credentials store) and goes only into the
 * request's headers — never into the step's input, output or error messages.
 */

/** A stored credential's secret, as the request applies it. */
export type HttpCredential =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'header'; header: string; value: string };

/** A stored credential of a kind requests cannot use (a Stripe account's keys). */
export interface OtherCredential {
  type: 'stripe';
}

/**
 * Where the executor finds a guild's credentials by name (implemented by the credentials
 * store; injected by the worker). Undefined when the guild has no credential of that name.
 */
export interface CredentialSource {
  resolve(guildId: string, name: string): Promise<HttpCredential | OtherCredential | undefined>;
}

/** A source that knows no credentials (every name is missing). */
export const noCredentials: CredentialSource = { resolve: () => Promise.resolve(undefined) };

/** The headers a credential sets, and the secret strings to keep out of what the step shows. */
export interface AppliedCredential {
  headers: Record<string, string>;
  secrets: string[];
}

/**
 * The request headers of a credential, lowercase names.
 *
 * @example
 * credentialHeaders({ type: 'basic', username: 'a', password: 'b' }).headers;
 * // { authorization: 'Basic YTpi' }
 */
export function credentialHeaders(credential: HttpCredential): AppliedCredential {
  switch (credential.type) {
    case 'bearer':
      return {
        headers: { authorization: `Bearer ${credential.token}` },
        secrets: [credential.token],
      };
    case 'basic': {
      const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString(
        'base64',
      );
      return {
        headers: { authorization: `Basic ${encoded}` },
        secrets: [encoded, credential.password],
      };
    }
    case 'header':
      return {
        headers: { [credential.header.toLowerCase()]: credential.value },
        secrets: [credential.value],
      };
  }
}

const MASK = '[credential]';

/**
 * `value` with every occurrence of a secret replaced by `[credential]`, deeply (strings, array
 * items, object values and keys). An API that echoes the request's headers back (as httpbin
 * does) must not put the secret into the run's output.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const active = secrets.filter((s) => s !== '');
  if (active.length === 0) return value;
  const scrub = (text: string) => active.reduce((t, s) => t.split(s).join(MASK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
