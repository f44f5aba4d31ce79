import { getNodeType, type GraphDocument, type ValidationIssue } from '@guildflow/engine/core';
import { useId, useMemo } from 'react';
import { ConfigPanel } from '../config/config-panel.js';
import { removeElements, rename, sameButPositions, updateNode } from './document-edits.js';
import { useEditor, useEditorStore } from './editor-context.js';
import { NodeConnections } from './node-connections.js';
import { PinnedNote } from './test-run/pinned.js';
import type { EditorState } from './editor-store.js';
import { NodeIcon } from './node-icon.js';

const NO_ISSUES: readonly ValidationIssue[] = [];

/** The document, but the same object while only positions change (drags do not redraw forms). */
function useStableDoc(): GraphDocument {
  const select = useMemo(() => stableDocSelector(), []);
  return useEditor(select);
}

function stableDocSelector() {
  let last: GraphDocument | undefined;
  return (s: EditorState) => (last && sameButPositions(last, s.doc) ? last : (last = s.doc));
}

/**
 * The side panel: the selected node's settings (its config panel, label, connections, delete),
 * or the graph's name and a hint when nothing (or several things) are selected.
 */
export function SidePanel() {
  const selectedNode = useEditor((s) =>
    s.selectedNodes.size === 1 ? ([...s.selectedNodes][0] ?? null) : null,
  );
  const selectionSize = useEditor((s) => s.selectedNodes.size + s.selectedEdges.size);
  return (
    <aside className="gf-editor-side" aria-label="Selected node">
      {selectedNode ? (
        <NodePanel key={selectedNode} nodeId={selectedNode} />
      ) : (
        <GraphPanel selectionSize={selectionSize} />
      )}
    </aside>
  );
}

function NodePanel({ nodeId }: { nodeId: string }) {
  const store = useEditorStore();
  const doc = useStableDoc();
  const guildId = useEditor((s) => s.guildId);
  const issues = useEditor((s) => s.nodeIssues.get(nodeId)) ?? NO_ISSUES;
  const focus = useEditor((s) => (s.focus?.nodeId === nodeId ? s.focus : null));
  const labelId = useId();
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const declaration = getNodeType(node.type);
  const edit = store.getState().edit;

  return (
    <div className="gf-editor-side-node">
      <header className="gf-editor-side-head">
        <span
          className="gf-editor-node-icon"
          data-accent={declaration?.group.toLowerCase() ?? 'unknown'}
        >
          <NodeIcon name={declaration?.ui.icon ?? 'box'} size={18} />
        </span>
        {/* The config panel below says the type, the id and what the node does (or that its
            type is unknown): not repeated here, so the first field shows at 1280×720. */}
        <h2>{node.label ?? declaration?.title ?? node.type}</h2>
      </header>
      <div className="gf-editor-field">
        <label htmlFor={labelId}>Label on the canvas</label>
        <input
          id={labelId}
          type="text"
          maxLength={100}
          value={node.label ?? ''}
          placeholder={declaration?.title ?? node.type}
          onChange={(event) =>
            edit((d) => updateNode(d, node.id, { label: event.target.value }), {
              coalesce: `label:${node.id}`,
            })
          }
        />
      </div>
      <section aria-label="Settings" className="gf-editor-side-section">
        <h3>Settings</h3>
        <ConfigPanel
          guildId={guildId}
          document={doc}
          nodeId={node.id}
          issues={issues}
          focusPath={focus?.path}
          onChange={(config) =>
            edit((d) => updateNode(d, node.id, { config }), { coalesce: `config:${node.id}` })
          }
        />
      </section>
      <PinnedNote nodeId={node.id} />
      <section aria-label="Connections" className="gf-editor-side-section">
        <h3>Connections</h3>
        <NodeConnections doc={doc} node={node} />
      </section>
      <button
        type="button"
        className="gf-editor-danger-button"
        onClick={() => {
          edit((d) => removeElements(d, new Set([node.id])));
          store.getState().say(`Deleted ${node.id}. Ctrl+Z brings it back.`);
        }}
      >
        Delete node
      </button>
    </div>
  );
}

function GraphPanel({ selectionSize }: { selectionSize: number }) {
  const store = useEditorStore();
  const name = useEditor((s) => s.doc.name);
  const nodeCount = useEditor((s) => s.doc.nodes.length);
  const nameId = useId();
  return (
    <div className="gf-editor-side-graph">
      <div className="gf-editor-field">
        <label htmlFor={nameId}>Graph name</label>
        <input
          id={nameId}
          type="text"
          maxLength={100}
          value={name}
          onChange={(event) =>
            store.getState().edit((d) => rename(d, event.target.value), { coalesce: 'name' })
          }
        />
      </div>
      {nodeCount === 0 ? (
        <p className="gf-editor-muted">
          Start with a trigger: drag one from the palette onto the canvas, or pick it and press
          Enter.
        </p>
      ) : selectionSize > 1 ? (
        <p className="gf-editor-muted">
          {selectionSize} items selected. Copy, duplicate or delete them together; select one node
          to set it up.
        </p>
      ) : (
        <p className="gf-editor-muted">
          Select a node to set it up. Press ? for keyboard shortcuts.
        </p>
      )}
    </div>
  );
}
