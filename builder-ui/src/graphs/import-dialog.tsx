import { validateGraph, type ValidationIssue } from '@guildflow/engine/core';
import { useMemo, useState, type ChangeEvent } from 'react';
import { useCreateGraph, type ApiGraphDocument, type GraphResource } from '../api/queries.js';
import { Button, Dialog, errorMessage } from '../ui/index.js';
// Before any validation in this chunk: the core's validators generated at build time (the
// service's CSP forbids compiling them in the browser).
import '../app/precompiled-validators.js';

/** Graph documents are small; anything bigger than the API takes is refused before reading. */
const MAX_BYTES = 1_000_000;

type Checked =
  | { kind: 'empty' }
  | { kind: 'not-json'; message: string }
  | { kind: 'checked'; doc: unknown; issues: ValidationIssue[]; blocking: boolean };

/**
 * Checks pasted or loaded JSON with the engine's own validation, in the browser: shape problems
 * block the import (the API would refuse them); other problems are listed and saved with the
 * draft, to fix in the editor.
 *
 * @example
 * checkDocument('{"schemaVersion":1,…}'); // { kind: 'checked', issues: [], blocking: false }
 */
export function checkDocument(text: string): Checked {
  if (!text.trim()) return { kind: 'empty' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { kind: 'not-json', message: error instanceof Error ? error.message : String(error) };
  }
  const issues = validateGraph(doc);
  return {
    kind: 'checked',
    doc,
    issues,
    blocking: issues.some((i) => i.code === 'invalid_document'),
  };
}

/** Import a graph document from a JSON file or pasted text, its problems shown before saving. */
export function ImportDialog(props: {
  guildId: string;
  onClose(): void;
  onCreated(graph: GraphResource): void;
}) {
  const create = useCreateGraph(props.guildId);
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const checked = useMemo(() => checkDocument(text), [text]);

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(
        `${file.name} is larger than 1 MB: a graph document is much smaller. Pick another file.`,
      );
      return;
    }
    setText(await file.text());
  };

  const canSave = checked.kind === 'checked' && !checked.blocking;
  const save = () => {
    if (checked.kind !== 'checked' || checked.blocking) return;
    create.mutate(checked.doc as ApiGraphDocument, { onSuccess: props.onCreated });
  };

  return (
    <Dialog
      title="Import a graph"
      description="From a graph document (JSON), e.g. one exported from another server."
      size="wide"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button variant="primary" disabled={!canSave} busy={create.isPending} onClick={save}>
            {checked.kind === 'checked' && checked.issues.length > 0
              ? 'Import with these problems'
              : 'Import'}
          </Button>
        </>
      }
    >
      <div className="gf-field">
        <label htmlFor="gf-import-file">JSON file</label>
        <input
          id="gf-import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void load(e)}
        />
        {fileProblem ? (
          <p className="gf-field-error" role="alert">
            {fileProblem}
          </p>
        ) : null}
      </div>
      <div className="gf-field">
        <label htmlFor="gf-import-text">Or paste the document</label>
        <textarea
          id="gf-import-text"
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder='{ "schemaVersion": 1, "name": "…", "nodes": […], "edges": […], "vars": {} }'
        />
      </div>
      <ImportCheck checked={checked} />
      {create.isError ? (
        <p className="gf-field-error" role="alert">
          Not imported: {errorMessage(create.error)}
        </p>
      ) : null}
    </Dialog>
  );
}

function ImportCheck({ checked }: { checked: Checked }) {
  if (checked.kind === 'empty') return null;
  if (checked.kind === 'not-json')
    return (
      <p className="gf-import-result gf-import-blocking" role="status">
        This is not JSON ({checked.message}). Paste the whole document.
      </p>
    );
  if (checked.issues.length === 0)
    return (
      <p className="gf-import-result gf-import-ok" role="status">
        The document is valid.
      </p>
    );
  return (
    <div
      className={`gf-import-result ${checked.blocking ? 'gf-import-blocking' : 'gf-import-warn'}`}
      role="status"
    >
      <p>
        {checked.blocking
          ? 'This is not a graph document Guildflow can read; fix these problems first:'
          : `${checked.issues.length} problem${checked.issues.length === 1 ? '' : 's'} to fix in the editor (the graph can be saved, not published):`}
      </p>
      <ul aria-label="Problems in the document">
        {checked.issues.slice(0, 50).map((issue, index) => (
          <li key={index}>
            <code>
              {[issue.nodeId ?? issue.edgeId, issue.path].filter(Boolean).join(' · ') || 'document'}
            </code>{' '}
            {issue.message}
          </li>
        ))}
      </ul>
      {checked.issues.length > 50 ? <p>…and {checked.issues.length - 50} more.</p> : null}
    </div>
  );
}
