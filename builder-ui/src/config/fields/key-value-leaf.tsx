import { useState } from 'react';
import { ExpressionField } from '../../expressions/expression-field.js';
import { useConfigContext } from '../form-context.js';
import { issueConfigPath } from '../issue-paths.js';
import { IssueList } from '../templates.js';
import type { LeafProps } from './leaf.js';
import { anyFromText, textOf } from './values.js';

interface Row {
  key: string;
  value: unknown;
}

const rowsOf = (value: unknown): Row[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: v }))
    : [];

/**
 * Names and values (HTTP headers, metadata, `flow.setVariables`): one row per entry; values
 * are expressions where the engine renders them. Rows keep what was typed, even an empty or
 * repeated name (which the field points out); the config gets each named entry.
 *
 * @example
 * <KeyValueLeaf {...leaf} />
 */
export function KeyValueLeaf(leaf: LeafProps) {
  const { scope } = useConfigContext();
  const [state, setState] = useState(() => ({ rows: rowsOf(leaf.value), value: leaf.value }));
  let rows = state.rows;
  if (JSON.stringify(leaf.value) !== JSON.stringify(state.value)) {
    // Changed outside (undo, another tab): show the config's entries.
    rows = rowsOf(leaf.value);
    setState({ rows, value: leaf.value });
  }
  const update = (next: Row[]) => {
    const object: Record<string, unknown> = {};
    for (const row of next)
      if (row.key !== '' && row.value !== undefined) object[row.key] = row.value;
    const value = next.length === 0 ? undefined : object;
    setState({ rows: next, value });
    leaf.onChange(value);
  };
  const setRow = (i: number, row: Row) => update(rows.map((r, j) => (j === i ? row : r)));
  const seen = new Map<string, number>();
  for (const row of rows) seen.set(row.key, (seen.get(row.key) ?? 0) + 1);
  const template = leaf.options.mode === 'template';
  const inner = leaf.issues.filter((i) => issueConfigPath(i) !== leaf.path);
  return (
    <div
      className="gf-config-kv"
      id={leaf.ids.input}
      tabIndex={-1}
      aria-describedby={leaf.describedBy}
    >
      {rows.length === 0 ? <p className="gf-config-empty">None yet.</p> : null}
      {rows.map((row, i) => {
        const keyId = `${leaf.ids.input}-${i}-key`;
        const valueId = `${leaf.ids.input}-${i}-value`;
        const problem =
          row.key === ''
            ? 'Give it a name.'
            : (seen.get(row.key) ?? 0) > 1
              ? 'This name is used twice; the last one wins.'
              : undefined;
        return (
          <div
            key={i}
            className="gf-config-kv-row"
            data-config-path={row.key ? `${leaf.path}.${row.key}` : undefined}
          >
            <input
              id={keyId}
              className="gf-config-input"
              aria-label={`${leaf.label}: name ${i + 1}`}
              value={row.key}
              placeholder="name"
              onChange={(e) => setRow(i, { ...row, key: e.target.value })}
            />
            {template ? (
              <ExpressionField
                id={valueId}
                mode="template"
                value={textOf(row.value)}
                scope={scope}
                label={`${leaf.label}: value of ${row.key || `entry ${i + 1}`}`}
                onChange={(text) =>
                  setRow(i, {
                    ...row,
                    value: leaf.options.anyValue ? (anyFromText(text) ?? '') : text,
                  })
                }
              />
            ) : (
              <input
                id={valueId}
                className="gf-config-input"
                aria-label={`${leaf.label}: value of ${row.key || `entry ${i + 1}`}`}
                value={textOf(row.value)}
                placeholder="value"
                onChange={(e) => setRow(i, { ...row, value: e.target.value })}
              />
            )}
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Remove ${row.key || `entry ${i + 1}`}`}
              onClick={() => update(rows.filter((_, j) => j !== i))}
            >
              ✕
            </button>
            {problem ? (
              <p className="gf-config-feedback gf-config-feedback--warn">{problem}</p>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="gf-config-button"
        onClick={() => update([...rows, { key: '', value: '' }])}
      >
        Add {leaf.options.anyValue ? 'variable' : 'entry'}
      </button>
      <IssueList
        issues={inner}
        prefix={(issue) => issueConfigPath(issue)?.slice(leaf.path.length + 1)}
      />
    </div>
  );
}
