import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editorAt, fieldAt, typeInto } from './testing/editors.js';
import { chain, renderPanel } from './testing/panel-harness.js';

const start = { id: 'start', type: 'trigger.slashCommand', config: { name: 'role-menu' } };
const buttonsFrom = {
  items: '{{ vars.roles }}',
  label: 'label',
  id: 'roleId',
  emoji: 'emoji',
  customIdPrefix: 'rolemenu:{{ vars.menuId }}:',
  style: 'secondary',
};

describe('ConfigPanel: buttonsFrom of discord.sendMessage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows its parts as fields (the list as an expression), without console errors, and edits one part', async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const doc = chain([
      start,
      {
        id: 'post',
        type: 'discord.sendMessage',
        config: { channelId: '{{ trigger.channelId }}', content: 'Pick', buttonsFrom },
      },
    ]);
    const panel = renderPanel({ doc, nodeId: 'post' });
    const group = fieldAt(panel.container, 'buttonsFrom');
    const labels = [...group.querySelectorAll('[data-config-path]')].map((f) =>
      f.querySelector('.gf-config-label, legend')?.textContent?.replace(/ \*.*$/, ''),
    );
    expect(labels).toEqual(['Items', 'Label', 'ID', 'Custom ID prefix', 'Emoji', 'Style']);
    expect(editorAt(panel.container, 'buttonsFrom.items').state.doc.toString()).toBe(
      '{{ vars.roles }}',
    );
    typeInto(editorAt(panel.container, 'buttonsFrom.customIdPrefix'), 'menu:');
    await waitFor(() =>
      expect(panel.config()).toEqual({
        channelId: '{{ trigger.channelId }}',
        content: 'Pick',
        buttonsFrom: { ...buttonsFrom, customIdPrefix: 'menu:' },
      }),
    );
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });
});
