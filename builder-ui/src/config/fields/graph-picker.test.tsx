import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { chain, renderPanel } from '../testing/panel-harness.js';

const doc = (config: Record<string, unknown>) =>
  chain([
    { id: 'start', type: 'trigger.memberJoined', config: {} },
    { id: 'child', type: 'flow.runGraph', config },
  ]);
const graphs = [
  { id: 'g1', name: 'Onboarding DM', enabled: true },
  { id: 'g2', name: 'Draft idea', enabled: false },
];

describe('graph picker (flow.runGraph)', () => {
  it('lists the guild’s graphs by name and stores the id', async () => {
    const panel = renderPanel({ doc: doc({}), nodeId: 'child', graphs });
    const select = screen.getByRole('combobox', { name: /^Graph/ });
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Choose a graph…',
      'Onboarding DM',
      'Draft idea (not published)',
    ]);
    await userEvent.selectOptions(select, 'g1');
    expect(panel.config()).toEqual({ graphId: 'g1' });
  });

  it('keeps an id that is not in the list, and says so', () => {
    renderPanel({ doc: doc({ graphId: 'gone' }), nodeId: 'child', graphs });
    expect(screen.getByText('gone is not a graph of this server (yet).')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: /^Graph/ }) as HTMLSelectElement).value).toBe(
      'gone',
    );
  });
});
