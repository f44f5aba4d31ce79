import type { Request, Response } from 'express';
import { ApiError } from '../errors.js';

/**
 * The ETag of a resource at a revision: a strong tag, the revision number in quotes.
 *
 * @example
 * res.set('ETag', etagOf(7)); // "7"
 */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revision an `If-Match` header requires, or undefined when the request carries none (or
 * `*`). A header that names no revision of ours can never match, so it fails like a stale one.
 *
 * @example
 * const expected = ifMatchRevision(req); // If-Match: "7" → 7
 */
export function ifMatchRevision(req: Request): number | undefined {
  const header = req.get('If-Match')?.trim();
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header);
  if (!match?.[1]) throw preconditionFailed();
  return Number(match[1]);
}

/**
 * 412 `conflict`: the resource changed since the revision the client started from.
 *
 * @example
 * if (graph.revision !== expected) throw preconditionFailed();
 */
export function preconditionFailed(): ApiError {
  return new ApiError(
    412,
    'conflict',
    'The graph was changed by someone else since you loaded it (If-Match does not match its ETag). Reload it, reapply your change and save again.',
  );
}

/**
 * Refuses a request that carries a body that is not JSON (415), so a form post or a text body
 * is not mistaken for an empty document.
 *
 * @example
 * router.put('/graphs/:graphId', requireJson, handler);
 */
export function requireJson(req: Request, _res: Response, next: (error?: unknown) => void): void {
  const hasBody =
    req.get('Content-Length') !== undefined
      ? req.get('Content-Length') !== '0'
      : req.get('Transfer-Encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(
      new ApiError(
        415,
        'unsupported_media_type',
        'Send the body as JSON with the header Content-Type: application/json.',
      ),
    );
    return;
  }
  next();
}
