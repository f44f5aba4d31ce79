import type { GraphDocument } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { layoutPositions } from './layout.js';

const at = { x: 0, y: 0 };

describe('auto-layout', () => {
  it('lays out left to right and keeps branches in port order, whatever the document order', () => {
    // The false branch and the later switch cases come first in the document on purpose.
    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'branches',
      vars: {},
      nodes: [
        { id: 'start', type: 'trigger.manual', position: at, config: {} },
        { id: 'no', type: 'flow.stop', position: at, config: {} },
        { id: 'check', type: 'flow.if', position: at, config: { condition: 'true' } },
        {
          id: 'yes',
          type: 'flow.switch',
          position: at,
          config: {
            value: 'a',
            cases: [
              { id: 'gold', equals: 1 },
              { id: 'silver', equals: 2 },
              { id: 'bronze', equals: 3 },
            ],
          },
        },
        { id: 'other', type: 'flow.stop', position: at, config: {} },
        { id: 'bronze', type: 'flow.stop', position: at, config: {} },
        { id: 'silver', type: 'flow.stop', position: at, config: {} },
        { id: 'gold', type: 'discord.addRole', position: at, config: {} },
        { id: 'failed', type: 'flow.stop', position: at, config: {} },
        { id: 'done', type: 'flow.stop', position: at, config: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'check' },
        { id: 'e2', source: 'check', sourceHandle: 'false', target: 'no' },
        { id: 'e3', source: 'check', sourceHandle: 'true', target: 'yes' },
        { id: 'e4', source: 'yes', sourceHandle: 'default', target: 'other' },
        { id: 'e5', source: 'yes', sourceHandle: 'bronze', target: 'bronze' },
        { id: 'e6', source: 'yes', sourceHandle: 'silver', target: 'silver' },
        { id: 'e7', source: 'yes', sourceHandle: 'gold', target: 'gold' },
        { id: 'e8', source: 'gold', sourceHandle: 'error', target: 'failed' },
        { id: 'e9', source: 'gold', sourceHandle: 'out', target: 'done' },
      ],
    };
    const p = layoutPositions(doc, new Map());
    const x = (id: string) => p.get(id)?.x ?? NaN;
    const y = (id: string) => p.get(id)?.y ?? NaN;
    expect(x('start')).toBeLessThan(x('check'));
    expect(x('check')).toBeLessThan(x('yes'));
    expect(x('yes')).toBeLessThan(x('gold'));
    expect(x('gold')).toBeLessThan(x('done'));
    expect(y('yes')).toBeLessThan(y('no')); // true above false
    expect(y('gold')).toBeLessThan(y('silver')); // cases in case order, default last
    expect(y('silver')).toBeLessThan(y('bronze'));
    expect(y('bronze')).toBeLessThan(y('other'));
    expect(y('done')).toBeLessThan(y('failed')); // `error` is an action's last port
  });

  it('uses measured sizes so tall nodes do not overlap', () => {
    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'sizes',
      vars: {},
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 50, y: 70 }, config: {} },
        { id: 'a', type: 'flow.stop', position: at, config: {} },
        { id: 'b', type: 'flow.stop', position: at, config: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'start', target: 'b' },
      ],
    };
    const p = layoutPositions(doc, new Map([['a', { width: 240, height: 400 }]]));
    const a = p.get('a')?.y ?? NaN;
    const b = p.get('b')?.y ?? NaN;
    // a is 400 high, b the default 88: their vertical extents do not overlap.
    expect(b >= a + 400 || a >= b + 88).toBe(true);
    // The layout starts where the graph was.
    expect(Math.min(...[...p.values()].map((v) => v.x))).toBe(0);
    expect(Math.min(...[...p.values()].map((v) => v.y))).toBe(0);
  });
});
