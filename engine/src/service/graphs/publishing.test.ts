import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphSnapshot } from '../../interpreter/contract.js';
import { invalidDraft, sendGraph } from '../../testing/service-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import type { ActivatedGraph, ActivationHooks } from './activation.js';
import { reconcileActivations } from './reconcile.js';

/** Activation hooks that record calls and fail on demand. */
function recordingHooks() {
  const calls: string[] = [];
  let failNext: string | undefined;
  const hooks: ActivationHooks = {
    async activate(graph: ActivatedGraph, snapshot: GraphSnapshot) {
      calls.push(`activate ${graph.id} v${snapshot.version}`);
      if (failNext) {
        const reason = failNext;
        failNext = undefined;
        throw new Error(reason);
      }
    },
    async deactivate(graph: ActivatedGraph) {
      calls.push(`deactivate ${graph.id}`);
      if (failNext) {
        const reason = failNext;
        failNext = undefined;
        throw new Error(reason);
      }
    },
  };
  return { hooks, calls, failNextWith: (reason: string) => void (failNext = reason) };
}

const hooks = recordingHooks();
let service: TestService;
const GUILD = '100000000000000002';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  service = await startTestService({ activation: hooks.hooks });
});
afterAll(() => service.close());

async function newGraph(doc = sendGraph('v1')): Promise<string> {
  const { body } = await service.api('POST', graphs, { body: doc });
  return `${graphs}/${body.id}`;
}

describe('graphs API: publish, versions, rollback, disable', () => {
  it('publishes immutable versions, lists them, and rolls back', async () => {
    const path = await newGraph();
    const id = path.split('/').pop() as string;
    const first = await service.api('POST', `${path}/publish`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ enabled: true, publishedVersion: 1, revision: 2 });
    expect(first.headers.get('etag')).toBe('"2"');
    expect(hooks.calls).toContain(`activate ${id} v1`);

    await service.api('PUT', path, { body: sendGraph('v2') });
    const second = await service.api('POST', `${path}/publish`);
    expect(second.body.publishedVersion).toBe(2);

    const versions = await service.api('GET', `${path}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.publishedVersion).toBe(2);
    expect(versions.body.versions).toEqual([
      { version: 2, publishedBy: 'admin', publishedAt: expect.any(String), current: true },
      { version: 1, publishedBy: 'admin', publishedAt: expect.any(String), current: false },
    ]);
    const v1 = await service.api('GET', `${path}/versions/1`);
    expect(v1.body).toMatchObject({ graphId: id, version: 1, document: sendGraph('v1') });
    expect((await service.api('GET', `${path}/versions/3`)).status).toBe(404);

    // Editing the draft never changes a published version.
    await service.api('PUT', path, { body: sendGraph('v3 draft') });
    expect((await service.api('GET', `${path}/versions/2`)).body.document).toEqual(sendGraph('v2'));

    const rolled = await service.api('POST', `${path}/rollback`, { body: { version: 1 } });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ publishedVersion: 1, enabled: true });
    expect(rolled.body.draft).toEqual(sendGraph('v3 draft'));
    expect(hooks.calls.at(-1)).toBe(`activate ${id} v1`);
    expect(
      (await service.api('GET', `${path}/versions`)).body.versions.map(
        (v: { current: boolean }) => v.current,
      ),
    ).toEqual([false, true]);

    // The next publish continues the numbering after the highest version, not the current one.
    expect((await service.api('POST', `${path}/publish`)).body.publishedVersion).toBe(3);

    const unknown = await service.api('POST', `${path}/rollback`, { body: { version: 9 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_version');
    const badBody = await service.api('POST', `${path}/rollback`, { body: { version: 'one' } });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'body.version', message: expect.any(String) }],
    });

    const audit = await service.api('GET', `/api/guilds/${GUILD}/audit?graphId=${id}`);
    expect(
      audit.body.entries
        .filter((e: { action: string }) => e.action !== 'graph.update')
        .map((e: { action: string }) => e.action),
    ).toEqual([
      'graph.publish',
      'graph.rollback',
      'graph.publish',
      'graph.publish',
      'graph.create',
    ]);
    expect(
      audit.body.entries.find((e: { action: string }) => e.action === 'graph.rollback'),
    ).toMatchObject({
      before: { publishedVersion: 2 },
      after: { publishedVersion: 1, enabled: true },
    });
  });

  it('refuses to publish an invalid draft with 400 and the validation list', async () => {
    const path = await newGraph(invalidDraft());
    const answer = await service.api('POST', `${path}/publish`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_graph');
    expect(answer.body.error.details).toEqual([
      expect.objectContaining({ nodeId: 'send', code: 'invalid_config' }),
    ]);
    const graph = await service.api('GET', path);
    expect(graph.body).toMatchObject({ publishedVersion: null, enabled: false, revision: 1 });
    expect((await service.api('GET', `${path}/versions`)).body.versions).toEqual([]);
  });

  it('publishes only the revision the client saw when it sends If-Match', async () => {
    const path = await newGraph();
    await service.api('PUT', path, { body: sendGraph('newer') });
    const stale = await service.api('POST', `${path}/publish`, { headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await service.api('GET', `${path}/versions`)).body.versions).toEqual([]);
    expect(
      (await service.api('POST', `${path}/publish`, { headers: { 'If-Match': '"2"' } })).status,
    ).toBe(200);
  });

  it('undoes a publish whose activation fails: no version, previous pointer, same ETag', async () => {
    const path = await newGraph();
    const id = path.split('/').pop() as string;
    await service.api('POST', `${path}/publish`);
    await service.api('PUT', path, { body: sendGraph('v2') });
    const before = await service.api('GET', path);

    hooks.failNextWith('schedule service down');
    const failed = await service.api('POST', `${path}/publish`);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('activation_failed');
    expect(failed.body.error.message).toMatch(/schedule service down.*previous state is back/);

    const after = await service.api('GET', path);
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(
      (await service.api('GET', `${path}/versions`)).body.versions.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([1]);
    expect(await service.store.versions.countDocuments({ graphId: id })).toBe(1);
    // The previous version was re-activated after the failed attempt.
    expect(hooks.calls.slice(-2)).toEqual([`activate ${id} v2`, `activate ${id} v1`]);

    // The freed number is reused by the next successful publish.
    expect((await service.api('POST', `${path}/publish`)).body.publishedVersion).toBe(2);
  });

  it('disables a graph (idempotently) and undoes a disable whose hook fails', async () => {
    const path = await newGraph();
    const id = path.split('/').pop() as string;
    await service.api('POST', `${path}/publish`);

    hooks.failNextWith('router unreachable');
    const failed = await service.api('POST', `${path}/disable`);
    expect(failed.status).toBe(503);
    expect((await service.api('GET', path)).body.enabled).toBe(true);

    const disabled = await service.api('POST', `${path}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ enabled: false, publishedVersion: 1 });
    expect(hooks.calls.at(-1)).toBe(`deactivate ${id}`);
    expect((await service.api('POST', `${path}/disable`)).body.revision).toBe(
      disabled.body.revision,
    );

    // Publishing again re-enables it.
    expect((await service.api('POST', `${path}/publish`)).body).toMatchObject({
      enabled: true,
      publishedVersion: 2,
    });
  });

  it('reclaims the orphan version of a publish that crashed before flipping the pointer', async () => {
    const path = await newGraph();
    const id = path.split('/').pop() as string;
    // What a crash between "insert version" and "flip pointer" leaves behind.
    await service.store.versions.create({
      _id: `${id}:1`,
      graphId: id,
      guildId: GUILD,
      version: 1,
      documentJson: JSON.stringify(sendGraph('orphan')),
      publishedBy: 'admin',
      publishedAt: new Date(Date.now() - 10 * 60_000),
    });
    expect((await service.api('GET', `${path}/versions`)).body.versions).toEqual([]);
    expect((await service.api('GET', `${path}/versions/1`)).status).toBe(404);
    const published = await service.api('POST', `${path}/publish`);
    expect(published.status).toBe(200);
    expect((await service.api('GET', `${path}/versions/1`)).body.document).toEqual(sendGraph('v1'));
  });

  it('lets exactly one of two concurrent saves from the same revision win, and numbers concurrent publishes apart', async () => {
    const path = await newGraph();
    const saves = await Promise.all(
      ['a', 'b', 'c'].map((content) =>
        service.api('PUT', path, { body: sendGraph(content), headers: { 'If-Match': '"1"' } }),
      ),
    );
    expect(saves.map((s) => s.status).sort()).toEqual([200, 412, 412]);
    const winner = saves.find((s) => s.status === 200)?.body.draft.nodes[1].config.content;
    expect((await service.api('GET', path)).body).toMatchObject({
      revision: 2,
      draft: { nodes: [{}, { config: { content: winner } }] },
    });

    const publishes = await Promise.all(
      [1, 2, 3].map(() => service.api('POST', `${path}/publish`)),
    );
    expect(publishes.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(publishes.map((p) => p.body.publishedVersion).sort()).toEqual([1, 2, 3]);
    const versions = await service.api('GET', `${path}/versions`);
    expect(versions.body).toMatchObject({ publishedVersion: 3 });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('completes, after a crash, activations that were cut short', async () => {
    const published = await newGraph();
    const publishedId = published.split('/').pop() as string;
    await service.api('POST', `${published}/publish`);
    const disabled = await newGraph();
    const disabledId = disabled.split('/').pop() as string;
    await service.api('POST', `${disabled}/publish`);
    await service.api('POST', `${disabled}/disable`);
    // What crashes between "move the pointer" and "run the hooks" leave behind.
    await service.store.graphs.updateOne(
      { _id: publishedId },
      { $set: { activatedVersion: null } },
    );
    await service.store.graphs.updateOne({ _id: disabledId }, { $set: { activatedVersion: 1 } });

    const result = await reconcileActivations(service.store, hooks.hooks);
    expect(result.activated).toContain(publishedId);
    expect(result.deactivated).toContain(disabledId);
    expect(result.failed).toEqual([]);
    expect(hooks.calls).toEqual(
      expect.arrayContaining([`activate ${publishedId} v1`, `deactivate ${disabledId}`]),
    );
    expect(await reconcileActivations(service.store, hooks.hooks)).toEqual({
      activated: [],
      deactivated: [],
      failed: [],
    });
  });

  it('deactivates a published graph when it is deleted', async () => {
    const path = await newGraph();
    const id = path.split('/').pop() as string;
    await service.api('POST', `${path}/publish`);
    expect((await service.api('DELETE', path)).status).toBe(204);
    expect(hooks.calls.at(-1)).toBe(`deactivate ${id}`);
  });
});
