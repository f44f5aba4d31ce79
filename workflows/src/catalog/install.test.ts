import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { startTestService, type TestService } from '@guildflow/engine/testing/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, giveaway, instantiateAll, templateCatalog } from '../index.js';

const GUILD = SANDBOX_IDS.guild;
const install = (id: string) => `/api/guilds/${GUILD}/templates/${id}/install`;
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ templates: templateCatalog });
});
afterAll(() => service.close());

describe('the template routes with the real catalog', () => {
  it('GET /api/templates lists every template with its parameter schema', async () => {
    const { status, body } = await service.api('GET', '/api/templates');
    expect(status).toBe(200);
    expect(body.templates).toEqual(
      TEMPLATES.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        category: t.category,
        parameters: t.parameters,
        graphs: t.graphs.map((doc) => ({ name: doc.name, trigger: doc.nodes[0]?.type })),
      })),
    );
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'installs %s as valid drafts that publish',
    async (id, template) => {
      const vars = template.parameters.examples[0];
      const created = await service.api('POST', install(id), { body: { vars } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        guildId: GUILD,
        name: template.name,
        enabled: false,
        issues: [],
        publishedVersion: null,
      });
      const docs = instantiateAll(id, vars);
      expect(created.body.draft).toEqual(docs[0]);
      const installed = created.body.installed as { id: string; name: string }[];
      expect(installed.map((g) => g.name)).toEqual(template.graphs.map((doc) => doc.name));
      expect(installed[0]?.id).toBe(created.body.id);
      for (const [i, graph] of installed.entries()) {
        const saved = await service.api('GET', `/api/guilds/${GUILD}/graphs/${graph.id}`);
        expect(saved.body.draft, graph.name).toEqual(docs[i]);
        expect(saved.body.issues, graph.name).toEqual([]);
        const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${graph.id}`);
        expect(audit.body.entries).toEqual([
          expect.objectContaining({
            action: 'graph.create',
            note: `Installed from the template "${id}".`,
          }),
        ]);
        const published = await service.api(
          'POST',
          `/api/guilds/${GUILD}/graphs/${graph.id}/publish`,
        );
        expect(published.status, JSON.stringify(published.body)).toBe(200);
        expect(published.body).toMatchObject({ enabled: true, publishedVersion: 1 });
      }
    },
  );

  it('answers 400 invalid_vars naming the var, and 404 for an unknown template', async () => {
    const vars = { ...giveaway.parameters.examples[0], giveawayChannelId: 'giveaways' };
    const bad = await service.api('POST', install('giveaway'), { body: { vars } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalid_vars',
      details: [
        {
          var: 'giveawayChannelId',
          path: 'body.vars.giveawayChannelId',
          message: 'giveawayChannelId must be a Discord channel id (digits only), not "giveaways"',
        },
      ],
    });
    expect(bad.body.error.message).toContain('giveawayChannelId');
    const unknown = await service.api('POST', install('raffle'), { body: { vars: {} } });
    expect(unknown.status).toBe(404);
  });
});
