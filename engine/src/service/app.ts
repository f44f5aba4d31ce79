import express, { type ErrorRequestHandler, type Express } from 'express';
import { catalogJson } from '../core/index.js';
import { authenticate, guildAccess } from './auth/index.js';
import { sessionRoutes } from './auth/session-routes.js';
import { signInRoutes } from './auth/sign-in-routes.js';
import type { ServiceDeps } from './deps.js';
import { billingRoutes } from './billing/billing-routes.js';
import { ApiError, errorBody } from './errors.js';
import { graphRoutes } from './graphs/routes.js';
import { guildRoutes } from './guilds/routes.js';
import { credentialRoutes } from './credentials/credential-routes.js';
import { checkHealth } from './health.js';
import { hookRoutes } from './hooks/hook-routes.js';
import { rateLimiters } from './http/rate-limits.js';
import { securityHeaders } from './http/security-headers.js';
import { log } from './log.js';
import { mountPages } from './pages.js';
import { pinRoutes } from './pins/pin-routes.js';
import { runRoutes } from './runs/routes.js';
import { sandboxRoutes } from './sandbox/sandbox-routes.js';
import { stripeGuildWebhookRoutes } from './stripe/stripe-guild-webhook.js';
import { stripeObjectRoutes } from './stripe/stripe-object-routes.js';
import { stripeWebhookRoutes } from './stripe/stripe-webhook.js';
import { templateInstallRoutes, templateListRoutes } from './templates/routes.js';
import { isTemporalUnavailable, temporalUnavailable } from './runs/temporal-calls.js';
import { isStoreUnavailable, storeUnavailable } from './storage/index.js';

/** Largest accepted JSON body (a graph document with 2000 nodes fits comfortably). */
export const BODY_LIMIT = '1mb';

/**
 * Builds the express app of the engine service on the given dependencies.
 *
 * @example
 * const app = createApp(deps);
 * app.listen(3000);
 */
export function createApp(deps: ServiceDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Client addresses (rate limits) come from X-Forwarded-For only when a local proxy sent it.
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  const limits = rateLimiters(deps.rateLimits);

  app.get('/api/health', async (_req, res) => {
    const health = await checkHealth(deps);
    res.status(health.temporal && health.mongo ? 200 : 503).json(health);
  });

  mountPages(app, deps.builderDir);
  app.use(signInRoutes(deps, limits.signIn));
  // Stripe signs the raw bytes: mounted before any JSON parser.
  app.use('/stripe/webhook', limits.stripeWebhook);
  app.use(stripeWebhookRoutes(deps));
  app.use(stripeGuildWebhookRoutes(deps));

  // Inbound webhooks: the HMAC signature authenticates them, so they sit outside /api's auth.
  app.use('/hooks', hookRoutes(deps));

  // Failed tokens are counted per client before anything else; the per-caller limit needs the
  // caller. Authenticate before reading bodies: an anonymous caller cannot make us parse a megabyte.
  app.use(
    '/api',
    limits.failedAuth,
    authenticate(deps),
    limits.api,
    express.json({ limit: BODY_LIMIT }),
  );
  const catalog = JSON.stringify(catalogJson());
  app.get('/api/catalog', (_req, res) => {
    res.type('json').set('Cache-Control', 'no-cache').send(catalog);
  });
  app.use('/api', sessionRoutes(deps));
  const guilds = guildRoutes(deps);
  app.use('/api', guilds.list);
  app.use('/api/sandbox', sandboxRoutes(deps));
  app.use('/api', templateListRoutes(deps));
  app.use(
    '/api/guilds/:guildId',
    (req, res, next) => guildAccess(req, res, next, String(req.params.guildId)),
    graphRoutes(deps),
    runRoutes(deps),
    pinRoutes(deps),
    credentialRoutes(deps),
    guilds.discord,
    templateInstallRoutes(deps),
    stripeObjectRoutes(deps),
    billingRoutes(deps),
  );

  app.use('/api', (req, _res, next) => {
    next(
      new ApiError(
        404,
        'not_found',
        `No API route ${req.method} ${req.originalUrl}. See docs/api/openapi.json for the routes.`,
      ),
    );
  });
  app.use(errorHandler);
  return app;
}

const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof ApiError) {
    res.status(error.status).json(errorBody(error));
    return;
  }
  if (isStoreUnavailable(error)) {
    res.status(503).json(errorBody(storeUnavailable()));
    return;
  }
  if (isTemporalUnavailable(error)) {
    res.status(503).json(errorBody(temporalUnavailable()));
    return;
  }
  const status =
    typeof (error as { status?: unknown }).status === 'number'
      ? (error as { status: number }).status
      : 500;
  if (status === 413) {
    res
      .status(413)
      .json(
        errorBody(
          new ApiError(
            413,
            'payload_too_large',
            `The request body is larger than ${BODY_LIMIT}. Send a smaller document.`,
          ),
        ),
      );
    return;
  }
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
    res
      .status(400)
      .json(errorBody(new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')));
    return;
  }
  log('error', 'request.failed', {
    method: req.method,
    path: req.path,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  res
    .status(500)
    .json(
      errorBody(
        new ApiError(500, 'internal', 'Something went wrong on our side; the error was logged.'),
      ),
    );
};
