import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first so the comparison also
 * takes the same time whatever their lengths (timingSafeEqual needs equal lengths).
 *
 * @example
 * if (safeEqual(presented, deps.adminToken)) caller = { kind: 'admin' };
 */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * A new random bearer token (256 bits, base64url).
 *
 * @example
 * const token = newToken(); // 43 characters
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The bearer token of a request's `Authorization` header, or undefined when there is none.
 *
 * @example
 * bearerToken('Bearer abc'); // 'abc'
 */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
