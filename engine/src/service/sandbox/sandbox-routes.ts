import { Router } from 'express';
import type { ServiceDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { requireJson } from '../http/preconditions.js';
import { check } from '../http/validate.js';
import { sandboxCall } from './sandbox-client.js';
import {
  SANDBOX_EVENT_SCHEMAS,
  SANDBOX_EVENT_TYPES,
  SandboxMessagesQuerySchema,
} from './schemas.js';

const ID = /^[0-9]{1,20}$/;

interface ControlMessage {
  authorIsBot?: boolean;
}

/**
 * The sandbox API (docs/api/openapi.json) under `/api/sandbox` (behind bearer auth): the sandbox guilds,
 * injecting member activity (validated per event type before the sandbox sees it), what the
 * bot posted, and a member's state. Everything goes through the sandbox's control API at
 * `deps.sandboxUrl`. The sandbox guilds are shared playgrounds with made-up members, so every
 * signed-in caller may use them.
 *
 * @example
 * app.use('/api/sandbox', sandboxRoutes(deps));
 */
export function sandboxRoutes(deps: ServiceDeps): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const state = await sandboxCall<{ botUserId: string; guilds: unknown[] }>(
      deps,
      'GET',
      '/state',
    );
    res.json({ botUserId: state.botUserId, guilds: state.guilds });
  });

  router.post('/events', requireJson, async (req, res) => {
    const body: unknown = req.body;
    const type = (body as { type?: unknown } | null)?.type;
    const schema =
      typeof type === 'string' && Object.hasOwn(SANDBOX_EVENT_SCHEMAS, type)
        ? SANDBOX_EVENT_SCHEMAS[type as keyof typeof SANDBOX_EVENT_SCHEMAS]
        : undefined;
    if (!schema) {
      const message = `must be one of ${SANDBOX_EVENT_TYPES.join(', ')}`;
      throw new ApiError(
        400,
        'invalid_request',
        `The event type ${typeof type === 'string' ? `"${type}" ` : ''}is unknown: body.type ${message}.`,
        [{ path: 'body.type', message }],
      );
    }
    const event = check(schema, body, 'body');
    const result = await sandboxCall<Record<string, unknown>>(deps, 'POST', '/events', event);
    // The interaction token would let a caller answer as the bot; the engine's router has it.
    const { interactionToken: _token, ...answer } = result;
    res.json(answer);
  });

  router.get('/commands', async (req, res) => {
    const guildId = typeof req.query.guildId === 'string' ? req.query.guildId : '';
    if (!ID.test(guildId))
      throw new ApiError(
        400,
        'invalid_request',
        'Say which sandbox guild: query.guildId must be a guild id (GET /api/sandbox lists them).',
        [{ path: 'query.guildId', message: 'must be a guild id' }],
      );
    const commands = await sandboxCall<
      { id: string; name: string; description: string; options: unknown[] }[]
    >(deps, 'GET', `/commands?guildId=${guildId}`);
    res.json(
      commands.map(({ id, name, description, options }) => ({ id, name, description, options })),
    );
  });

  router.get('/messages', async (req, res) => {
    const query = check(SandboxMessagesQuerySchema, req.query, 'query');
    const params = new URLSearchParams();
    for (const key of ['guildId', 'channelId', 'dmUserId'] as const) {
      const value = query[key];
      if (value !== undefined) params.set(key, value);
    }
    const messages = await sandboxCall<ControlMessage[]>(deps, 'GET', `/messages?${params}`);
    res.json(query.authors === 'all' ? messages : messages.filter((m) => m.authorIsBot));
  });

  router.get('/guilds/:guildId/members/:userId', async (req, res) => {
    const { guildId, userId } = req.params;
    if (!ID.test(guildId) || !ID.test(userId))
      throw new ApiError(
        400,
        'invalid_request',
        'guildId and userId must be Discord ids (digits); see GET /api/sandbox.',
      );
    res.json(await sandboxCall(deps, 'GET', `/guilds/${guildId}/members/${userId}`));
  });

  return router;
}
