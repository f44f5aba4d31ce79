import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { Editor } from './editor.js';
import { useCatalog, useGraphResource, type GraphResource } from './editor-queries.js';
import { createEditorStore } from './editor-store.js';
import type { PaletteEntry } from './palette-items.js';
import './editor.css';

/**
 * The editor route, `/guilds/:guildId/graphs/:graphId`: loads the graph and the catalog, then
 * opens the editor on the draft (loading, not-found and error states until then).
 */
export function EditorPage() {
  const { guildId = '', graphId = '' } = useParams();
  const graph = useGraphResource(guildId, graphId);
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
  if (!graph.data || !catalog.data) {
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
  resource: GraphResource;
  entries: readonly PaletteEntry[];
  listPath: string;
}) {
  const [store] = useState(() =>
    createEditorStore({
      guildId: resource.guildId,
      graphId: resource.id,
      doc: resource.draft,
      revision: resource.revision,
      issues: resource.issues,
    }),
  );
  return (
    <main className="gf-editor-page">
      <Editor store={store} entries={entries} backTo={listPath} />
    </main>
  );
}
