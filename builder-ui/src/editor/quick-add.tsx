import { useEffect, useRef } from 'react';
import type { QuickAddRequest } from './canvas.js';
import { Palette } from './palette.js';
import type { PaletteEntry } from './palette-items.js';

const WIDTH = 300;
const HEIGHT = 380;

/**
 * The node picker opened where a connection was dropped on empty canvas: the chosen node is
 * added there, already connected. Escape or a click elsewhere closes it.
 */
export function QuickAdd({
  request,
  entries,
  onAdd,
  onClose,
}: {
  request: QuickAddRequest;
  entries: readonly PaletteEntry[];
  onAdd(type: string): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);
  const left = Math.max(8, Math.min(request.screen.x, window.innerWidth - WIDTH - 8));
  const top = Math.max(8, Math.min(request.screen.y, window.innerHeight - HEIGHT - 8));
  return (
    <div
      ref={ref}
      className="gf-editor-quick-add"
      role="dialog"
      aria-label="Add a connected node"
      style={{ left, top, width: WIDTH, maxHeight: HEIGHT }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <Palette
        entries={entries}
        onAdd={onAdd}
        withoutTriggers
        autoFocus
        label="Next node"
        hint={
          request.pending.handleType === 'source'
            ? `Connects from ${request.pending.nodeId}${request.pending.handleId ? ` (${request.pending.handleId})` : ''}.`
            : `Connects into ${request.pending.nodeId}.`
        }
      />
    </div>
  );
}
