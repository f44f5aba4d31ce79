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
      <Command label="Command palette" loop>
        <Command.Input
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
                <kbd>{keyLabel(shortcut.keys[0] ?? '')}</kbd>
              </Command.Item>
            ))}
          </Command.Group>
          <Command.Group heading="Add node">
            {entries.map((entry) => (
              <Command.Item
                key={entry.type}
                value={entry.title}
                keywords={['add', entry.type, entry.group]}
                disabled={triggerTaken && entry.kind === 'trigger'}
                onSelect={() => run(() => onAddNode(entry.type))}
              >
                <NodeIcon name={entry.ui.icon} />
                <span>Add {entry.title}</span>
                <span className="gf-editor-muted">{entry.type}</span>
              </Command.Item>
            ))}
          </Command.Group>
        </Command.List>
      </Command>
    </Modal>
  );
}
