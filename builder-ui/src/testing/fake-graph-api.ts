import {
  catalogJson,
  validateGraph,
  type GraphDocument,
  type ValidationIssue,
} from '@guildflow/engine/core';
import type { EditorGraph, RoutingConfirmation } from '../api/queries.js';

/** A request the fake answered, for assertions (`If-Match` sent, the body saved). */
export interface SeenRequest {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

type Failure = { status: number; code: string; message: string } | 'network';

/**
 * The graph routes of the engine service, in memory, answering the app's `fetch` in component
 * tests (jsdom has no service): revisions with `If-Match` → `412 conflict`, publish validating
 * with the core's `validateGraph` (`400 invalid_graph` with the list), disable, rollback,
 * versions. The end-to-end tests run the real service; this keeps component tests fast.
 *
 * @example
 * const api = installFakeGraphApi({ guildId: 'g1', graphId: 'graph1', doc: welcomeGraph() });
 * api.saveElsewhere({ ...doc, name: 'Theirs' }); // another tab saved: the next PUT gets 412
 */
export function installFakeGraphApi(init: {
  guildId: string;
  graphId: string;
  doc: GraphDocument;
  revision?: number;
}) {
  const base = `/api/guilds/${init.guildId}/graphs/${init.graphId}`;
  const state = {
    draft: structuredClone(init.doc),
    revision: init.revision ?? 1,
    enabled: false,
    publishedVersion: null as number | null,
    versions: [] as { version: number; document: GraphDocument; publishedAt: string }[],
    /** What the check before publishing finds (`GET …/preflight`). */
    preflightWarnings: [] as {
      code: string;
      severity: 'warning';
      nodeId?: string;
      field?: string;
      message: string;
    }[],
    /** Sent with publish, disable and rollback answers when set. */
    routing: undefined as RoutingConfirmation | undefined,
  };
  const requests: SeenRequest[] = [];
  const failures: Failure[] = [];
  let refusingSaves: Failure | null = null;
  let held: Promise<void> | null = null;
  let inFlight = 0;
  let maxInFlight = 0;

  const resource = (): EditorGraph => ({
    id: init.graphId,
    guildId: init.guildId,
    name: state.draft.name,
    enabled: state.enabled,
    draft: structuredClone(state.draft),
    issues: validateGraph(state.draft) as ValidationIssue[],
    publishedVersion: state.publishedVersion,
    revision: state.revision,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: new Date().toISOString(),
  });
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const error = (status: number, code: string, message: string, details?: unknown) =>
    json(status, { error: { code, message, ...(details === undefined ? {} : { details }) } });
  const changed = (withRouting = false) => {
    state.revision += 1;
    return json(200, {
      ...resource(),
      ...(withRouting && state.routing ? { routing: state.routing } : {}),
    });
  };

  function publish() {
    const version = Math.max(0, ...state.versions.map((v) => v.version)) + 1;
    state.versions.push({
      version,
      document: structuredClone(state.draft),
      publishedAt: new Date().toISOString(),
    });
    state.publishedVersion = version;
    state.enabled = true;
  }

  function answer(method: string, path: string, ifMatch: string | null, body: unknown): Response {
    if (path === '/api/catalog') return json(200, catalogJson());
    const stale = ifMatch !== null && ifMatch !== `"${state.revision}"`;
    const conflict = () =>
      error(
        412,
        'conflict',
        'Someone changed this graph since you loaded it: reload it and try again.',
      );
    if (path === base && method === 'GET') return json(200, resource());
    if (path === base && method === 'PUT') {
      if (stale) return conflict();
      state.draft = structuredClone(body as GraphDocument);
      return changed();
    }
    if (path === `${base}/publish` && method === 'POST') {
      if (stale) return conflict();
      const issues = validateGraph(state.draft);
      if (issues.length > 0)
        return error(
          400,
          'invalid_graph',
          'The draft has problems: fix them, then publish.',
          issues,
        );
      publish();
      return changed(true);
    }
    if (path === `${base}/disable` && method === 'POST') {
      if (stale) return conflict();
      state.enabled = false;
      return changed(true);
    }
    if (path === `${base}/rollback` && method === 'POST') {
      if (stale) return conflict();
      const { version } = body as { version: number };
      if (!state.versions.some((v) => v.version === version))
        return error(400, 'unknown_version', `This graph has no published version ${version}.`);
      state.publishedVersion = version;
      state.enabled = true;
      return changed(true);
    }
    if (path === `${base}/preflight` && method === 'GET')
      return json(200, {
        checkedAt: new Date().toISOString(),
        version: null,
        discord: 'checked',
        warnings: state.preflightWarnings,
      });
    if (path === `${base}/versions` && method === 'GET')
      return json(200, {
        publishedVersion: state.publishedVersion,
        versions: [...state.versions].reverse().map((v) => ({
          version: v.version,
          publishedBy: 'admin',
          publishedAt: v.publishedAt,
          current: v.version === state.publishedVersion,
        })),
      });
    const detail = new RegExp(`^${base}/versions/(\\d+)$`).exec(path);
    const version = detail && state.versions.find((v) => v.version === Number(detail[1]));
    if (version)
      return json(200, {
        graphId: init.graphId,
        version: version.version,
        publishedBy: 'admin',
        publishedAt: version.publishedAt,
        document: version.document,
      });
    return error(404, 'not_found', `No route ${method} ${path} in the fake.`);
  }

  globalThis.fetch = (async (input: RequestInfo | URL, options?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, options);
    const path = new URL(request.url).pathname;
    const text = request.method === 'GET' ? '' : await request.text();
    const seen: SeenRequest = {
      method: request.method,
      path,
      ifMatch: request.headers.get('If-Match'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(seen);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (held) await held;
      const failure =
        path === '/api/catalog'
          ? undefined
          : (failures.shift() ?? (request.method === 'PUT' ? refusingSaves : null));
      if (failure === 'network') throw new TypeError('Failed to fetch');
      if (failure) return error(failure.status, failure.code, failure.message);
      return answer(seen.method, path, seen.ifMatch, seen.body);
    } finally {
      inFlight -= 1;
    }
  }) as typeof fetch;

  return {
    state,
    requests,
    /** The writes seen (PUT and POST), in order. */
    writes: () => requests.filter((r) => r.method !== 'GET'),
    /** The most requests the fake was answering at once. */
    maxInFlight: () => maxInFlight,
    /** Publishes the draft as it is (as someone else, or before the test). */
    publishNow() {
      publish();
      state.revision += 1;
    },
    /** Another tab or person saves a draft: the revision moves on. */
    saveElsewhere(doc: GraphDocument) {
      state.draft = structuredClone(doc);
      state.revision += 1;
    },
    /** The next requests fail like this, in order. */
    fail(...next: Failure[]) {
      failures.push(...next);
    },
    /** Every save fails like this until called with null. */
    refuseSaves(failure: Failure | null) {
      refusingSaves = failure;
    },
    /** Holds every answer until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
  };
}

export type FakeGraphApi = ReturnType<typeof installFakeGraphApi>;
