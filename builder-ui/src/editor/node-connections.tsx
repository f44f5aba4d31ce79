import { getNodeType, portsOf, type GraphDocument, type GraphNode } from '@guildflow/engine/core';
import { useId } from 'react';
import { tryConnect } from './connection-handlers.js';
import { checkConnection, indexOf, removeElements } from './document-edits.js';
import { useEditorStore } from './editor-context.js';

/**
 * The selected node's outputs and where each leads, with a picker to connect a port to another
 * node (the keyboard way to draw an edge; the picker offers only what `canConnect` accepts) and
 * a button to remove a connection.
 */
export function NodeConnections({ doc, node }: { doc: GraphDocument; node: GraphNode }) {
  const store = useEditorStore();
  const baseId = useId();
  const ports = portsOf(node);
  const index = indexOf(doc);
  const nameOf = (id: string) => {
    const target = index.nodes.get(id);
    return target
      ? `${target.label ?? getNodeType(target.type)?.title ?? target.type} (${id})`
      : id;
  };
  if (ports.length === 0)
    return <p className="gf-editor-muted">This node ends the run: it has no outputs.</p>;
  return (
    <ul className="gf-editor-connections">
      {ports.map((port) => {
        const edges = index.outgoingFrom(node.id, port.id);
        const candidates = doc.nodes.filter(
          (other) =>
            checkConnection(doc, { source: node.id, sourceHandle: port.id, target: other.id }).ok,
        );
        const selectId = `${baseId}-${port.id}`;
        return (
          <li key={port.id}>
            <span className="gf-editor-connections-port">{port.label}</span>
            <ul>
              {edges.map((edge) => (
                <li key={edge.id} className="gf-editor-connections-edge">
                  <span>→ {nameOf(edge.target)}</span>
                  <button
                    type="button"
                    className="gf-editor-link-button"
                    onClick={() =>
                      store.getState().edit((d) => removeElements(d, new Set(), new Set([edge.id])))
                    }
                    aria-label={`Remove the connection from ${port.label} to ${nameOf(edge.target)}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            {candidates.length > 0 && (
              <>
                <label className="gf-editor-visually-hidden" htmlFor={selectId}>
                  Connect {port.label} to
                </label>
                <select
                  id={selectId}
                  value=""
                  onChange={(event) => {
                    const target = event.target.value;
                    if (!target) return;
                    tryConnect(store, { source: node.id, sourceHandle: port.id, target });
                  }}
                >
                  <option value="">Connect {port.label.toLowerCase()} to…</option>
                  {candidates.map((other) => (
                    <option key={other.id} value={other.id}>
                      {nameOf(other.id)}
                    </option>
                  ))}
                </select>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
