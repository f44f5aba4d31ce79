import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every answer. Scripts and style sheets only from this origin
 * (no inline script: the pages load theirs from `/assets/`, as the Vite-built builder will);
 * inline `style` attributes are allowed because React Flow positions nodes with them; a
 * `<style>` element only with the answer's nonce (added to `style-src`, see {@link cspNonce});
 * images may also be Discord avatars; nothing may frame the app.
 *
 * @example
 * CONTENT_SECURITY_POLICY['script-src']; // ["'self'"]
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'https://cdn.discordapp.com'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
};

/**
 * Where the builder's `index.html` says the answer's style nonce goes (Vite's `html.cspNonce`
 * in builder-ui/vite.config.ts writes it into a `<meta property="csp-nonce">`).
 */
export const CSP_NONCE_PLACEHOLDER = 'GUILDFLOW_CSP_NONCE';

/**
 * The style nonce of this answer: the one `<style>` elements need to apply (CodeMirror, the
 * builder's expression editor, puts its styles in one). Fresh for every answer.
 */
export function cspNonce(res: Response): string {
  return res.locals.cspNonce as string;
}

/**
 * Security headers on every answer (pages, API, errors, webhooks), set by helmet: the CSP above,
 * `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`
 * (a URL never travels to another site), HSTS (browsers honour it over https only), and
 * helmet's cross-origin isolation defaults.
 *
 * @example
 * app.use(securityHeaders()); // first, so even early errors carry them
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // No upgrade-insecure-requests: self-hosted instances are often plain http on a LAN.
      directives: {
        ...Object.fromEntries(
          Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
        ),
        'style-src': [
          ...(CONTENT_SECURITY_POLICY['style-src'] ?? []),
          (_req, res) => `'nonce-${cspNonce(res as Response)}'`,
        ],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  return (req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    headers(req, res, next);
  };
}
