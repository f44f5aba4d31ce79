import {
  DEFAULT_PORT,
  getNodeType,
  hasChanges,
  type FieldChange,
  type GraphDiff,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type NodeChange,
} from '@guildflow/engine/core';
import './versions.css';

/** What the two sides of a comparison are called ("Version 2" → "Draft", "Theirs" → "Yours"). */
export interface DiffSides {
  before: string;
  after: string;
}

/** How a node reads in a change: its label or type title, and its id. */
export function nodeTitle(node: Pick<GraphNode, 'id' | 'type' | 'label'>): string {
  return `${node.label ?? getNodeType(node.type)?.title ?? node.type} (${node.id})`;
}

/** A config value as one short line (`not set` when absent). */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'not set';
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function edgeText(edge: GraphEdge, byId: (id: string) => GraphNode | undefined): string {
  const name = (id: string) => {
    const node = byId(id);
    return node ? nodeTitle(node) : id;
  };
  const port = edge.sourceHandle ?? DEFAULT_PORT;
  return `${name(edge.source)}${port === DEFAULT_PORT ? '' : ` (${port})`} → ${name(edge.target)}`;
}

function FieldTable({
  changes,
  sides,
  caption,
}: {
  changes: readonly FieldChange[];
  sides: DiffSides;
  caption: string;
}) {
  return (
    <table className="gf-diff-fields">
      <caption className="gf-editor-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">{sides.before}</th>
          <th scope="col">{sides.after}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path}>
            <th scope="row">
              <code>{change.path}</code>
            </th>
            <td className="gf-diff-before">{formatValue(change.before)}</td>
            <td className="gf-diff-after">{formatValue(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function changedFields(change: NodeChange): FieldChange[] {
  return [
    ...(change.type ? [{ path: 'type', ...change.type }] : []),
    ...(change.label ? [{ path: 'label', ...change.label }] : []),
    ...change.fields,
  ];
}

/**
 * The differences between two graph documents as a list: nodes added, removed and changed
 * (each changed setting with its value on both sides), connections added and removed, and the
 * graph's own fields (name, description, vars). Moves alone are counted, not listed.
 *
 * @example
 * <ChangeList diff={diffGraphs(version, draft)} before={version} after={draft} sides={{ before: 'Version 2', after: 'Draft' }} />
 */
export function ChangeList({
  diff,
  before,
  after,
  sides,
}: {
  diff: GraphDiff;
  before: GraphDocument;
  after: GraphDocument;
  sides: DiffSides;
}) {
  const node = (id: string) =>
    after.nodes.find((n) => n.id === id) ?? before.nodes.find((n) => n.id === id);
  const changed = diff.nodes.changed.filter((c) => !c.moved);
  const moved = diff.nodes.changed.length - changed.length;
  if (!hasChanges(diff)) {
    return (
      <p className="gf-diff-none">
        No differences{moved > 0 ? ` (only ${moved} node${moved === 1 ? '' : 's'} moved)` : ''}.
      </p>
    );
  }
  return (
    <div className="gf-diff-list">
      <ul aria-label="Changed steps">
        {diff.nodes.added.map((n) => (
          <li key={`added:${n.id}`} className="gf-diff-item is-added">
            <span className="gf-diff-tag">Added</span> {nodeTitle(n)}
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li key={`removed:${n.id}`} className="gf-diff-item is-removed">
            <span className="gf-diff-tag">Removed</span> {nodeTitle(n)}
          </li>
        ))}
        {changed.map((change) => {
          const title = nodeTitle(node(change.id) ?? { id: change.id, type: '' });
          return (
            <li key={`changed:${change.id}`} className="gf-diff-item is-changed">
              <span className="gf-diff-tag">Changed</span> {title}
              <FieldTable
                changes={changedFields(change)}
                sides={sides}
                caption={`Settings of ${title} that differ`}
              />
            </li>
          );
        })}
        {diff.edges.added.map((e) => (
          <li key={`edge+:${e.id}`} className="gf-diff-item is-added">
            <span className="gf-diff-tag">Connected</span> {edgeText(e, node)}
          </li>
        ))}
        {diff.edges.removed.map((e) => (
          <li key={`edge-:${e.id}`} className="gf-diff-item is-removed">
            <span className="gf-diff-tag">Disconnected</span> {edgeText(e, node)}
          </li>
        ))}
      </ul>
      {diff.graph.length > 0 && (
        <div className="gf-diff-item is-changed">
          <span className="gf-diff-tag">Graph</span> name, description or variables
          <FieldTable changes={diff.graph} sides={sides} caption="Graph settings that differ" />
        </div>
      )}
      {moved > 0 && (
        <p className="gf-editor-muted">
          {moved} node{moved === 1 ? '' : 's'} only moved.
        </p>
      )}
    </div>
  );
}
