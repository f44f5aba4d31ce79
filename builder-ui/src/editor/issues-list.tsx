import { getNodeType, type ValidationIssue } from '@guildflow/engine/core';
import { useReactFlow } from '@xyflow/react';
import { useId, useState } from 'react';
import { useEditor, useEditorStore } from './editor-context.js';
import { DEFAULT_NODE_SIZE } from './layout.js';

/**
 * The config path of an issue for the side panel's `focusPath`: `nodes[2].config.buttons[0].label`
 * → `buttons[0].label`; undefined when the issue is not about a config field.
 */
export function focusPathOf(issue: Pick<ValidationIssue, 'path'>): string | undefined {
  const rest = /^nodes\[\d+\]\.config(?:\.(.+))?$/.exec(issue.path);
  return rest ? rest[1] : undefined;
}

/**
 * Takes the user to an issue: selects its node (centred in view) and tells the side panel which
 * field to focus; an edge issue selects the edge.
 */
export function useShowIssue(): (issue: ValidationIssue) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return (issue) => {
    const state = store.getState();
    if (issue.nodeId) {
      state.focusNode(issue.nodeId, focusPathOf(issue));
      const node = state.doc.nodes.find((n) => n.id === issue.nodeId);
      if (node) {
        const size = state.measured.get(node.id) ?? DEFAULT_NODE_SIZE;
        void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 250,
        });
      }
    } else if (issue.edgeId) {
      state.select([], [issue.edgeId]);
    }
  };
}

/**
 * Issues as buttons that take the user to what each is about (the live list under the canvas,
 * a refused publish's list).
 */
export function IssueItems({
  issues,
  onShow,
}: {
  issues: readonly ValidationIssue[];
  onShow?(issue: ValidationIssue): void;
}) {
  const store = useEditorStore();
  const show = useShowIssue();
  const where = (issue: ValidationIssue) => {
    if (issue.nodeId) {
      const node = store.getState().doc.nodes.find((n) => n.id === issue.nodeId);
      return node
        ? `${node.label ?? getNodeType(node.type)?.title ?? node.type} (${node.id})`
        : issue.nodeId;
    }
    if (issue.edgeId) return `Connection ${issue.edgeId}`;
    return 'Graph';
  };
  return (
    <ul className="gf-editor-issue-items">
      {issues.map((issue, i) => (
        <li key={`${issue.path}:${issue.code}:${i}`}>
          <button
            type="button"
            className="gf-editor-issue"
            onClick={() => {
              onShow?.(issue);
              show(issue);
            }}
            disabled={!issue.nodeId && !issue.edgeId}
          >
            <span className="gf-editor-issue-where">{where(issue)}</span>
            <span className="gf-editor-issue-message">{issue.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Every validation issue of the draft, as a list over the canvas (see {@link IssueItems}). */
export function IssuesList() {
  const issues = useEditor((s) => s.issues);
  const [open, setOpen] = useState(false);
  const listId = useId();

  return (
    <section className={`gf-editor-issues${open ? ' is-open' : ''}`} aria-label="Issues">
      <button
        type="button"
        className="gf-editor-issues-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-count={issues.length}
      >
        {issues.length === 0
          ? 'No issues'
          : `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`}
      </button>
      {open && (
        <div id={listId} className="gf-editor-issues-body">
          {issues.length === 0 ? (
            <p className="gf-editor-muted">The graph is valid: it can be published.</p>
          ) : (
            <IssueItems issues={issues} />
          )}
        </div>
      )}
    </section>
  );
}
