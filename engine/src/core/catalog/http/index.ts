import { request } from './request.js';

/**
 * The HTTP node types.
 *
 * @example
 * HTTP_NODES[0].type; // 'http.request'
 */
export const HTTP_NODES = [request] as const;

export { request as httpRequest };
export { HTTP_MAX_REDIRECTS, HTTP_RESPONSE_LIMIT_BYTES } from './request.js';
