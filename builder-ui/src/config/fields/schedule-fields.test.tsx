import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chain, renderPanel } from '../testing/panel-harness.js';

const start = { id: 'start', type: 'trigger.memberJoined', config: {} };

describe('duration input', () => {
  it('says what the engine understood, as you type', async () => {
    const doc = chain([start, { id: 'wait', type: 'flow.delay', config: { duration: '2h' } }]);
    const panel = renderPanel({ doc, nodeId: 'wait' });
    expect(screen.getByText('= 2 hours')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: /Duration/ });
    await userEvent.clear(input);
    await userEvent.type(input, '1h30m');
    expect(screen.getByText('= 1 hour 30 minutes')).toBeTruthy();
    expect(panel.config()).toEqual({ duration: '1h30m' });
  });

  it('says why it cannot read a duration, and keeps the text', async () => {
    const doc = chain([start, { id: 'wait', type: 'flow.delay', config: {} }]);
    const panel = renderPanel({ doc, nodeId: 'wait' });
    await userEvent.type(screen.getByRole('textbox', { name: /Duration/ }), '1 month');
    // said once, by validation, under the field
    expect(
      screen.getAllByText(/Not a duration: months and years have no fixed length/),
    ).toHaveLength(1);
    expect(panel.config()).toEqual({ duration: '1 month' });
  });
});

describe('cron input', () => {
  afterEach(() => vi.useRealTimers());

  it('lists the next five fire times in the schedule’s time zone, and follows a new time zone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-06-01T00:00:00Z') });
    const doc = chain([
      {
        id: 'start',
        type: 'trigger.schedule',
        config: { cron: '0 9 * * MON', timezone: 'Europe/Berlin' },
      },
    ]);
    renderPanel({ doc, nodeId: 'start' });
    expect(screen.getByText('Next runs (Europe/Berlin):')).toBeTruthy();
    const list = () =>
      [...document.querySelectorAll('.gf-config-runs li')].map((li) => li.textContent);
    expect(list()).toEqual([
      'Mon, 2 Jun 2025, 09:00',
      'Mon, 9 Jun 2025, 09:00',
      'Mon, 16 Jun 2025, 09:00',
      'Mon, 23 Jun 2025, 09:00',
      'Mon, 30 Jun 2025, 09:00',
    ]);
    const zone = screen.getByRole('combobox', { name: /Time zone/ });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Tokyo');
    expect(screen.getByText('Next runs (Asia/Tokyo):')).toBeTruthy();
    expect(list()[0]).toBe('Mon, 2 Jun 2025, 09:00');
  });

  it('explains a cron the schedule cannot use', async () => {
    const doc = chain([{ id: 'start', type: 'trigger.schedule', config: { cron: '0 9 * * *' } }]);
    renderPanel({ doc, nodeId: 'start' });
    const cron = screen.getByRole('textbox', { name: /Cron/ });
    await userEvent.clear(cron);
    await userEvent.type(cron, '0 9 1#2 * *');
    expect(screen.getAllByText(/do not support the cron extensions L, W, \? and #/)).toHaveLength(
      1,
    );
    expect(document.querySelectorAll('.gf-config-runs li')).toHaveLength(0);
  });
});
