import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { welcomeGraph } from '../../testing/editor-fixtures.js';
import { renderEditor } from '../../testing/render-editor.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('export', () => {
  it('downloads the draft as a JSON graph document named after the graph', async () => {
    const user = userEvent.setup();
    renderEditor(welcomeGraph());
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:graph';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Download as JSON' }));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect([link.download, link.href]).toEqual(['welcome-new-members.json', 'blob:graph']);
    expect(blobs[0]?.type).toBe('application/json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(welcomeGraph());
    expect(screen.getByRole('status').textContent).toBe('Downloaded welcome-new-members.json.');
  });

  it('copies the draft as JSON to the clipboard', async () => {
    const user = userEvent.setup();
    renderEditor(welcomeGraph());
    await user.click(screen.getByRole('button', { name: 'Copy as JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(welcomeGraph());
    expect(screen.getByRole('status').textContent).toContain('Copied the graph as JSON');
  });
});
