import { getNodeType, portsOf } from '@guildflow/engine/core';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useEditor } from './editor-context.js';
import type { FlowNode, GraphNodeData } from './flow-elements.js';
import { NodeIcon } from './node-icon.js';
import { summarize } from './node-summary.js';
import { usePinned } from './test-run/pinned.js';
import { useRunStatus } from './test-run/run-overlay.js';
import type { Step } from '../api/run-queries.js';
import { useNames } from './names.js';

/** Below this zoom the text is unreadable anyway: nodes draw only their head (fewer elements). */
export const DETAIL_ZOOM = 0.45;
/**
 * Below this zoom even the title is a smudge (a 13 px font under 4 px): nodes draw only their
 * coloured frame, ports and issue badge — a 500-node graph fitted in view opens in half the
 * elements. The name stays in the node's accessible label.
 */
export const FAR_ZOOM = 0.3;
type Detail = 'full' | 'compact' | 'far';

const RUN_WORDS: Record<Step['status'], string> = {
  running: 'running',
  waiting: 'waiting',
  completed: 'done',
  failed: 'failed',
  skipped: 'skipped',
};
const RUN_MARKS: Record<Step['status'], string> = {
  running: '…',
  waiting: '⏳',
  completed: '✓',
  failed: '✗',
  skipped: '–',
};
const detailAt = (s: ReactFlowState): Detail => {
  const zoom = s.transform[2];
  return zoom < FAR_ZOOM ? 'far' : zoom < DETAIL_ZOOM ? 'compact' : 'full';
};

/**
 * A node on the canvas, drawn from its type's declaration: icon, title, a one-line summary of
 * its config, one input on the left (none on the trigger), its output ports on the right in
 * declared order, labelled when there are several, and a badge with its validation issues.
 * Memoized: it draws again only when its own document node, selection or issues change.
 */
function GraphNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const declaration = getNodeType(data.type);
  const issues = useEditor((s) => s.nodeIssues.get(id));
  const detail = useStore(detailAt);
  const runStatus = useRunStatus(id);
  const pinned = usePinned(id) !== undefined;
  const compact = detail !== 'full';
  const ports = useMemo(
    () => portsOf({ type: data.type, config: data.config }),
    [data.type, data.config],
  );
  const isTrigger = declaration?.kind === 'trigger';
  const title = data.label ?? declaration?.title ?? data.type;
  const issueText = issues?.map((issue) => issue.message).join('\n');
  const classes = ['gf-editor-node'];
  if (selected) classes.push('is-selected');
  if (issues) classes.push('has-issues');
  if (isTrigger) classes.push('is-trigger');
  if (!declaration) classes.push('is-unknown');
  if (detail === 'far') classes.push('is-far');
  if (runStatus) classes.push(`run-${runStatus}`);
  if (pinned) classes.push('is-pinned');

  return (
    <div
      className={classes.join(' ')}
      data-node-type={data.type}
      data-accent={declaration?.group.toLowerCase() ?? 'unknown'}
    >
      {declaration?.ports.inputs !== 'none' && (
        <Handle type="target" position={Position.Left} className="gf-editor-handle is-input" />
      )}
      <div className="gf-editor-node-head">
        {detail !== 'far' && (
          <>
            <span className="gf-editor-node-icon">
              <NodeIcon name={declaration?.ui.icon ?? 'box'} />
            </span>
            <span className="gf-editor-node-title">{title}</span>
            {isTrigger && <span className="gf-editor-node-tag">Trigger</span>}
          </>
        )}
        {pinned && (
          <span
            className="gf-editor-node-pin"
            role="img"
            aria-label="Pinned: test runs use its pinned output"
            title="Pinned: test runs use its pinned output"
          >
            📌
          </span>
        )}
        {runStatus && (
          <span
            className="gf-editor-node-run"
            role="img"
            aria-label={`Test run: ${RUN_WORDS[runStatus]}`}
          >
            {RUN_MARKS[runStatus]}
          </span>
        )}
        {issues && (
          <span
            className="gf-editor-node-issues"
            title={issueText}
            role="img"
            aria-label={`${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}: ${issueText}`}
          >
            {issues.length}
          </span>
        )}
      </div>
      {!compact && (
        <>
          <div className="gf-editor-node-meta">
            <span className="gf-editor-node-id">{id}</span>
            {data.label && declaration && (
              <span className="gf-editor-node-type">{declaration.title}</span>
            )}
          </div>
          <NodeSummary data={data} known={declaration !== undefined} />
        </>
      )}
      {ports.length > 0 && (
        <ul className={`gf-editor-node-ports${ports.length > 1 ? ' is-labelled' : ''}`}>
          {ports.map((port) => (
            <li
              key={port.id}
              className={`gf-editor-port${port.id === 'error' ? ' is-error' : ''}`}
              data-port={port.id}
            >
              {ports.length > 1 && !compact && (
                <span className="gf-editor-port-label">{port.label}</span>
              )}
              <Handle
                type="source"
                id={port.id}
                position={Position.Right}
                className="gf-editor-handle"
                title={port.description ?? port.label}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The one-line summary of a node's config, with channel and role names from the guild. Its own
 * component: when the names arrive, only the summaries on screen draw again, not every node
 * (zoomed out, nodes show none).
 */
function NodeSummary({ data, known }: { data: GraphNodeData; known: boolean }) {
  const names = useNames();
  const summary = useMemo(
    () => summarize(data.type, data.config, names),
    [data.type, data.config, names],
  );
  return (
    <p className={`gf-editor-node-summary${summary ? '' : ' is-empty'}`}>
      {summary || (known ? 'Not set up yet' : 'Unknown node type')}
    </p>
  );
}

export const GraphNode = memo(GraphNodeView);
