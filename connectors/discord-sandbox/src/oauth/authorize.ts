import express, { type Request, type Response } from 'express';
import type { SandboxState } from '../state.js';
import { KNOWN_SCOPES, type OAuthGrants } from './grants.js';

/**
 * Discord's consent screen, `GET /oauth2/authorize` (also under `/api` and `/api/v10`, as on
 * Discord). A browser sees a page to pick the sandbox user to approve as, or to cancel. Tests
 * skip the page with two sandbox-only query options: `sandbox_user=<user id>` approves as that
 * user, `sandbox_deny=1` cancels. Either way the browser goes back to `redirect_uri` with
 * `code` and `state` (or `error=access_denied`), exactly as Discord sends it.
 *
 * @example
 * app.use(authorizeRouter(state, grants));
 * // GET /oauth2/authorize?client_id=…&redirect_uri=…&response_type=code&scope=identify%20guilds&state=s&sandbox_user=1300000000000000301
 * // → 302 <redirect_uri>?code=…&state=s
 */
export function authorizeRouter(state: SandboxState, grants: OAuthGrants): express.Router {
  const router = express.Router();
  router.get(
    ['/oauth2/authorize', '/api/oauth2/authorize', '/api/v10/oauth2/authorize'],
    (req, res) => {
      const q = req.query as Record<string, unknown>;
      const param = (name: string): string | undefined =>
        typeof q[name] === 'string' ? (q[name] as string) : undefined;
      const clientId = param('client_id');
      if (clientId !== grants.clientId)
        return page(
          res,
          400,
          'Unknown application',
          `No application with client_id "${clientId ?? ''}". The sandbox application's id is ${grants.clientId}.`,
        );
      const redirectUri = param('redirect_uri') ?? grants.redirectUris?.[0];
      if (!redirectUri || !grants.allowsRedirect(redirectUri))
        return page(
          res,
          400,
          'Invalid OAuth2 redirect_uri',
          'The redirect_uri is missing or not registered for this application.',
        );
      const back = (params: Record<string, string>): void => {
        const target = new URL(redirectUri);
        for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
        const stateParam = param('state');
        if (stateParam !== undefined) target.searchParams.set('state', stateParam);
        res.status(302).location(target.toString()).end();
      };
      if (param('response_type') !== 'code')
        return back({
          error: 'unsupported_response_type',
          error_description:
            'The authorization server does not support obtaining an authorization code using this method.',
        });
      const scopes = (param('scope') ?? '').split(/[\s+]+/).filter(Boolean);
      if (!scopes.length || scopes.some((s) => !(KNOWN_SCOPES as readonly string[]).includes(s)))
        return back({
          error: 'invalid_scope',
          error_description: 'The requested scope is invalid, unknown, or malformed.',
        });
      if (param('sandbox_deny') !== undefined)
        return back({
          error: 'access_denied',
          error_description: 'The resource owner or authorization server denied the request',
        });
      const userId = param('sandbox_user');
      if (userId === undefined) return consentPage(req, res, state, scopes);
      const user = state.users.get(userId);
      if (!user || user.bot)
        return page(
          res,
          400,
          'Unknown sandbox user',
          `No sandbox user ${userId} to sign in as; pick one of the members listed on the authorize page.`,
        );
      back({ code: grants.issueCode({ clientId, redirectUri, userId, scopes }) });
    },
  );
  return router;
}

function consentPage(req: Request, res: Response, state: SandboxState, scopes: string[]): void {
  const link = (extra: string): string => {
    const url = new URL(req.originalUrl, 'http://sandbox');
    const [key, value] = extra.split('=') as [string, string];
    url.searchParams.set(key, value);
    return escape(`${url.pathname}${url.search}`);
  };
  const people = [...state.users.values()].filter((u) => !u.bot);
  const items = people
    .map(
      (u) =>
        `<li><a href="${link(`sandbox_user=${u.id}`)}">Authorize as ${escape(u.globalName ?? u.username)}</a> <small>(${escape(u.username)}, ${u.id})</small></li>`,
    )
    .join('');
  res
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `${HEAD}<h1>Sign in to ${escape(state.applicationName)} (sandbox)</h1>` +
        `<p>The application asks for: ${escape(scopes.join(', '))}. Pick the sandbox user to approve as.</p>` +
        `<ul>${items}</ul><p><a href="${link('sandbox_deny=1')}">Cancel</a></p></body></html>`,
    );
}

function page(res: Response, status: number, title: string, message: string): void {
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(`${HEAD}<h1>${escape(title)}</h1><p>${escape(message)}</p></body></html>`);
}

const HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Discord sandbox</title>' +
  '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head><body>';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
