import { describe, expect, it } from 'vitest';
import { DETAIL_ZOOM } from './graph-node.js';
import { initialViewport } from './initial-viewport.js';

const grid = (count: number, perRow: number) =>
  Array.from({ length: count }, (_, i) => ({
    position: { x: (i % perRow) * 260, y: Math.floor(i / perRow) * 160 },
  }));

describe('the viewport the canvas starts in', () => {
  it('is zoomed out below the detail level for a big graph, so its nodes are drawn compact at once', () => {
    const zoom = initialViewport(grid(500, 40), { width: 1280, height: 720 }).zoom;
    expect(zoom).toBeLessThan(DETAIL_ZOOM);
    expect(zoom).toBeGreaterThanOrEqual(0.05);
  });

  it('keeps a small graph at full detail, and an empty one at 100 %', () => {
    expect(initialViewport(grid(3, 3), { width: 1280, height: 720 }).zoom).toBeGreaterThan(
      DETAIL_ZOOM,
    );
    expect(initialViewport([], { width: 1280, height: 720 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('is never more zoomed out than the fitted view: the window is at least the canvas', () => {
    const nodes = grid(60, 10);
    const canvas = initialViewport(nodes, { width: 700, height: 620 }).zoom;
    expect(initialViewport(nodes, { width: 1280, height: 720 }).zoom).toBeGreaterThanOrEqual(
      canvas,
    );
  });
});
