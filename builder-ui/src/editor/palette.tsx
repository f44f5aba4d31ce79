import { isTrigger } from '@guildflow/engine/core';
import {
  useId,
  useMemo,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { NODE_DRAG_TYPE } from './canvas.js';
import { hasTrigger } from './document-edits.js';
import { useEditor } from './editor-context.js';
import { NodeIcon } from './node-icon.js';
import { searchPalette, type PaletteEntry } from './palette-items.js';

export interface PaletteProps {
  entries: readonly PaletteEntry[];
  /** Click or Enter on an entry. */
  onAdd(type: string): void;
  /** Leave out triggers (when the new node must connect into something's output). */
  withoutTriggers?: boolean;
  searchRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
  /** Shown under the search box (e.g. where the node will be added). */
  hint?: string | undefined;
  label?: string;
}

/**
 * The node palette: the catalog grouped into sections and searchable by title, type id and
 * description. Drag an entry onto the canvas, or click it / press Enter. A graph has exactly one
 * trigger, so triggers are disabled once it has one. Arrow keys move through the list.
 */
export function Palette({
  entries,
  onAdd,
  withoutTriggers,
  searchRef,
  autoFocus,
  hint,
  label = 'Nodes',
}: PaletteProps) {
  const [query, setQuery] = useState('');
  const triggerTaken = useEditor((s) => hasTrigger(s.doc));
  const listId = useId();
  const groups = useMemo(
    () =>
      searchPalette(withoutTriggers ? entries.filter((e) => !isTrigger(e.type)) : entries, query),
    [entries, query, withoutTriggers],
  );
  const first = groups
    .flatMap((g) => g.entries)
    .find((e) => !(triggerTaken && e.kind === 'trigger'));

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && first) {
      event.preventDefault();
      onAdd(first.type);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      document
        .getElementById(listId)
        ?.querySelector<HTMLButtonElement>('button:not([disabled])')
        ?.focus();
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) searchRef?.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  const onDragStart = (event: DragEvent<HTMLButtonElement>, type: string) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div className="gf-editor-palette">
      <label className="gf-editor-palette-search">
        <span className="gf-editor-visually-hidden">Search {label.toLowerCase()}</span>
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Search nodes…"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKey}
          aria-controls={listId}
          autoFocus={autoFocus}
        />
      </label>
      {hint && <p className="gf-editor-palette-hint">{hint}</p>}
      <div id={listId} className="gf-editor-palette-list" onKeyDown={onListKey}>
        {groups.length === 0 && <p className="gf-editor-empty">No node matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.section} aria-label={group.section}>
            <h2 className="gf-editor-palette-section">{group.section}</h2>
            <ul>
              {group.entries.map((entry) => {
                const disabled = triggerTaken && entry.kind === 'trigger';
                return (
                  <li key={entry.type}>
                    <button
                      type="button"
                      className="gf-editor-palette-item"
                      data-type={entry.type}
                      draggable={!disabled}
                      disabled={disabled}
                      onDragStart={(event) => onDragStart(event, entry.type)}
                      onClick={() => onAdd(entry.type)}
                      title={
                        disabled
                          ? 'This graph already has a trigger (a graph has exactly one).'
                          : entry.description
                      }
                      aria-description={
                        disabled ? 'Unavailable: the graph already has a trigger.' : undefined
                      }
                    >
                      <span
                        className="gf-editor-palette-icon"
                        data-accent={entry.group.toLowerCase()}
                      >
                        <NodeIcon name={entry.ui.icon} />
                      </span>
                      <span className="gf-editor-palette-text">
                        <span className="gf-editor-palette-title">{entry.title}</span>
                        <span className="gf-editor-palette-type">{entry.type}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
