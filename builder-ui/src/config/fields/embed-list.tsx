import { DISCORD_LIMITS } from '@guildflow/engine/core';
import { formatPath, issueConfigPath } from '../issue-paths.js';
import { IssueList } from '../templates.js';
import type { LeafProps } from './leaf.js';
import { Counter, ExpressionPart, Part, move, setIn } from './parts.js';
import { textOf } from './values.js';

type Embed = Record<string, unknown>;
type EmbedField = { name?: unknown; value?: unknown; inline?: unknown };

/** The text of an embed Discord counts against its 6,000 characters. */
export function embedText(embed: Embed): string {
  const author = (embed.author ?? {}) as { name?: unknown };
  const footer = (embed.footer ?? {}) as { text?: unknown };
  const fields = Array.isArray(embed.fields) ? (embed.fields as EmbedField[]) : [];
  return [
    embed.title,
    embed.description,
    author.name,
    footer.text,
    ...fields.flatMap((f) => [f.name, f.value]),
  ]
    .map(textOf)
    .join('');
}

/**
 * Embeds of a message: title, description, link, colour, author, fields, images, footer and
 * time; add (up to 10), reorder, remove. Each text counts against its limit and the embed's
 * 6,000-character total.
 *
 * @example
 * <EmbedListLeaf {...leaf} />
 */
export function EmbedListLeaf(leaf: LeafProps) {
  const embeds = Array.isArray(leaf.value) ? (leaf.value as Embed[]) : [];
  const set = (next: unknown[]) => leaf.onChange(next.length === 0 ? undefined : next);
  const setPath = (path: (string | number)[], value: unknown) =>
    set(setIn(embeds, path, value) as unknown[]);
  const shownParts = new Set<string>();
  const part = (path: string) => {
    shownParts.add(path);
    return path;
  };
  const cards = embeds.map((embed, i) => {
    const base = `${leaf.ids.input}-${i}`;
    const path = `${leaf.path}[${i}]`;
    const name = `Embed ${i + 1}`;
    const fields = Array.isArray(embed.fields) ? (embed.fields as EmbedField[]) : [];
    const expr = (
      key: (string | number)[],
      label: string,
      max?: number,
      multiline?: boolean,
      placeholder?: string,
    ) => (
      <ExpressionPart
        id={`${base}-${key.join('-')}`}
        label={label}
        path={part(`${path}${formatPath(key).replace(/^(?!\[)/, '.')}`)}
        value={key.reduce<unknown>(
          (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
          embed,
        )}
        issues={leaf.issues}
        {...(max === undefined ? {} : { max })}
        {...(multiline ? { multiline } : {})}
        {...(placeholder ? { placeholder } : {})}
        onChange={(v) => setPath([i, ...key], v)}
      />
    );
    return (
      <li key={i} className="gf-config-card" data-config-path={path}>
        <div className="gf-config-item-head">
          <span className="gf-config-item-title">
            {name}
            {typeof embed.title === 'string' && embed.title !== '' ? ` — ${embed.title}` : ''}
          </span>
          <Counter text={embedText(embed)} max={DISCORD_LIMITS.embedTotal} />
          <span className="gf-config-item-tools">
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Move ${name} up`}
              disabled={i === 0}
              onClick={() => set(move(embeds, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Move ${name} down`}
              disabled={i === embeds.length - 1}
              onClick={() => set(move(embeds, i, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Remove ${name}`}
              onClick={() => set(embeds.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </span>
        </div>
        {expr(['title'], 'Title', DISCORD_LIMITS.embedTitle)}
        {expr(['description'], 'Description', DISCORD_LIMITS.embedDescription, true)}
        <div className="gf-config-part-row">
          {expr(['url'], 'Title link', undefined, false, 'https://…')}
          <Part
            id={`${base}-color`}
            label="Colour"
            path={part(`${path}.color`)}
            issues={leaf.issues}
          >
            <div className="gf-config-color">
              <input
                type="color"
                aria-label={`${name}: colour picker`}
                value={colorHex(embed.color)}
                onChange={(e) => setPath([i, 'color'], e.target.value.toUpperCase())}
              />
              <input
                id={`${base}-color`}
                className="gf-config-input"
                value={textOf(embed.color)}
                placeholder="#5865F2"
                onChange={(e) =>
                  setPath([i, 'color'], e.target.value === '' ? undefined : e.target.value)
                }
              />
            </div>
          </Part>
        </div>
        {expr(['author', 'name'], 'Author', DISCORD_LIMITS.embedAuthor)}
        <fieldset className="gf-config-group">
          <legend className="gf-config-label">
            Fields ({fields.length} / {DISCORD_LIMITS.embedFields})
          </legend>
          <ol>
            {fields.map((_, f) => (
              <li key={f} className="gf-config-subcard" data-config-path={`${path}.fields[${f}]`}>
                {expr(['fields', f, 'name'], `Field ${f + 1} name`, DISCORD_LIMITS.embedFieldName)}
                {expr(
                  ['fields', f, 'value'],
                  `Field ${f + 1} value`,
                  DISCORD_LIMITS.embedFieldValue,
                  true,
                )}
                <div className="gf-config-part-tools">
                  <div className="gf-config-toggle">
                    <input
                      type="checkbox"
                      id={`${base}-field-${f}-inline`}
                      checked={fields[f]?.inline === true}
                      onChange={(e) =>
                        setPath([i, 'fields', f, 'inline'], e.target.checked ? true : undefined)
                      }
                    />
                    <label htmlFor={`${base}-field-${f}-inline`}>Inline</label>
                  </div>
                  <button
                    type="button"
                    className="gf-config-icon"
                    aria-label={`Remove field ${f + 1} of ${name}`}
                    onClick={() =>
                      setPath(
                        [i, 'fields'],
                        fields.length === 1 ? undefined : fields.filter((__, g) => g !== f),
                      )
                    }
                  >
                    ✕
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="gf-config-button"
            disabled={fields.length >= DISCORD_LIMITS.embedFields}
            onClick={() =>
              setPath(
                [i, 'fields'],
                [...fields, { name: `Field ${fields.length + 1}`, value: 'Value' }],
              )
            }
          >
            Add field
          </button>
        </fieldset>
        <div className="gf-config-part-row">
          {expr(['imageUrl'], 'Image URL', undefined, false, 'https://…/image.png')}
          {expr(['thumbnailUrl'], 'Thumbnail URL', undefined, false, 'https://…/thumb.png')}
        </div>
        {expr(['footer', 'text'], 'Footer', DISCORD_LIMITS.embedFooter)}
        {expr(['timestamp'], 'Time', undefined, false, '{{ now }}')}
      </li>
    );
  });
  const elsewhere = leaf.issues.filter(
    (i) => issueConfigPath(i) !== leaf.path && !shownParts.has(issueConfigPath(i) ?? ''),
  );
  return (
    <div
      className="gf-config-embeds"
      id={leaf.ids.input}
      tabIndex={-1}
      aria-describedby={leaf.describedBy}
    >
      {embeds.length === 0 ? <p className="gf-config-empty">No embeds.</p> : null}
      <ol className="gf-config-cards">{cards}</ol>
      <button
        type="button"
        className="gf-config-button"
        disabled={embeds.length >= DISCORD_LIMITS.embeds}
        onClick={() => set([...embeds, { title: 'New embed' }])}
      >
        Add embed ({embeds.length} / {DISCORD_LIMITS.embeds})
      </button>
      <IssueList
        issues={elsewhere}
        prefix={(issue) => embedPart(leaf.path, issueConfigPath(issue))}
      />
    </div>
  );
}

function colorHex(color: unknown): string {
  if (typeof color === 'number') return `#${color.toString(16).padStart(6, '0')}`;
  return typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)
    ? color.toLowerCase()
    : '#5865f2';
}

function embedPart(base: string, path: string | undefined): string | undefined {
  const match = path ? /^\[(\d+)\](?:\.(.+))?/.exec(path.slice(base.length)) : null;
  if (!match) return undefined;
  return `Embed ${Number(match[1]) + 1}${match[2] ? `, ${match[2]}` : ''}`;
}
