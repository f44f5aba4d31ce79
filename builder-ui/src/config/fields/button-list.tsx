import { DISCORD_LIMITS } from '@guildflow/engine/core';
import { issueConfigPath } from '../issue-paths.js';
import { IssueList } from '../templates.js';
import type { LeafProps } from './leaf.js';
import { ExpressionPart, Part, move, setIn } from './parts.js';
import { textOf } from './values.js';

type Button = Record<string, unknown>;
const STYLES = ['primary', 'secondary', 'success', 'danger', 'link'] as const;

/**
 * Buttons of a message: label, style, custom id (or the URL of a link button), emoji, row and
 * disabled; add, reorder, remove. Counts against Discord's limits (25 buttons, 5 rows of 5,
 * custom ids of 100 characters) as they are approached.
 *
 * @example
 * <ButtonListLeaf {...leaf} />
 */
export function ButtonListLeaf(leaf: LeafProps) {
  const buttons = Array.isArray(leaf.value) ? (leaf.value as Button[]) : [];
  const set = (next: unknown[]) => leaf.onChange(next.length === 0 ? undefined : next);
  const setAt = (i: number, key: string, value: unknown) =>
    set(setIn(buttons, [i, key], value) as unknown[]);
  const rows = new Set(
    buttons.map((b, i) =>
      typeof b.row === 'number' ? b.row : Math.floor(i / DISCORD_LIMITS.buttonsPerRow),
    ),
  );
  const full = buttons.length >= DISCORD_LIMITS.buttons;
  const placed = new Set<string>();
  for (const [i, b] of buttons.entries())
    for (const key of ['label', 'style', 'customId', 'url', 'emoji', 'row', 'disabled'])
      if (key in b || key === 'label' || key === 'customId' || key === 'url')
        placed.add(`${leaf.path}[${i}].${key}`);
  const elsewhere = leaf.issues.filter(
    (i) => issueConfigPath(i) !== leaf.path && !placed.has(issueConfigPath(i) ?? ''),
  );
  return (
    <div
      className="gf-config-buttons"
      id={leaf.ids.input}
      tabIndex={-1}
      aria-describedby={leaf.describedBy}
    >
      <p className={`gf-config-counter${full ? ' gf-config-counter--near' : ''}`}>
        {buttons.length} / {DISCORD_LIMITS.buttons} buttons · {rows.size} / {DISCORD_LIMITS.rows}{' '}
        rows
      </p>
      {buttons.length === 0 ? <p className="gf-config-empty">No buttons.</p> : null}
      <ol className="gf-config-cards">
        {buttons.map((button, i) => {
          const base = `${leaf.ids.input}-${i}`;
          const path = `${leaf.path}[${i}]`;
          const link = button.style === 'link';
          const name = `Button ${i + 1}`;
          return (
            <li key={i} className="gf-config-card" data-config-path={path}>
              <div className="gf-config-item-head">
                <span className="gf-config-item-title">
                  {name}
                  {typeof button.label === 'string' && button.label !== ''
                    ? ` — ${button.label}`
                    : ''}
                </span>
                <span className="gf-config-item-tools">
                  <button
                    type="button"
                    className="gf-config-icon"
                    aria-label={`Move ${name} up`}
                    disabled={i === 0}
                    onClick={() => set(move(buttons, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="gf-config-icon"
                    aria-label={`Move ${name} down`}
                    disabled={i === buttons.length - 1}
                    onClick={() => set(move(buttons, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="gf-config-icon"
                    aria-label={`Remove ${name}`}
                    onClick={() => set(buttons.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </span>
              </div>
              <div className="gf-config-button-grid">
                <ExpressionPart
                  id={`${base}-label`}
                  label="Label"
                  path={`${path}.label`}
                  value={button.label}
                  issues={leaf.issues}
                  max={DISCORD_LIMITS.buttonLabel}
                  onChange={(v) => setAt(i, 'label', v)}
                />
                <Part
                  id={`${base}-style`}
                  label="Style"
                  path={`${path}.style`}
                  issues={leaf.issues}
                >
                  <select
                    id={`${base}-style`}
                    className="gf-config-input"
                    value={textOf(button.style)}
                    onChange={(e) => {
                      const style = e.target.value === '' ? undefined : e.target.value;
                      // A link button opens its URL and has no custom id, and the other way round.
                      let next = setIn(button, ['style'], style) as Button;
                      if (style === 'link' && next.customId !== undefined && next.url === undefined)
                        next = setIn(
                          setIn(next, ['customId'], undefined),
                          ['url'],
                          'https://',
                        ) as Button;
                      else if (
                        style !== 'link' &&
                        next.url !== undefined &&
                        next.customId === undefined
                      )
                        next = {
                          ...(setIn(next, ['url'], undefined) as Button),
                          customId: newButton(buttons).customId,
                        };
                      set(buttons.map((b, j) => (j === i ? next : b)));
                    }}
                  >
                    <option value="">primary (default)</option>
                    {STYLES.slice(1).map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                    {button.style === 'primary' ? <option value="primary">primary</option> : null}
                  </select>
                </Part>
                {link ? (
                  <ExpressionPart
                    id={`${base}-url`}
                    label="URL"
                    path={`${path}.url`}
                    value={button.url}
                    issues={leaf.issues}
                    placeholder="https://example.com"
                    onChange={(v) => setAt(i, 'url', v)}
                  />
                ) : (
                  <ExpressionPart
                    id={`${base}-customId`}
                    label="Custom ID"
                    path={`${path}.customId`}
                    value={button.customId}
                    issues={leaf.issues}
                    max={DISCORD_LIMITS.customId}
                    placeholder="giveaway:{{ run.id }}"
                    onChange={(v) => setAt(i, 'customId', v)}
                  />
                )}
                <Part id={`${base}-row`} label="Row" path={`${path}.row`} issues={leaf.issues}>
                  <select
                    id={`${base}-row`}
                    className="gf-config-input"
                    value={typeof button.row === 'number' ? String(button.row) : ''}
                    onChange={(e) =>
                      setAt(i, 'row', e.target.value === '' ? undefined : Number(e.target.value))
                    }
                  >
                    <option value="">Auto</option>
                    {[0, 1, 2, 3, 4].map((r) => (
                      <option key={r} value={r}>
                        Row {r + 1}
                      </option>
                    ))}
                  </select>
                </Part>
                <Part
                  id={`${base}-emoji`}
                  label="Emoji"
                  path={`${path}.emoji`}
                  issues={leaf.issues}
                >
                  <input
                    id={`${base}-emoji`}
                    className="gf-config-input"
                    value={textOf(button.emoji)}
                    placeholder="🎉"
                    onChange={(e) =>
                      setAt(i, 'emoji', e.target.value === '' ? undefined : e.target.value)
                    }
                  />
                </Part>
                <div className="gf-config-toggle">
                  <input
                    type="checkbox"
                    id={`${base}-disabled`}
                    checked={button.disabled === true}
                    onChange={(e) => setAt(i, 'disabled', e.target.checked ? true : undefined)}
                  />
                  <label htmlFor={`${base}-disabled`}>Disabled</label>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="gf-config-button"
        disabled={full}
        onClick={() => set([...buttons, newButton(buttons)])}
      >
        Add button
      </button>
      <IssueList
        issues={elsewhere}
        prefix={(issue) => partName(leaf.path, issueConfigPath(issue))}
      />
    </div>
  );
}

function partName(base: string, path: string | undefined): string | undefined {
  const match = path ? /^\[(\d+)\](?:\.(\w+))?/.exec(path.slice(base.length)) : null;
  if (!match) return undefined;
  return `Button ${Number(match[1]) + 1}${match[2] ? `, ${match[2]}` : ''}`;
}

/** A new button that is valid as it is: a label and a custom id no other button has. */
function newButton(buttons: readonly Button[]): Button {
  const ids = new Set(buttons.map((b) => b.customId));
  let n = buttons.length + 1;
  while (ids.has(`button-${n}`)) n++;
  return { label: `Button ${n}`, customId: `button-${n}` };
}
