import { isTemplate } from '@guildflow/engine/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useGuildDiscordState } from '../guild-discord.js';
import { ExprCapable } from './expression-leaf.js';
import {
  ENTITY_NOUN,
  ENTITY_PLURAL,
  entityOptions,
  filterOptions,
  type EntityKind,
  type EntityOption,
} from './entity-options.js';
import type { LeafProps } from './leaf.js';
import { textOf } from './values.js';

const MAX_SHOWN = 50;

/**
 * Picks a channel, category, role or member of the guild by name (searchable; the id is what
 * is stored). An id typed by hand is kept; `{{` switches to an expression such as
 * `{{ vars.welcomeChannelId }}`.
 *
 * @example
 * <EntityLeaf {...leaf} />  // leaf.options.entity === 'channel'
 */
export function EntityLeaf(leaf: LeafProps) {
  return (
    <ExprCapable leaf={leaf}>
      <EntityCombobox
        kind={leaf.options.entity ?? 'channel'}
        id={leaf.ids.input}
        label={leaf.label}
        value={textOf(leaf.value)}
        onChange={leaf.onChange}
        describedBy={leaf.describedBy}
        invalid={leaf.issues.length > 0}
        placeholder={leaf.options.placeholder}
      />
    </ExprCapable>
  );
}

interface ComboboxProps {
  kind: EntityKind;
  id: string;
  label: string;
  value: string;
  onChange(value: unknown): void;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  placeholder?: string | undefined;
  /** True where no visible label names the input (a row of a list): it is named by `label`. */
  unlabelled?: boolean | undefined;
  required?: boolean | undefined;
  /**
   * False where only an id can be stored (a template's install settings): `{{` does not start an
   * expression and nothing offers one.
   */
  expressions?: boolean | undefined;
}

/**
 * The searchable picker (ARIA combobox with a listbox): type to filter, arrows to move, Enter
 * to choose, Escape to close.
 *
 * @example
 * <EntityCombobox kind="role" id="role" label="Role" value={id} onChange={setId} />
 */
export function EntityCombobox(props: ComboboxProps) {
  const { kind, id, value, onChange } = props;
  const guild = useGuildDiscordState();
  const options = useMemo(() => entityOptions(guild.data, kind), [guild.data, kind]);
  const selected = options.find((o) => o.id === value);
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => filterOptions(options, query ?? '').slice(0, MAX_SHOWN),
    [options, query],
  );
  const listId = `${id}__options`;
  const statusId = `${id}__status`;
  const noun = ENTITY_NOUN[kind];
  const plural = ENTITY_PLURAL[kind];
  const expressions = props.expressions !== false;

  const choose = (option: EntityOption | undefined) => {
    if (!option || option.disabled) return;
    onChange(option.id);
    setQuery(undefined);
    setOpen(false);
  };
  const type = (text: string) => {
    // `{{` starts an expression; digits are an id typed by hand (kept as they are).
    if ((expressions && text.includes('{{')) || /^\d+$/.test(text.trim())) {
      onChange(text.trim() === '{{' ? '{{  }}' : text.trim());
      setQuery(undefined);
      return;
    }
    if (text === '') onChange(undefined);
    setQuery(text);
    setOpen(true);
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length === 0 ? 0 : (a + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(undefined);
    }
  };

  const shown = query ?? (selected ? selected.label : value);
  const status = guild.loading
    ? `Loading this server’s ${plural}…`
    : guild.error
      ? `Could not load this server’s ${plural}: ${guild.error} You can still type ${expressions ? 'an id or use an expression' : 'its id'}.`
      : value !== '' && !selected && !isTemplate(value)
        ? `${value} is not a ${noun} of ${guild.data?.guild.name ?? 'this server'}.`
        : undefined;

  return (
    <div className="gf-config-combobox">
      <input
        id={id}
        className="gf-config-input"
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={props.unlabelled ? props.label : undefined}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={
          [props.describedBy, status ? statusId : undefined].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={props.invalid ? true : undefined}
        aria-required={props.required ? true : undefined}
        autoComplete="off"
        placeholder={
          props.placeholder ??
          (expressions
            ? `Search ${plural} or type {{ for an expression`
            : guild.error && !guild.data
              ? `${noun} id (digits)`
              : `Search ${plural}`)
        }
        value={shown}
        onChange={(e) => type(e.target.value)}
        // A click opens the list; the keyboard focus does not (Tab passes by, a dialog's first
        // field is not covered by a list as it opens): arrows or typing open it.
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      {selected?.color ? (
        <span
          className="gf-config-swatch"
          style={{ background: selected.color }}
          aria-hidden="true"
        />
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={`${props.label}: ${plural}`}
        hidden={!open}
        className="gf-config-listbox"
      >
        {matches.length === 0 ? (
          <li className="gf-config-listbox-empty" role="presentation">
            {guild.loading ? 'Loading…' : `No ${noun} matches.`}
          </li>
        ) : (
          matches.map((option, i) => (
            <li
              key={option.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={option.disabled ? true : undefined}
              className={`gf-config-option${i === active ? ' gf-config-option--active' : ''}`}
              // Keep the focus in the input: choose on mouse down, before its blur.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {option.color ? (
                <span
                  className="gf-config-swatch"
                  style={{ background: option.color }}
                  aria-hidden="true"
                />
              ) : null}
              <span>{option.label}</span>
              {option.group || option.disabled ? (
                <span className="gf-config-option-note">{option.disabled ?? option.group}</span>
              ) : null}
            </li>
          ))
        )}
      </ul>
      {status ? (
        <p id={statusId} className="gf-config-feedback" aria-live="polite">
          {status}
        </p>
      ) : null}
    </div>
  );
}
