import type { Router } from 'express';
import { graphWarnings, type GraphDocument } from '../../../core/index.js';
import type { ServiceDeps } from '../../deps.js';
import { ApiError } from '../../errors.js';
import { guildContext } from '../../http/context.js';
import { check } from '../../http/validate.js';
import { draftOf } from '../graph-resource.js';
import { findVersion } from '../graph-store.js';
import type { GraphRouteKit } from '../route-kit.js';
import { guildWarnings } from './guild-warnings.js';
import { readGuildView } from './guild-view.js';
import { PreflightQuerySchema } from './schemas.js';

/**
 * `GET /api/guilds/:guildId/graphs/:graphId/preflight[?version=N]`: warnings about what may fail
 * once the draft (or a published version) runs in this guild. The guild is read as the bot;
 * when it cannot be, the graph-only warnings still answer, with `discord: 'unavailable'`.
 */
export function mountPreflightRoutes(router: Router, deps: ServiceDeps, kit: GraphRouteKit): void {
  router.get('/graphs/:graphId/preflight', async (req, res) => {
    const query = check(PreflightQuerySchema, req.query, 'query');
    const ctx = await guildContext(deps, req, res);
    const graph = await kit.graphOf(ctx, req);
    let doc: GraphDocument;
    let version: number | null = null;
    if (query.version === undefined) doc = draftOf(graph);
    else {
      version = Number(query.version);
      const found = await findVersion(ctx.store, graph, version);
      if (!found)
        throw new ApiError(
          404,
          'not_found',
          `This graph has no version ${version}. GET …/versions lists them; without \`version\` the draft is checked.`,
        );
      doc = JSON.parse(found.documentJson) as GraphDocument;
    }
    const warnings = graphWarnings(doc);
    let discordError: string | undefined;
    try {
      warnings.unshift(...guildWarnings(doc, await readGuildView(deps.discordBot, ctx.guildId)));
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'discord_unavailable') throw error;
      discordError = `${error.message} Bot permissions, roles and channels were not checked.`;
    }
    res.set('Cache-Control', 'no-store').json({
      checkedAt: new Date().toISOString(),
      version,
      discord: discordError === undefined ? 'checked' : 'unavailable',
      ...(discordError === undefined ? {} : { discordError }),
      warnings,
    });
  });
}
