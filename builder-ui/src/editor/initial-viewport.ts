import type { GraphNode } from '@guildflow/engine/core';
import { getViewportForBounds, type Viewport } from '@xyflow/react';

/** How the canvas fits the graph in view (`fitView`), shared with the estimate below. */
export const FIT_VIEW = { padding: 0.15, maxZoom: 1.2 } as const;
export const MIN_ZOOM = 0.05;

// Nodes are 240 px wide (editor.css); none is shorter than this.
const SMALLEST_NODE = { width: 240, height: 40 };

/**
 * The viewport the canvas starts in, before React Flow has measured the nodes and fitted them
 * in view: fitting the nodes' positions into `room` (the window, which holds the canvas), so it
 * is never more zoomed out than the fitted view will be. Nodes stay hidden until measured, so
 * nothing of it shows; what it changes is that a big graph's nodes are drawn compact from the
 * first render, as the fitted view shows them, instead of drawing every detail first and
 * dropping it a moment later (a second render of every node while the graph opens).
 *
 * @example
 * <ReactFlow defaultViewport={initialViewport(doc.nodes, { width: innerWidth, height: innerHeight })} fitView … />
 */
export function initialViewport(
  nodes: readonly Pick<GraphNode, 'position'>[],
  room: { width: number; height: number },
): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const bounds = {
    x: left,
    y: top,
    width: Math.max(...xs) + SMALLEST_NODE.width - left,
    height: Math.max(...ys) + SMALLEST_NODE.height - top,
  };
  return getViewportForBounds(
    bounds,
    room.width,
    room.height,
    MIN_ZOOM,
    FIT_VIEW.maxZoom,
    FIT_VIEW.padding,
  );
}
