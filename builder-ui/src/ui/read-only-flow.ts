import type { ReactFlowProps } from '@xyflow/react';

/**
 * React Flow's settings for a drawing of a graph nobody edits (template previews, version
 * diffs): fitted in view, nothing dragged, connected, selected or focused, and the page scrolls
 * over it. The drawing's container carries its description for screen readers.
 */
export const READ_ONLY_FLOW = {
  fitView: true,
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  zoomOnDoubleClick: false,
  preventScrolling: false,
  disableKeyboardA11y: true,
  proOptions: { hideAttribution: true },
  minZoom: 0.1,
} as const satisfies ReactFlowProps;
