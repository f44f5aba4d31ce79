/**
 * The editor's keyboard shortcuts: one table for the key handler, the `?` sheet and the
 * command palette. `Mod` is Ctrl (⌘ on macOS).
 */
export type CommandId =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'selectAll'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'layout'
  | 'fitView'
  | 'zoomIn'
  | 'zoomOut'
  | 'commandPalette'
  | 'addNode'
  | 'shortcuts'
  | 'save'
  | 'publish'
  | 'testRun'
  | 'transcript'
  | 'history'
  | 'download'
  | 'copyJson';

export interface Shortcut {
  id: CommandId;
  label: string;
  /** Key combinations, e.g. `Mod+Shift+Z`; the first is shown. None: the command palette only. */
  keys: readonly string[];
  /** Also while typing in a field (Ctrl+S). */
  anywhere?: true;
  /** Copy, cut and paste run from the browser's clipboard events, not from keydown. */
  clipboard?: true;
  /** Acts on the canvas selection: only while the focus is on the canvas (or nowhere). */
  canvas?: true;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'commandPalette', label: 'Command palette', keys: ['Mod+K'] },
  { id: 'addNode', label: 'Search the node palette', keys: ['/'] },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'] },
  { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { id: 'copy', canvas: true, label: 'Copy selection', keys: ['Mod+C'], clipboard: true },
  { id: 'cut', canvas: true, label: 'Cut selection', keys: ['Mod+X'], clipboard: true },
  { id: 'paste', canvas: true, label: 'Paste nodes', keys: ['Mod+V'], clipboard: true },
  { id: 'duplicate', canvas: true, label: 'Duplicate selection', keys: ['Mod+D'] },
  { id: 'delete', canvas: true, label: 'Delete selection', keys: ['Delete', 'Backspace'] },
  { id: 'selectAll', canvas: true, label: 'Select all', keys: ['Mod+A'] },
  { id: 'layout', label: 'Tidy up (auto-layout)', keys: ['Shift+L'] },
  { id: 'fitView', label: 'Fit the graph in view', keys: ['Shift+1'] },
  { id: 'zoomIn', label: 'Zoom in', keys: ['+', '='] },
  { id: 'zoomOut', label: 'Zoom out', keys: ['-'] },
  { id: 'shortcuts', label: 'Show keyboard shortcuts', keys: ['?'] },
  { id: 'save', label: 'Save now', keys: ['Mod+S'], anywhere: true },
  { id: 'publish', label: 'Publish', keys: [] },
  { id: 'testRun', label: 'Test run in the sandbox', keys: ['Mod+Enter'], anywhere: true },
  { id: 'transcript', label: 'Show or hide the sandbox transcript', keys: [] },
  { id: 'history', label: 'Version history', keys: [] },
  { id: 'download', label: 'Download the graph as JSON', keys: [] },
  { id: 'copyJson', label: 'Copy the graph as JSON', keys: [] },
];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** True when the key event is this combination (`Mod+Shift+Z`, `Delete`, `?`). */
export function matchesKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  combo: string,
): boolean {
  const parts = combo.split('+');
  const key = combo.endsWith('++') ? '+' : (parts[parts.length - 1] as string);
  const mods = new Set(parts.slice(0, -1));
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  if (mods.has('Mod') !== mod) return false;
  if (event.altKey) return false;
  // Printable symbols like `?` and `+` need Shift on most layouts: only check Shift for letters,
  // digits and named keys.
  const symbol = key.length === 1 && !/[A-Za-z0-9]/.test(key);
  if (!symbol && mods.has('Shift') !== event.shiftKey) return false;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return event.key.toLowerCase() === key.toLowerCase();
}

/** The shortcut a key event triggers, if any (clipboard ones excluded). */
export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  return SHORTCUTS.find((s) => !s.clipboard && s.keys.some((combo) => matchesKey(event, combo)));
}

/** How a combination reads on this platform (`Ctrl+Shift+Z` or `⌘⇧Z`). */
export function keyLabel(combo: string): string {
  if (!isMac()) return combo.replace('Mod', 'Ctrl');
  return combo.replace('Mod+', '⌘').replace('Shift+', '⇧');
}

/** True when the key goes to a text field (or CodeMirror) rather than the canvas. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[contenteditable="true"], .cm-editor, dialog[open], [aria-modal="true"]') !==
      null
  );
}
