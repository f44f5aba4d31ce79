import { describe, expect, it } from 'vitest';
import { EventGate } from './event-gate.js';

describe('EventGate', () => {
  it('holds items until opened, releases them in order, then passes items straight through', async () => {
    const released: number[] = [];
    const dropped: number[] = [];
    const gate = new EventGate<number>(
      (n) => released.push(n),
      2,
      (n) => dropped.push(n),
    );
    let opened = false;
    void gate.whenOpen().then(() => (opened = true));
    gate.pass(1);
    gate.pass(2);
    gate.pass(3); // over the limit: reported, not kept
    expect([released, dropped, gate.waiting]).toEqual([[], [3], 2]);
    gate.openNow();
    gate.pass(4);
    await Promise.resolve();
    expect([released, gate.waiting, opened, gate.open]).toEqual([[1, 2, 4], 0, true, true]);
  });
});
