import {
  Router,
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { Type } from '@sinclair/typebox';
import type { ServiceDeps } from '../deps.js';
import { ApiError, errorBody } from '../errors.js';
import { baseUrlOf } from '../http/context.js';
import { check } from '../http/validate.js';
import { openStore, secretBox } from '../storage/index.js';
import { signInFailed } from './discord-sign-in.js';
import { createSession } from './sessions.js';
import { newToken, safeEqual } from './tokens.js';

/**
 * The cookie that binds a sign-in to the browser that started it (OAuth2 `state`).
 *
 * @example
 * res.append('Set-Cookie', `${STATE_COOKIE}=…; HttpOnly; SameSite=Lax`);
 */
export const STATE_COOKIE = 'guildflow_oauth_state';
const STATE_PATH = '/auth/discord';
/** A sign-in has 10 minutes to come back, like Discord's codes. */
const STATE_MAX_AGE_S = 600;

const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 128 })),
  error_description: Type.Optional(Type.String({ maxLength: 1024 })),
});

/**
 * Sign-in with Discord, outside `/api` because browsers navigate here (and `GET /auth/methods`,
 * which says whether it is configured): `GET /auth/discord`
 * sets a random `state` in an HttpOnly SameSite=Lax cookie and sends the browser to Discord's
 * consent page; `GET /auth/discord/callback` checks the state against the cookie, trades the
 * code for the user, their manageable guilds and Discord's grant (kept sealed, for the hourly
 * re-check), creates a session and sends the browser to `/login#token=…` (the token stays in
 * the fragment). Failures answer an HTML page to browsers and the JSON error to everyone else;
 * no session is created.
 */
export function signInRoutes(deps: ServiceDeps, limit: RequestHandler): Router {
  const router = Router();
  // Per client: a 429 reaches browsers as the error page below.
  router.use(STATE_PATH, limit);

  // Public, so the sign-in page offers only what works here.
  router.get('/auth/methods', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json({ link: true, discord: Boolean(deps.discordOAuth) });
  });

  router.get(STATE_PATH, (req, res) => {
    const settings = deps.discordOAuth;
    if (!settings) throw notConfigured();
    const state = newToken();
    const redirectUri = redirectUriOf(deps, req);
    res
      .status(302)
      .set('Cache-Control', 'no-store')
      .append('Set-Cookie', stateCookie(state, redirectUri, STATE_MAX_AGE_S))
      .location(settings.authorizeUrl(redirectUri, state))
      .end();
  });

  router.get(`${STATE_PATH}/callback`, async (req, res, next) => {
    const redirectUri = redirectUriOf(deps, req);
    // The state is single-use: whatever happens next, the browser forgets it.
    res.set('Cache-Control', 'no-store').append('Set-Cookie', stateCookie('', redirectUri, 0));
    try {
      const settings = deps.discordOAuth;
      if (!settings) throw notConfigured();
      const query = check(CallbackQuery, req.query, 'query');
      const expected = cookieOf(req, STATE_COOKIE);
      if (!expected || !query.state || !safeEqual(expected, query.state))
        throw new ApiError(
          400,
          'sign_in_state_mismatch',
          'This sign-in was not started in this browser or took more than 10 minutes. Start again at /auth/discord.',
        );
      if (query.error === 'access_denied')
        throw new ApiError(
          403,
          'sign_in_denied',
          'You cancelled the sign-in on Discord, so you are not signed in. Start again at /auth/discord and choose Authorize.',
        );
      if (query.error !== undefined || !query.code)
        throw signInFailed(
          400,
          `Discord did not sign you in (${query.error ?? 'no code'}${query.error_description ? `: ${query.error_description}` : ''}). Start again at /auth/discord.`,
        );
      const now = (deps.now ?? Date.now)();
      const { grant, ...identity } = await settings.identityFromCode(query.code, redirectUri, now);
      const { token } = await createSession(await openStore(deps.mongo), {
        ...identity,
        // Kept (sealed) so the session's guilds can be re-checked with Discord.
        sealedGrant: secretBox(deps.secretKey, deps.legacySecretKeys).seal(JSON.stringify(grant)),
        now,
        ...(settings.sessionTtlMs === undefined ? {} : { ttlMs: settings.sessionTtlMs }),
      });
      res
        .status(302)
        .location(`/login#token=${encodeURIComponent(token)}`)
        .end();
    } catch (error) {
      answerError(error, req, res, next);
    }
  });

  const errors: ErrorRequestHandler = (error, req, res, next) => answerError(error, req, res, next);
  router.use(errors);
  return router;
}

/**
 * The redirect URI to register in the Discord application: `<public URL>/auth/discord/callback`.
 *
 * @example
 * redirectUriOf({ publicUrl: 'https://gf.example' } as ServiceDeps, req); // 'https://gf.example/auth/discord/callback'
 */
export function redirectUriOf(deps: ServiceDeps, req: Request): string {
  return `${baseUrlOf(deps, req).replace(/\/+$/, '')}${STATE_PATH}/callback`;
}

function notConfigured(): ApiError {
  return new ApiError(
    501,
    'sign_in_not_configured',
    'Sign-in with Discord is not set up on this Guildflow. Set DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET (from your Discord application’s OAuth2 page) and GUILDFLOW_PUBLIC_URL, register <GUILDFLOW_PUBLIC_URL>/auth/discord/callback as a redirect URI, and restart. Self-hosted admins can use the sign-in link `npm start` printed instead.',
  );
}

function stateCookie(value: string, redirectUri: string, maxAgeS: number): string {
  const secure = redirectUri.startsWith('https:') ? '; Secure' : '';
  return `${STATE_COOKIE}=${value}; Max-Age=${maxAgeS}; Path=${STATE_PATH}; HttpOnly; SameSite=Lax${secure}`;
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('Cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

function answerError(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (!(error instanceof ApiError)) return next(error);
  if (req.accepts(['json', 'html']) !== 'html') {
    res.status(error.status).json(errorBody(error));
    return;
  }
  res
    .status(error.status)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed — Guildflow</title>` +
        `<link rel="stylesheet" href="/assets/page.css"></head>` +
        `<body><h1>Sign-in failed</h1><p>${escapeHtml(error.message)}</p>` +
        `<p><a href="${STATE_PATH}">Sign in with Discord again</a> · <a href="/">Home</a></p></body></html>`,
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
