import { Modal } from './modal.js';
import { SHORTCUTS, keyLabel } from './shortcuts.js';

/** The `?` sheet: every shortcut from the same table the key handler uses. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  return (
    <Modal label="Keyboard shortcuts" onClose={onClose} className="gf-editor-shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => s.keys.length > 0).map((shortcut) => (
            <tr key={shortcut.id}>
              <th scope="row">{shortcut.label}</th>
              <td>
                {shortcut.keys.map((combo, i) => (
                  <span key={combo}>
                    {i > 0 && ' or '}
                    <kbd>{keyLabel(combo)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Move the selected nodes</th>
            <td>
              <kbd>←</kbd> <kbd>↑</kbd> <kbd>→</kbd> <kbd>↓</kbd>
            </td>
          </tr>
          <tr>
            <th scope="row">Select a node with the keyboard</th>
            <td>
              <kbd>Tab</kbd> then <kbd>Enter</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
