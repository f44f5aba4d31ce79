import express, { type NextFunction, type Request, type Response } from 'express';
import type { Core } from '../core.js';
import type { FaultRegistry } from '../faults.js';
import type { DropOptions, Gateway } from '../gateway/gateway.js';
import type { RequestLog } from '../request-log.js';
import { ControlError, invalid } from './control-error.js';
import { injectEvent } from './inject.js';
import { setRolePermissions } from './role-settings.js';
import { guildView, interactionView, listMessages, memberView } from './views.js';

/** What the control API drives. */
export interface ControlContext {
  core: Core;
  faults: FaultRegistry;
  requests: RequestLog;
  gateway: Gateway;
  reset: () => void;
  startedAt: number;
}

/**
 * The sandbox's own API under `/sandbox`, for tests and the engine: health, state, event
 * injection, role permissions, what the bot did (messages, members, actions, interactions, requests), faults,
 * gateway drops and reset. Errors are `{ error: { code, message } }`.
 *
 * @example
 * app.use('/sandbox', controlRouter(context));
 */
export function controlRouter(ctx: ControlContext): express.Router {
  const router = express.Router();
  const { state } = ctx.core;
  router.use(express.json({ limit: '5mb' }));

  router.get('/health', (_req, res) => {
    res.json({
      ok: true,
      guilds: state.guilds.size,
      sessions: ctx.gateway.describe().length,
      uptimeMs: Date.now() - ctx.startedAt,
    });
  });

  router.get('/state', (_req, res) => {
    res.json({
      applicationId: state.applicationId,
      botUserId: state.botUserId,
      guilds: [...state.guilds.values()].map((g) => guildView(state, g)),
    });
  });

  router.post('/events', (req, res) => {
    res.json(injectEvent(ctx.core, req.body));
  });

  router.get('/messages', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    res.json(
      listMessages(state, {
        guildId: q.guildId || undefined,
        channelId: q.channelId || undefined,
        authorId: q.authorId || undefined,
        dmUserId: q.dmUserId || undefined,
        includeDeleted: q.includeDeleted === 'true',
      }),
    );
  });

  router.patch('/guilds/:guildId/roles/:roleId', (req, res) => {
    res.json(setRolePermissions(ctx.core, req.params.guildId, req.params.roleId, req.body));
  });

  router.get('/guilds/:guildId/members/:userId', (req, res) => {
    res.json(memberView(state, req.params.guildId, req.params.userId));
  });

  router.get('/actions', (req, res) => {
    const { guildId, type } = req.query as Record<string, string | undefined>;
    res.json(
      state.actions.filter(
        (a) =>
          (!guildId || a.guildId === guildId) &&
          (!type || a.type === type || a.type.startsWith(`${type}.`)),
      ),
    );
  });

  router.get('/commands', (req, res) => {
    const { guildId } = req.query as Record<string, string | undefined>;
    res.json(
      [...state.commands.values()]
        .filter((c) => guildId === undefined || c.guildId === (guildId || null))
        .map(({ raw: _raw, ...c }) => c),
    );
  });

  router.get('/interactions', (_req, res) => {
    res.json([...state.interactions.values()].map(interactionView));
  });

  router.get('/interactions/:id', (req, res) => {
    const interaction = state.interactions.get(req.params.id);
    if (!interaction)
      throw new ControlError(404, 'unknown_interaction', `No interaction ${req.params.id}.`);
    res.json(interactionView(interaction));
  });

  router.get('/requests', (req, res) => {
    const { method, path, since } = req.query as Record<string, string | undefined>;
    if (since !== undefined && Number.isNaN(Number(since)))
      throw invalid('since must be epoch milliseconds.');
    res.json(
      ctx.requests.list({ method, path, since: since === undefined ? undefined : Number(since) }),
    );
  });

  router.delete('/requests', (_req, res) => {
    ctx.requests.clear();
    res.json({ ok: true });
  });

  router.get('/faults', (_req, res) => {
    res.json(ctx.faults.list());
  });

  router.post('/faults', (req, res) => {
    const body: unknown = req.body;
    const faults = Array.isArray(body) ? body.map((f) => ctx.faults.add(f)) : ctx.faults.add(body);
    res.status(201).json(faults);
  });

  router.delete('/faults', (_req, res) => {
    res.json({ cleared: ctx.faults.clear() });
  });

  router.delete('/faults/:id', (req, res) => {
    if (!ctx.faults.remove(req.params.id))
      throw new ControlError(404, 'unknown_fault', `No fault ${req.params.id}.`);
    res.json({ ok: true });
  });

  router.get('/gateway/sessions', (_req, res) => {
    res.json(ctx.gateway.describe());
  });

  router.post('/gateway/drop', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const mode = body.mode ?? 'terminate';
    if (!['terminate', 'close', 'reconnect', 'invalidate'].includes(mode as string))
      throw invalid('mode must be terminate, close, reconnect or invalidate.');
    if (
      body.code !== undefined &&
      (!Number.isInteger(body.code) || (body.code as number) < 1000 || (body.code as number) > 4999)
    ) {
      throw invalid('code must be a WebSocket close code (1000-4999).');
    }
    res.json({ dropped: ctx.gateway.drop({ mode, code: body.code } as DropOptions) });
  });

  router.post('/reset', (_req, res) => {
    ctx.reset();
    res.json({ ok: true });
  });

  router.use((req: Request, _res: Response, next: NextFunction) =>
    next(new ControlError(404, 'not_found', `No sandbox route ${req.method} ${req.path}.`)),
  );
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ControlError)
      return void res
        .status(error.status)
        .json({ error: { code: error.code, message: error.message } });
    if ((error as { type?: string } | null)?.type === 'entity.parse.failed') {
      return void res
        .status(400)
        .json({ error: { code: 'invalid_json', message: 'The body is not valid JSON.' } });
    }
    process.stderr.write(
      `discord sandbox control API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    res.status(500).json({
      error: {
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
      },
    });
  });
  return router;
}
