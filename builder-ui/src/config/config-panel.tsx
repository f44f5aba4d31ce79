// Stub of the config panel (brief C builds the real one at this path; the merge takes C's file).
// Same props as the contract in builder-common.md: a JSON textarea for the node's config.
import type { GraphDocument, ValidationIssue } from '@guildflow/engine/core';
import { useEffect, useId, useRef, useState, type JSX } from 'react';

export interface ConfigPanelProps {
  guildId: string;
  document: GraphDocument;
  nodeId: string;
  issues: readonly ValidationIssue[];
  focusPath?: string | undefined;
  onChange(config: Record<string, unknown>): void;
}

export function ConfigPanel({
  document,
  nodeId,
  issues,
  focusPath,
  onChange,
}: ConfigPanelProps): JSX.Element {
  const node = document.nodes.find((n) => n.id === nodeId);
  const saved = JSON.stringify(node?.config ?? {}, null, 2);
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(saved);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  if (saved !== shown) {
    // The document changed from elsewhere (undo, paste): show it.
    setShown(saved);
    setText(saved);
    setError(null);
  }
  useEffect(() => {
    if (focusPath !== undefined) ref.current?.focus();
  }, [focusPath]);
  return (
    <div className="gf-config-stub">
      <label htmlFor={id}>Config (JSON)</label>
      <textarea
        id={id}
        ref={ref}
        rows={10}
        spellCheck={false}
        value={text}
        aria-invalid={error !== null || issues.length > 0}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const value: unknown = JSON.parse(event.target.value);
            if (typeof value !== 'object' || value === null || Array.isArray(value))
              throw new Error('The config is a JSON object.');
            setError(null);
            setShown(JSON.stringify(value, null, 2));
            onChange(value as Record<string, unknown>);
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure));
          }
        }}
      />
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
