import express, { type NextFunction, type Request, type Response } from 'express';
import { DiscordError, DiscordErrors } from '../errors.js';
import { stripApiPrefix } from '../route-pattern.js';
import { banRoutes } from './bans.js';
import { commandRoutes } from './commands.js';
import { channelRoutes } from './channels.js';
import type { RestContext } from './context.js';
import { interactionRoutes } from './interactions.js';
import { memberRoutes } from './members.js';
import { messageRoutes } from './messages.js';
import { miscRoutes } from './misc.js';

/**
 * Discord REST v10, mounted at `/api/v10` (and `/api/v9`): request log, bot-token auth, injected
 * faults, rate-limit headers, the routes, and Discord-shaped errors.
 *
 * @example
 * app.use(['/api/v10', '/api/v9'], restRouter(context));
 */
export function restRouter(ctx: RestContext): express.Router {
  const router = express.Router();
  router.use(logRequests(ctx));
  router.use(express.json({ limit: '25mb' }));
  router.use(authenticate(ctx));
  router.use(injectFaults(ctx));
  router.use(rateLimit(ctx));
  router.use(miscRoutes(ctx));
  router.use(messageRoutes(ctx));
  router.use(channelRoutes(ctx));
  router.use(memberRoutes(ctx));
  router.use(banRoutes(ctx));
  router.use(commandRoutes(ctx));
  router.use(interactionRoutes(ctx));
  router.use((_req: Request, _res: Response, next: NextFunction) => next(DiscordErrors.notFound()));
  router.use(discordErrors);
  return router;
}

function logRequests(ctx: RestContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = Date.now();
    const original = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode >= 400) res.locals.errorBody = body;
      return original(body);
    };
    res.on('finish', () => {
      ctx.requests.add({
        method: req.method,
        path: stripApiPrefix(req.originalUrl.split('?')[0] ?? ''),
        query: Object.fromEntries(new URL(req.originalUrl, 'http://sandbox').searchParams),
        status: res.statusCode,
        time: new Date(started).toISOString(),
        timeMs: started,
        durationMs: Date.now() - started,
        body: req.body ?? null,
        auditLogReason: req.get('X-Audit-Log-Reason')
          ? decodeSafe(req.get('X-Audit-Log-Reason') ?? '')
          : null,
        faultId: (res.locals.faultId as string | undefined) ?? null,
        error: res.locals.errorBody ?? null,
      });
    });
    next();
  };
}

/** Interaction callbacks and interaction webhooks authenticate with the token in the path. */
function tokenInPath(path: string): boolean {
  return (
    /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path) || /^\/webhooks\/[^/]+\/[^/]+/.test(path)
  );
}

function authenticate(ctx: RestContext) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (tokenInPath(req.path)) return next();
    const header = req.get('Authorization') ?? '';
    const match = /^Bot\s+(.+)$/i.exec(header);
    next(match?.[1] === ctx.token ? undefined : DiscordErrors.unauthorized());
  };
}

function injectFaults(ctx: RestContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const fault = ctx.faults.take(req.method, req.path);
    if (!fault) return next();
    res.locals.faultId = fault.id;
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.kind === 'delay') return next();
    if (fault.kind === 'forbidden') return next(DiscordErrors.missingPermissions());
    if (fault.kind === 'serverError') {
      res.status(fault.status).json({ message: `${fault.status}: Internal Server Error`, code: 0 });
      return;
    }
    const global = fault.scope === 'global';
    res.set({
      'Retry-After': String(fault.retryAfter),
      'X-RateLimit-Scope': fault.scope,
      ...(global
        ? { 'X-RateLimit-Global': 'true' }
        : {
            'X-RateLimit-Limit': '5',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset-After': String(fault.retryAfter),
          }),
    });
    res.status(429).json({
      message: 'You are being rate limited.',
      retry_after: fault.retryAfter,
      global,
      ...(global ? {} : { code: 0 }),
    });
  };
}

function rateLimit(ctx: RestContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const decision = ctx.rateLimits.take(req.method, req.path);
    res.set(decision.headers);
    if (decision.retryAfter === null) return next();
    const retryAfter = Math.round(decision.retryAfter * 1000) / 1000;
    res.set({ 'Retry-After': String(retryAfter), 'X-RateLimit-Scope': 'user' });
    res
      .status(429)
      .json({ message: 'You are being rate limited.', retry_after: retryAfter, global: false });
  };
}

function discordErrors(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  let known: DiscordError;
  if (error instanceof DiscordError) known = error;
  else if (isBodyParseError(error)) known = DiscordErrors.invalidJson();
  else {
    process.stderr.write(
      `discord sandbox: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    known = DiscordErrors.internal();
  }
  res.status(known.status).json(known.toBody());
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: string }).type === 'entity.parse.failed'
  );
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
