// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { installFakeGraphApi } from '../testing/fake-graph-api.js';
import { TOKEN_KEY } from './client.js';
import { openGraph, readGraphAhead } from './graph-reads.js';

const ids = { guildId: 'g1', graphId: 'graph1' };
const reads = (api: ReturnType<typeof installFakeGraphApi>) =>
  api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/graphs/graph1')).length;

describe('reading a graph ahead of its editor', () => {
  beforeEach(() => localStorage.setItem(TOKEN_KEY, 'token'));
  afterEach(() => {
    localStorage.clear();
    vi.useRealTimers();
  });

  it('gives the opening the read its route started, once; a retry reads again', async () => {
    const api = installFakeGraphApi({ ...ids, doc: welcomeGraph() });
    readGraphAhead(ids.guildId, ids.graphId);
    // Someone saves between the route starting the read and a retry: the retry sees it.
    const opened = await openGraph(ids.guildId, ids.graphId);
    expect(reads(api)).toBe(1);
    expect(opened.revision).toBe(1);
    api.saveElsewhere({ ...welcomeGraph(), name: 'Theirs' });
    const again = await openGraph(ids.guildId, ids.graphId);
    expect(reads(api)).toBe(2);
    expect(again.draft.name).toBe('Theirs');
  });

  it('reads fresh when the read ahead is too old to trust', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const api = installFakeGraphApi({ ...ids, doc: welcomeGraph() });
    readGraphAhead(ids.guildId, ids.graphId);
    vi.setSystemTime(Date.now() + 60_000);
    api.saveElsewhere({ ...welcomeGraph(), name: 'Later' });
    expect((await openGraph(ids.guildId, ids.graphId)).draft.name).toBe('Later');
  });

  it('reads nothing ahead while signed out', async () => {
    localStorage.clear();
    const api = installFakeGraphApi({ ...ids, doc: welcomeGraph() });
    readGraphAhead(ids.guildId, ids.graphId);
    await Promise.resolve();
    expect(reads(api)).toBe(0);
  });
});
