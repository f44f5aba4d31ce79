import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { basePermissions } from '../permissions.js';
import { apiUser } from '../serialize.js';
import type { SandboxState } from '../state.js';
import { ACCESS_TOKEN_TTL_S, type OAuthGrants, type TokenGrant } from './grants.js';

/**
 * The OAuth2 side of Discord's REST API, mounted before the bot routes at `/api/v10`:
 * `POST /oauth2/token` (authorization_code and refresh_token grants, form-encoded, client
 * credentials in the body or as HTTP Basic; errors in OAuth2's `{ error, error_description }`
 * shape), `POST /oauth2/token/revoke`, and `GET /users/@me` and `/users/@me/guilds` for
 * `Authorization: Bearer <access token>` — requests with a bot token fall through to the bot
 * routes.
 *
 * @example
 * app.use(['/api/v10', '/api/v9'], oauthRestRouter(state, grants), restRouter(ctx));
 */
export function oauthRestRouter(state: SandboxState, grants: OAuthGrants): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  router.post('/oauth2/token', form, (req, res) => {
    const body = fields(req);
    if (!clientAuthenticated(req, body, grants)) return oauthError(res, 401, 'invalid_client');
    const grantType = body.grant_type;
    if (grantType === 'authorization_code') {
      const grant = body.code ? grants.takeCode(body.code) : undefined;
      if (!grant || grant.clientId !== grants.clientId)
        return oauthError(res, 400, 'invalid_grant', 'Invalid "code" in request.');
      if (body.redirect_uri !== grant.redirectUri)
        return oauthError(res, 400, 'invalid_grant', 'Invalid "redirect_uri" in request.');
      return void res.json(tokenAnswer(grants.issueToken(grant.userId, grant.scopes)));
    }
    if (grantType === 'refresh_token') {
      const renewed = body.refresh_token ? grants.refresh(body.refresh_token) : undefined;
      if (!renewed)
        return oauthError(res, 400, 'invalid_grant', 'Invalid "refresh_token" in request.');
      return void res.json(tokenAnswer(renewed));
    }
    oauthError(
      res,
      400,
      'unsupported_grant_type',
      'The authorization grant type is not supported by the authorization server.',
    );
  });

  router.post('/oauth2/token/revoke', form, (req, res) => {
    const body = fields(req);
    if (!clientAuthenticated(req, body, grants)) return oauthError(res, 401, 'invalid_client');
    if (body.token) grants.revoke(body.token);
    res.json({});
  });

  // Only bearer (user) requests are ours; bot requests go on to the bot routes.
  const bearer = (req: Request, res: Response, next: NextFunction): void => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('Authorization') ?? '');
    if (!match?.[1]) return next('router');
    const grant = grants.access(match[1]);
    if (!grant) return void res.status(401).json({ message: '401: Unauthorized', code: 0 });
    res.locals.grant = grant;
    next();
  };
  const needs = (scope: string, res: Response): TokenGrant | undefined => {
    const grant = res.locals.grant as TokenGrant;
    if (grant.scopes.includes(scope)) return grant;
    res.status(401).json({ message: '401: Unauthorized', code: 0 });
    return undefined;
  };

  router.get('/users/@me', bearer, (_req, res) => {
    const grant = needs('identify', res);
    if (!grant) return;
    const user = state.users.get(grant.userId);
    if (!user) return void res.status(404).json({ message: 'Unknown User', code: 10013 });
    res.json({
      ...apiUser(user),
      locale: 'en-US',
      mfa_enabled: false,
      ...(grant.scopes.includes('email')
        ? { email: `${user.username}@sandbox.invalid`, verified: true }
        : {}),
    });
  });

  router.get('/users/@me/guilds', bearer, (req, res) => {
    const grant = needs('guilds', res);
    if (!grant) return;
    const q = req.query as Record<string, string | undefined>;
    const limit = q.limit === undefined ? 200 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      return void res.status(400).json({
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          limit: {
            _errors: [
              {
                code: 'NUMBER_TYPE_MAX',
                message: 'int value should be less than or equal to 200.',
              },
            ],
          },
        },
      });
    const after = snowflakeOr(q.after, -1n);
    const before = snowflakeOr(q.before, null);
    const guilds = [...state.guilds.values()]
      .filter((g) => g.members.get(grant.userId)?.present)
      .filter((g) => BigInt(g.id) > after && (before === null || BigInt(g.id) < before))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .slice(0, limit)
      .map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: g.ownerId === grant.userId,
        permissions: basePermissions(g, grant.userId).toString(),
        features: [],
        ...(q.with_counts === 'true'
          ? {
              approximate_member_count: state.presentMembers(g).length,
              approximate_presence_count: 0,
            }
          : {}),
      }));
    res.json(guilds);
  });

  return router;
}

function snowflakeOr<T extends bigint | null>(value: string | undefined, fallback: T): bigint | T {
  return value !== undefined && /^\d{1,20}$/.test(value) ? BigInt(value) : fallback;
}

function safeEqualText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

function fields(req: Request): Record<string, string | undefined> {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** Client credentials in the form body or as HTTP Basic (Discord accepts both). */
function clientAuthenticated(
  req: Request,
  body: Record<string, string | undefined>,
  grants: OAuthGrants,
): boolean {
  let id = body.client_id;
  let secret = body.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(req.get('Authorization') ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  return (
    id === grants.clientId && secret !== undefined && safeEqualText(secret, grants.clientSecret)
  );
}

function tokenAnswer({ accessToken, grant }: { accessToken: string; grant: TokenGrant }) {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_S,
    refresh_token: grant.refreshToken,
    scope: grant.scopes.join(' '),
  };
}

function oauthError(res: Response, status: number, error: string, description?: string): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json(description === undefined ? { error } : { error, error_description: description });
}
