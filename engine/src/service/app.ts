import express, { type ErrorRequestHandler, type Express } from 'express';
import type { ServiceDeps } from './deps.js';
import { ApiError, errorBody } from './errors.js';
import { checkHealth } from './health.js';
import { mountPages } from './pages.js';

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
  app.set('trust proxy', 'loopback');

  app.get('/api/health', async (_req, res) => {
    const health = await checkHealth(deps);
    res.status(health.temporal && health.mongo ? 200 : 503).json(health);
  });

  mountPages(app);

  app.use('/api', (req, _res, next) => {
    next(new ApiError(404, 'not_found', `No API route ${req.method} ${req.originalUrl}. See docs/api for the routes.`));
  });
  app.use(errorHandler);
  return app;
}

const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof ApiError) {
    res.status(error.status).json(errorBody(error));
    return;
  }
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
  if (status === 413) {
    res.status(413).json(errorBody(new ApiError(413, 'payload_too_large', 'The request body is too large.')));
    return;
  }
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json(errorBody(new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')));
    return;
  }
  process.stderr.write(`unhandled error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  res.status(500).json(errorBody(new ApiError(500, 'internal', 'Something went wrong on our side; the error was logged.')));
};
