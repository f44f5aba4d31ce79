import express from 'express';
import { apiUser } from '../serialize.js';
import type { RestContext } from './context.js';

/**
 * Gateway discovery, the bot's user and application: what discord.js asks for on login
 * (`GET /gateway/bot`) or when fetching `client.application`.
 */
export function miscRoutes(ctx: RestContext): express.Router {
  const router = express.Router();
  const { state } = ctx;

  router.get('/gateway', (_req, res) => {
    res.json({ url: ctx.gatewayUrl() });
  });

  router.get('/gateway/bot', (_req, res) => {
    res.json({
      url: ctx.gatewayUrl(),
      shards: 1,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 14_400_000,
        max_concurrency: 1,
      },
    });
  });

  router.get('/users/@me', (_req, res) => {
    res.json({
      ...apiUser(state.user(state.botUserId)),
      verified: true,
      mfa_enabled: false,
      email: null,
      locale: 'en-US',
    });
  });

  router.get('/users/@me/guilds', (_req, res) => {
    res.json(
      [...state.guilds.values()].map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: false,
        permissions: '0',
        features: [],
      })),
    );
  });

  router.get('/users/:userId', (req, res) => {
    res.json(apiUser(state.user(req.params.userId)));
  });

  const application = (): Record<string, unknown> => ({
    id: state.applicationId,
    name: state.applicationName,
    icon: null,
    description: 'Guildflow sandbox application',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    team: null,
    owner: apiUser(state.user(state.botUserId)),
    bot: apiUser(state.user(state.botUserId)),
    approximate_guild_count: state.guilds.size,
    interactions_endpoint_url: null,
    tags: [],
    integration_types_config: { '0': {} },
  });
  router.get('/applications/@me', (_req, res) => {
    res.json(application());
  });
  router.get('/oauth2/applications/@me', (_req, res) => {
    res.json(application());
  });

  return router;
}
