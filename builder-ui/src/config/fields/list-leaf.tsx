import { isTemplate } from '@guildflow/engine/core';
import { IssueList } from '../templates.js';
import { issueConfigPath } from '../issue-paths.js';
import { EntityCombobox } from './entity-picker.js';
import { ExprCapable } from './expression-leaf.js';
import type { LeafProps } from './leaf.js';
import { numberFromText, textOf } from './values.js';

const ENTITY_ITEMS = new Set(['channel', 'category', 'role', 'member']);

/**
 * A list of simple values (milestones, role ids, event names): one row per element with the
 * element's own input (a role picker for role ids), add and remove; the permission names of
 * an enum list as check boxes. Lists that take an expression can be one (`{{ nodes.x.ids }}`).
 *
 * @example
 * <ListLeaf {...leaf} />
 */
export function ListLeaf(leaf: LeafProps) {
  const items =
    (leaf.schema as { items?: { type?: unknown; enum?: unknown[]; maxItems?: number } }).items ??
    {};
  const max = (leaf.schema as { maxItems?: number }).maxItems;
  if (Array.isArray(items.enum)) return <EnumChecks leaf={leaf} values={items.enum.map(String)} />;
  const list = Array.isArray(leaf.value) ? (leaf.value as unknown[]) : [];
  const numeric = items.type === 'integer' || items.type === 'number';
  const entity =
    leaf.options.items && ENTITY_ITEMS.has(leaf.options.items) ? leaf.options.items : undefined;
  const set = (next: unknown[]) => leaf.onChange(next.length === 0 ? undefined : next);
  const setAt = (i: number, value: unknown) => set(list.map((v, j) => (j === i ? value : v)));
  const noun = leaf.label.toLowerCase().replace(/s$/, '');
  const inner = leaf.issues.filter((i) => issueConfigPath(i) !== leaf.path);
  return (
    <ExprCapable leaf={leaf}>
      <div
        className="gf-config-list"
        id={leaf.ids.input}
        tabIndex={-1}
        aria-describedby={leaf.describedBy}
      >
        {list.length === 0 ? <p className="gf-config-empty">None yet.</p> : null}
        <ol>
          {list.map((item, i) => {
            const id = `${leaf.ids.input}-${i}`;
            const itemLabel = `${leaf.label} ${i + 1}`;
            return (
              <li key={i} className="gf-config-list-row" data-config-path={`${leaf.path}[${i}]`}>
                {entity ? (
                  <EntityCombobox
                    kind={entity as 'role'}
                    id={id}
                    label={itemLabel}
                    unlabelled
                    value={textOf(item)}
                    onChange={(v) => setAt(i, v ?? '')}
                  />
                ) : (
                  <input
                    id={id}
                    className="gf-config-input"
                    aria-label={itemLabel}
                    value={textOf(item)}
                    inputMode={numeric ? 'numeric' : undefined}
                    onChange={(e) =>
                      setAt(i, numeric ? (numberFromText(e.target.value) ?? '') : e.target.value)
                    }
                  />
                )}
                <button
                  type="button"
                  className="gf-config-icon"
                  aria-label={`Remove ${itemLabel}`}
                  onClick={() => set(list.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="gf-config-button"
          disabled={max !== undefined && list.length >= max}
          onClick={() => set([...list, numeric ? '' : ''])}
        >
          Add {noun}
        </button>
        {isTemplate(leaf.value) ? null : (
          <IssueList issues={inner} prefix={(issue) => itemName(leaf, issueConfigPath(issue))} />
        )}
      </div>
    </ExprCapable>
  );
}

function itemName(leaf: LeafProps, path: string | undefined): string | undefined {
  const index = path ? /^\[(\d+)\]/.exec(path.slice(leaf.path.length))?.[1] : undefined;
  return index === undefined ? undefined : `${leaf.label} ${Number(index) + 1}`;
}

function EnumChecks({ leaf, values }: { leaf: LeafProps; values: string[] }) {
  const chosen = new Set(Array.isArray(leaf.value) ? (leaf.value as unknown[]).map(String) : []);
  const toggle = (value: string) => {
    const next = values.filter((v) => (v === value ? !chosen.has(v) : chosen.has(v)));
    leaf.onChange(next.length === 0 ? undefined : next);
  };
  return (
    <div
      className="gf-config-checks"
      id={leaf.ids.input}
      tabIndex={-1}
      role="group"
      aria-labelledby={leaf.ids.label}
    >
      {values.map((value) => {
        const id = `${leaf.ids.input}-${value}`;
        return (
          <span key={value} className="gf-config-check">
            <input
              type="checkbox"
              id={id}
              checked={chosen.has(value)}
              onChange={() => toggle(value)}
            />
            <label htmlFor={id}>{value}</label>
          </span>
        );
      })}
    </div>
  );
}
