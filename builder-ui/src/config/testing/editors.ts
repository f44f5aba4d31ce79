import { EditorView } from '@codemirror/view';

/** The element the form shows for a config path (`content`, `buttons[0].label`). */
export function fieldAt(container: HTMLElement, path: string): HTMLElement {
  const found = [...container.querySelectorAll<HTMLElement>('[data-config-path]')].find(
    (element) => element.dataset.configPath === path,
  );
  if (!found) throw new Error(`no field for ${path}`);
  return found;
}

/** The CodeMirror editor of the field at a config path. */
export function editorAt(container: HTMLElement, path: string): EditorView {
  const content = fieldAt(container, path).querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error(`no expression editor for ${path}`);
  return view;
}

/** Replaces an editor's text the way typing does (an `input.type` transaction). */
export function typeInto(view: EditorView, text: string, replace = true): void {
  const from = replace ? 0 : view.state.doc.length;
  view.dispatch({
    changes: { from, to: view.state.doc.length, insert: text },
    selection: { anchor: from + text.length },
    userEvent: 'input.type',
  });
}

/** The issue texts shown in the field at a path (under it, not in nested fields). */
export function issuesShownAt(container: HTMLElement, path: string): string[] {
  const field = fieldAt(container, path);
  return [...field.querySelectorAll('.gf-config-issue')]
    .filter((li) => li.closest('[data-config-path]') === field)
    .map((li) => li.textContent ?? '');
}
