import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTemplates } from '../../testing/template-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';

const GUILD = '110000000000000001';
const CHANNEL = '110000000000000042';
const install = (id: string) => `/api/guilds/${GUILD}/templates/${id}/install`;
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ templates: testTemplates() });
});
afterAll(() => service.close());

describe('templates API', () => {
  it('lists the templates with their parameter schemas', async () => {
    const { status, body } = await service.api('GET', '/api/templates');
    expect(status).toBe(200);
    expect(body.templates.map((t: { id: string }) => t.id)).toEqual(['greeter', 'pair', 'relay']);
    expect(body.templates[0]).toEqual({
      id: 'greeter',
      name: 'Greeter',
      description: 'Posts a text in a channel when run.',
      category: 'test',
      parameters: expect.objectContaining({ required: ['channelId'] }),
      graphs: [{ name: 'Greeter', trigger: 'trigger.manual' }],
    });
    expect(body.templates[1].graphs.map((g: { name: string }) => g.name)).toEqual([
      'Greeter',
      'Second greeter',
    ]);
    expect((await service.api('GET', '/api/templates', { token: null })).status).toBe(401);
  });

  it('adds each template’s graph as written with ?include=graph (for previews)', async () => {
    const { status, body } = await service.api('GET', '/api/templates?include=graph');
    expect(status).toBe(200);
    const [greeter] = body.templates;
    expect(greeter.graph.nodes.map((n: { type: string }) => n.type)).toEqual([
      'trigger.manual',
      'discord.sendMessage',
    ]);
    expect(greeter.graph.nodes[1].config.channelId).toBe('{{ vars.channelId }}');
    expect(greeter.graph.edges).toHaveLength(1);
    expect(greeter.documents).toEqual([greeter.graph]);
    expect(body.templates[1].documents.map((d: { name: string }) => d.name)).toEqual([
      'Greeter',
      'Second greeter',
    ]);
    const wrong = await service.api('GET', '/api/templates?include=everything');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_request');
  });

  it('installs a template as a draft graph with the vars filled in, audited as a creation', async () => {
    const answer = await service.api('POST', install('greeter'), {
      body: { vars: { channelId: CHANNEL } },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      guildId: GUILD,
      name: 'Greeter',
      enabled: false,
      issues: [],
      publishedVersion: null,
      revision: 1,
    });
    expect(answer.body.draft.vars).toEqual({ channelId: CHANNEL, text: 'hello' });
    expect(answer.body.draft.nodes[1].config.channelId).toBe('{{ vars.channelId }}');
    expect(answer.headers.get('etag')).toBe('"1"');
    const location = `/api/guilds/${GUILD}/graphs/${answer.body.id}`;
    expect(answer.headers.get('location')).toBe(location);
    const { installed, ...resource } = answer.body;
    expect(installed).toEqual([{ id: answer.body.id, name: 'Greeter', trigger: 'trigger.manual' }]);
    expect((await service.api('GET', location)).body).toEqual(resource);

    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${answer.body.id}`);
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: 'graph.create',
        graphId: answer.body.id,
        note: 'Installed from the template "greeter".',
      }),
    ]);
  });

  it('installs every graph of a template with the same vars, answering the main one', async () => {
    const answer = await service.api('POST', install('pair'), {
      body: { vars: { channelId: CHANNEL, text: 'both' } },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('Greeter');
    expect(answer.body.installed).toEqual([
      { id: answer.body.id, name: 'Greeter', trigger: 'trigger.manual' },
      { id: expect.stringMatching(/^g_/), name: 'Second greeter', trigger: 'trigger.manual' },
    ]);
    const second = await service.api(
      'GET',
      `/api/guilds/${GUILD}/graphs/${answer.body.installed[1].id}`,
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ name: 'Second greeter', enabled: false, issues: [] });
    expect(second.body.draft.vars).toEqual({ channelId: CHANNEL, text: 'both' });
  });

  it('keeps none of the graphs when one of them cannot be saved', async () => {
    const before = await service.store.graphs.countDocuments();
    const create = service.store.graphs.create.bind(service.store.graphs);
    let calls = 0;
    // The store failing on the second graph (a lost connection, a full disk…).
    const failing = async (...args: Parameters<typeof create>) => {
      calls += 1;
      if (calls === 2) throw new Error('the store went away');
      return create(...args);
    };
    service.store.graphs.create = failing as typeof create;
    try {
      const answer = await service.api('POST', install('pair'), {
        body: { vars: { channelId: CHANNEL } },
      });
      expect(answer.status).toBe(500);
      expect(answer.body.error.code).toBeTruthy();
    } finally {
      service.store.graphs.create = create;
    }
    expect(calls).toBe(2);
    expect(await service.store.graphs.countDocuments()).toBe(before);
  });

  it('a webhook template gets its hook and shows the secret once, like POST graphs', async () => {
    const answer = await service.api('POST', install('relay'), {
      body: { vars: { channelId: CHANNEL, text: 'hi' } },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.webhook).toEqual({
      url: expect.stringMatching(/\/hooks\/wh_/),
      secret: expect.stringMatching(/^whsec_/),
      signing: 'timestamped',
      replayable: false,
    });
  });

  it('answers 400 invalid_vars naming each bad var, and saves nothing', async () => {
    const before = await service.store.graphs.countDocuments();
    const answer = await service.api('POST', install('greeter'), {
      body: { vars: { channelId: '#general', text: 5, extra: true } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_vars');
    expect(answer.body.error.message).toContain('channelId');
    expect(answer.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ var: 'channelId', path: 'body.vars.channelId' }),
        expect.objectContaining({ var: 'text', path: 'body.vars.text' }),
        expect.objectContaining({ var: 'extra', path: 'body.vars.extra' }),
      ]),
    );
    const missing = await service.api('POST', install('greeter'), { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([
      expect.objectContaining({ var: 'channelId', path: 'body.vars.channelId' }),
    ]);
    const notAnObject = await service.api('POST', install('greeter'), { body: { vars: [] } });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.error.code).toBe('invalid_request');
    expect(await service.store.graphs.countDocuments()).toBe(before);
  });

  it('answers 404 for an unknown template, and for every template without a catalog', async () => {
    const unknown = await service.api('POST', install('nope'), { body: { vars: {} } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found' });
    expect(unknown.body.error.message).toContain('GET /api/templates');

    const bare = await startTestService({ mongo: service.deps.mongo });
    try {
      expect((await bare.api('GET', '/api/templates')).body).toEqual({ templates: [] });
      expect(
        (await bare.api('POST', install('greeter'), { body: { vars: { channelId: CHANNEL } } }))
          .status,
      ).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
