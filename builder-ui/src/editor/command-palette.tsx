import { Command } from 'cmdk';
import { Modal } from './modal.js';
import { NodeIcon } from './node-icon.js';
import type { PaletteEntry } from './palette-items.js';
import { SHORTCUTS, keyLabel, type CommandId } from './shortcuts.js';

export interface CommandPaletteProps {
  entries: readonly PaletteEntry[];
  triggerTaken: boolean;
  onCommand(id: CommandId): void;
  onAddNode(type: string): void;
  onClose(): void;
}

const HIDDEN: ReadonlySet<CommandId> = new Set(['commandPalette', 'addNode']);

/** Every word must appear; words at the start or inside the label count more than keywords. */
export function commandScore(
  value: string,
  search: string,
  keywords: readonly string[] = [],
): number {
  const label = value.toLowerCase();
  const extra = keywords.join(' ').toLowerCase();
  let score = 0;
  for (const word of search.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (label.startsWith(word)) score += 8;
    else if (label.includes(word)) score += 6;
    else if (extra.includes(word)) score += 2;
    else return 0;
  }
  // The search as one phrase of the label beats the same words scattered.
  return label.includes(search.trim().toLowerCase()) ? score + 10 : score;
}

/** Ctrl+K: every editor command and every node type, searchable (cmdk). */
export function CommandPalette({
  entries,
  triggerTaken,
  onCommand,
  onAddNode,
  onClose,
}: CommandPaletteProps) {
  const run = (action: () => void) => {
    onClose();
    action();
  };
  return (
    <Modal label="Command palette" onClose={onClose} className="gf-editor-command">
      <Command label="Command palette" loop filter={commandScore}>
        <Command.Input
          data-autofocus
          autoFocus
          placeholder="Type a command or a node…"
          aria-label="Search commands and nodes"
        />
        <Command.List>
          <Command.Empty>Nothing matches.</Command.Empty>
          <Command.Group heading="Editor">
            {SHORTCUTS.filter((s) => !HIDDEN.has(s.id)).map((shortcut) => (
              <Command.Item
                key={shortcut.id}
                value={shortcut.label}
                onSelect={() => run(() => onCommand(shortcut.id))}
              >
                <span>{shortcut.label}</span>
                {shortcut.keys[0] && <kbd>{keyLabel(shortcut.keys[0])}</kbd>}
              </Command.Item>
            ))}
          </Command.Group>
          <Command.Group heading="Add node">
            {entries
              .filter((entry) => !(triggerTaken && entry.kind === 'trigger'))
              .map((entry) => (
                <Command.Item
                  key={entry.type}
                  value={`Add ${entry.title}`}
                  keywords={[entry.type, entry.group, 'node']}
                  onSelect={() => run(() => onAddNode(entry.type))}
                >
                  <NodeIcon name={entry.ui.icon} />
                  <span>{entry.title}</span>
                  <span className="gf-editor-muted">{entry.type}</span>
                </Command.Item>
              ))}
          </Command.Group>
        </Command.List>
      </Command>
    </Modal>
  );
}
