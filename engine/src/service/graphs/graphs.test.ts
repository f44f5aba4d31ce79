import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidDraft, sendGraph, webhookGraph } from '../../testing/service-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';

let service: TestService;
const GUILD = '100000000000000001';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.close());

describe('graphs API: drafts', () => {
  it('creates a graph from a document and reads it back with its ETag', async () => {
    const created = await service.api('POST', graphs, { body: sendGraph('hi', 'Greeter') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      guildId: GUILD,
      name: 'Greeter',
      enabled: false,
      issues: [],
      publishedVersion: null,
      revision: 1,
    });
    expect(created.body.id).toMatch(/^g_[A-Za-z0-9_-]{22}$/);
    expect(created.body.draft).toEqual(sendGraph('hi', 'Greeter'));
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`${graphs}/${created.body.id}`);

    const read = await service.api('GET', `${graphs}/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');

    const list = await service.api('GET', graphs);
    expect(list.status).toBe(200);
    expect(list.body.graphs).toContainEqual(
      expect.objectContaining({
        id: created.body.id,
        name: 'Greeter',
        triggerType: 'trigger.manual',
        issueCount: 0,
      }),
    );
  });

  it('answers 400 invalid_document with the validation list for a malformed body, and saves nothing', async () => {
    const before = await service.store.graphs.countDocuments();
    const answer = await service.api('POST', graphs, {
      body: { schemaVersion: 1, name: 'x', nodes: [{ id: 'a' }], edges: [] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_document');
    expect(answer.body.error.message).toMatch(/not a well-formed graph document/);
    expect(answer.body.error.details.length).toBeGreaterThan(0);
    for (const issue of answer.body.error.details)
      expect(issue).toMatchObject({
        code: 'invalid_document',
        path: expect.any(String),
        message: expect.any(String),
      });
    expect(await service.store.graphs.countDocuments()).toBe(before);

    const notJson = await service.api('POST', graphs, {
      rawBody: '{ nope',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const text = await service.api('POST', graphs, {
      rawBody: 'hello',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('saves a well-formed but invalid draft with its issues', async () => {
    const answer = await service.api('POST', graphs, { body: invalidDraft() });
    expect(answer.status).toBe(201);
    expect(answer.body.issues).toEqual([
      expect.objectContaining({ nodeId: 'send', code: 'invalid_config' }),
    ]);
    const list = await service.api('GET', graphs);
    expect(list.body.graphs.find((g: { id: string }) => g.id === answer.body.id).issueCount).toBe(
      1,
    );
  });

  it('saves a draft with PUT, refusing a stale If-Match with 412', async () => {
    const { body: created } = await service.api('POST', graphs, { body: sendGraph('one') });
    const path = `${graphs}/${created.id}`;
    const first = await service.api('PUT', path, {
      body: sendGraph('two', 'Renamed'),
      headers: { 'If-Match': '"1"' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Renamed', revision: 2 });
    expect(first.headers.get('etag')).toBe('"2"');

    // A second editor still holding revision 1 must not overwrite the first one's save.
    const stale = await service.api('PUT', path, {
      body: sendGraph('three'),
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toMatch(/Reload/);
    expect((await service.api('GET', path)).body.draft.nodes[1].config.content).toBe('two');

    const malformedTag = await service.api('PUT', path, {
      body: sendGraph('four'),
      headers: { 'If-Match': 'banana' },
    });
    expect(malformedTag.status).toBe(412);

    // Without If-Match the save is unconditional (last write wins).
    const blind = await service.api('PUT', path, { body: sendGraph('five') });
    expect(blind.status).toBe(200);
    expect(blind.body.revision).toBe(3);

    const invalid = await service.api('PUT', path, { body: { ...sendGraph(), nodes: 'no' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_document');
  });

  it('deletes a graph: it then answers 404 everywhere', async () => {
    const { body: created } = await service.api('POST', graphs, { body: sendGraph() });
    const path = `${graphs}/${created.id}`;
    const deleted = await service.api('DELETE', path);
    expect(deleted.status).toBe(204);
    for (const [method, sub] of [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['POST', '/publish'],
      ['GET', '/versions'],
    ] as const) {
      const answer = await service.api(
        method,
        `${path}${sub}`,
        method === 'PUT' ? { body: sendGraph() } : {},
      );
      expect(answer.status, `${method} ${sub}`).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect(
      (await service.api('GET', graphs)).body.graphs.map((g: { id: string }) => g.id),
    ).not.toContain(created.id);
  });

  it('refuses a body over 1 MB with 413 payload_too_large', async () => {
    const huge = { ...sendGraph(), description: 'x'.repeat(1_100_000) };
    const answer = await service.api('POST', graphs, { body: huge });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('payload_too_large');
  });

  it('gives a webhook graph its URL, and its secret only when created or rotated', async () => {
    const created = await service.api('POST', graphs, { body: webhookGraph() });
    expect(created.status).toBe(201);
    expect(created.body.webhook).toEqual({
      url: expect.stringMatching(/\/hooks\/wh_[A-Za-z0-9_-]{32}$/),
      secret: expect.stringMatching(/^whsec_/),
      signing: 'timestamped',
      replayable: false,
    });
    const path = `${graphs}/${created.body.id}`;
    const read = await service.api('GET', path);
    const shown = { url: created.body.webhook.url, signing: 'timestamped', replayable: false };
    expect(read.body.webhook).toEqual(shown);
    const stored = await service.store.webhooks.findOne({ graphId: created.body.id }).lean();
    expect(JSON.stringify(stored)).not.toContain(created.body.webhook.secret);

    const rotated = await service.api('POST', `${path}/webhook/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).toBe(created.body.webhook.url);
    expect(rotated.body.secret).not.toBe(created.body.webhook.secret);
    expect((await service.api('PUT', path, { body: webhookGraph() })).body.webhook).toEqual(shown);

    const { body: plain } = await service.api('POST', graphs, { body: sendGraph() });
    expect(plain.webhook).toBeUndefined();
    expect(
      (await service.api('POST', `${graphs}/${plain.id}/webhook/rotate`)).body.error.code,
    ).toBe('not_a_webhook_graph');
  });

  it('serves the node catalog', async () => {
    const answer = await service.api('GET', '/api/catalog');
    expect(answer.status).toBe(200);
    expect(answer.body.nodes.map((n: { type: string }) => n.type)).toContain('discord.sendMessage');
  });

  it('records an audit entry for every change, newest first', async () => {
    const { body: created } = await service.api('POST', graphs, { body: sendGraph() });
    await service.api('PUT', `${graphs}/${created.id}`, { body: sendGraph('changed') });
    await service.api('DELETE', `${graphs}/${created.id}`);
    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${created.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'graph.delete',
      'graph.update',
      'graph.create',
    ]);
    expect(audit.body.entries[1]).toMatchObject({
      actor: { kind: 'admin', id: 'admin' },
      before: { revision: 1 },
      after: { revision: 2 },
    });
    expect((await service.api('GET', `/api/guilds/${GUILD}/audit?limit=0`)).status).toBe(400);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const answer = await service.api('GET', '/api/nope');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});

describe('graphs API: expressions cost no more at save time than in a run', () => {
  it('answers a save whose computed keys build huge texts in well under a second', async () => {
    // A computed key is folded at save time. This one builds 90,000 digits with replace and
    // converts them with number: before its fix, number's pattern was quadratic and folding had
    // no shared budget, so each such expression held the API's thread for ~11 s.
    const ones = (n: number) => `"${'1'.repeat(n)}"`;
    const digits = `${ones(100)} | replace("1", ${ones(100)}) | replace(${ones(10)}, ${ones(90)})`;
    const key = `((${digits}) + "x") | number(0)`;
    const content = Array.from({ length: 5 }, () => `{{ vars[${key}] }}`).join(' ');
    expect(content.length).toBeLessThan(2000);
    await service.api('POST', graphs, { body: sendGraph('warm-up', 'Cheap') });
    const started = Date.now();
    const answer = await service.api('POST', graphs, { body: sendGraph(content, 'Costly') });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer.status).toBe(201);
    expect(answer.body.issues).toEqual([]);
  });
});
