import {
  ClipboardCopy,
  Download,
  History,
  Keyboard,
  LayoutGrid,
  Maximize,
  MessagesSquare,
  Play,
  Redo2,
  Search,
  Undo2,
} from 'lucide-react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { guildsQuery } from '../api/queries.js';
import { useEditor } from './editor-context.js';
import { PublishControls } from './publishing/publish-controls.js';
import { SaveStatusIndicator } from './saving/save-status.js';
import { keyLabel, type CommandId } from './shortcuts.js';

/**
 * The bar above the canvas: back to the list, the graph's name, its save state, the editing
 * commands, history and export, and publishing.
 */
export function EditorToolbar({
  backTo,
  onCommand,
}: {
  backTo?: string | undefined;
  onCommand(id: CommandId): void;
}) {
  const name = useEditor((s) => s.doc.name);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const nodeCount = useEditor((s) => s.doc.nodes.length);
  const guildId = useEditor((s) => s.guildId);
  // From what the header loaded (never fetched here): is this a sandbox server?
  const guilds = useQuery({ ...guildsQuery, enabled: false });
  const sandbox = guilds.data?.guilds.some((g) => g.id === guildId && g.sandbox) ?? false;
  return (
    <header className="gf-editor-toolbar">
      {backTo && (
        <Link to={backTo} className="gf-editor-back">
          ← Graphs
        </Link>
      )}
      <h1 className="gf-editor-title">{name || 'Untitled graph'}</h1>
      <SaveStatusIndicator />
      <div className="gf-editor-tools" role="toolbar" aria-label="Editor commands">
        <ToolButton
          label="Undo"
          combo="Mod+Z"
          disabled={!canUndo}
          onClick={() => onCommand('undo')}
        >
          <Undo2 size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton
          label="Redo"
          combo="Mod+Shift+Z"
          disabled={!canRedo}
          onClick={() => onCommand('redo')}
        >
          <Redo2 size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton
          label="Tidy up"
          combo="Shift+L"
          disabled={nodeCount === 0}
          onClick={() => onCommand('layout')}
        >
          <LayoutGrid size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Fit view" combo="Shift+1" onClick={() => onCommand('fitView')}>
          <Maximize size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Commands" combo="Mod+K" onClick={() => onCommand('commandPalette')}>
          <Search size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Keyboard shortcuts" combo="?" onClick={() => onCommand('shortcuts')}>
          <Keyboard size={16} aria-hidden="true" />
        </ToolButton>
        <span className="gf-editor-tools-gap" aria-hidden="true" />
        <ToolButton
          label="Test run in the sandbox"
          combo="Mod+Enter"
          onClick={() => onCommand('testRun')}
        >
          <Play size={16} aria-hidden="true" />
        </ToolButton>
        {sandbox ? (
          <ToolButton label="Sandbox transcript" onClick={() => onCommand('transcript')}>
            <MessagesSquare size={16} aria-hidden="true" />
          </ToolButton>
        ) : null}
        <ToolButton label="Version history" onClick={() => onCommand('history')}>
          <History size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Download as JSON" onClick={() => onCommand('download')}>
          <Download size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label="Copy as JSON" onClick={() => onCommand('copyJson')}>
          <ClipboardCopy size={16} aria-hidden="true" />
        </ToolButton>
      </div>
      <PublishControls />
    </header>
  );
}

function ToolButton(props: {
  label: string;
  combo?: string;
  disabled?: boolean;
  onClick(): void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="gf-editor-tool"
      aria-label={props.label}
      title={props.combo ? `${props.label} (${keyLabel(props.combo)})` : props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
