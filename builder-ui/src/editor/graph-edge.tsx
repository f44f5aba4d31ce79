import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from './editor-context.js';
import type { FlowEdge } from './flow-elements.js';

/** A connection; red with a badge when validation reports it (a cycle, an unknown port, …). */
function GraphEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } =
    props;
  const issues = useEditor((s) => s.edgeIssues.get(id));
  const isError = props.sourceHandleId === 'error';
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const classes = ['gf-editor-edge'];
  if (issues) classes.push('has-issues');
  if (selected) classes.push('is-selected');
  if (isError) classes.push('is-error-path');
  const text = issues?.map((issue) => issue.message).join('\n');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} interactionWidth={16} />
      {issues && (
        <EdgeLabelRenderer>
          <span
            className="gf-editor-edge-issues nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={text}
            role="img"
            aria-label={`Connection issue: ${text}`}
          >
            {issues.length}
          </span>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const GraphEdge = memo(GraphEdgeView);
