import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { graphWrites } from '../api/graph-writes.js';
import { useCatalog, useGraph, useGuildDiscord, type EditorGraph } from '../api/queries.js';
import { Editor } from './editor.js';
import { createEditorStore } from './editor-store.js';
import { createGraphSession } from './graph-session.js';
import { usePins, type Pin } from '../api/pin-queries.js';
import { LeaveGuard } from './saving/leave-guard.js';
import { PinnedContext } from './test-run/pinned.js';
import { NamesContext, NO_NAMES, namesFrom } from './names.js';
import type { PaletteEntry } from './palette-items.js';
import './editor.css';
// Before any validation in this chunk: the core's validators generated at build time (the
// service's CSP forbids compiling them in the browser).
import '../app/precompiled-validators.js';

const NO_PINS: ReadonlyMap<string, Pin> = new Map();

/**
 * The editor route, `/guilds/:guildId/graphs/:graphId`: loads the graph and the catalog, then
 * opens the editor on the draft (loading, not-found and error states until then).
 */
export function EditorPage() {
  const { guildId = '', graphId = '' } = useParams();
  const graph = useGraph(guildId, graphId);
  const catalog = useCatalog();
  const listPath = `/guilds/${guildId}/graphs`;

  const error = graph.error ?? catalog.error;
  if (error) {
    const notFound = error instanceof ApiError && error.status === 404 && graph.error;
    return (
      <main className="gf-editor-page-state" role={notFound ? undefined : 'alert'}>
        <h1>{notFound ? 'Graph not found' : 'The editor could not open this graph'}</h1>
        <p>
          {notFound
            ? 'This graph does not exist in this server (it may have been deleted), or you may not manage this server.'
            : error.message}
        </p>
        <p className="gf-editor-page-actions">
          {!notFound && (
            <button
              type="button"
              onClick={() => void (graph.error ? graph.refetch() : catalog.refetch())}
            >
              Try again
            </button>
          )}
          <Link to={listPath}>Back to the graphs</Link>
        </p>
      </main>
    );
  }
  // Never open on the graph cached from the last opening: its draft may be older than its save.
  if (!graph.data || !catalog.data || !graph.isFetchedAfterMount) {
    return (
      <main className="gf-editor-page-state" aria-busy="true">
        <p role="status">Opening the graph…</p>
      </main>
    );
  }
  return (
    <EditorSession
      key={`${guildId}/${graphId}`}
      resource={graph.data}
      entries={catalog.data.nodes}
      listPath={listPath}
    />
  );
}

function EditorSession({
  resource,
  entries,
  listPath,
}: {
  resource: EditorGraph;
  entries: readonly PaletteEntry[];
  listPath: string;
}) {
  const client = useQueryClient();
  const [store] = useState(() =>
    createEditorStore({
      guildId: resource.guildId,
      graphId: resource.id,
      doc: resource.draft,
      revision: resource.revision,
      issues: resource.issues,
      published: { enabled: resource.enabled, version: resource.publishedVersion },
    }),
  );
  const [session] = useState(() =>
    createGraphSession({
      store,
      writes: graphWrites(resource.guildId, resource.id),
      client,
    }),
  );
  // Channel, role and member names for node summaries (ids are shown until they arrive).
  const guild = useGuildDiscord(resource.guildId);
  const names = useMemo(() => (guild.data ? namesFrom(guild.data) : NO_NAMES), [guild.data]);
  const pins = usePins(resource.guildId, resource.id);
  return (
    <main className="gf-editor-page">
      <NamesContext.Provider value={names}>
        <PinnedContext.Provider value={pins.data ?? NO_PINS}>
          <Editor store={store} session={session} entries={entries} backTo={listPath} />
        </PinnedContext.Provider>
        <LeaveGuard saver={session.saver} store={store} />
      </NamesContext.Provider>
    </main>
  );
}
