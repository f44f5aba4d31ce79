import { useMemo } from 'react';
import { ExprCapable } from './expression-leaf.js';
import type { LeafProps } from './leaf.js';
import { anyFromText, numberFromText, textOf, useTextModel } from './values.js';

function inputProps(leaf: LeafProps) {
  return {
    id: leaf.ids.input,
    'aria-describedby': leaf.describedBy,
    'aria-invalid': leaf.issues.length > 0 ? true : undefined,
    'aria-required': leaf.required ? true : undefined,
    placeholder: leaf.options.placeholder,
  };
}

/**
 * Literal text (names, descriptions): kept exactly as typed; empty removes the field.
 *
 * @example
 * <TextLeaf {...leaf} />
 */
export function TextLeaf(leaf: LeafProps) {
  const value = textOf(leaf.value);
  const change = (text: string) => leaf.onChange(text === '' ? undefined : text);
  return leaf.options.multiline ? (
    <textarea
      className="gf-config-input"
      rows={3}
      value={value}
      onChange={(e) => change(e.target.value)}
      {...inputProps(leaf)}
    />
  ) : (
    <input
      className="gf-config-input"
      type="text"
      value={value}
      onChange={(e) => change(e.target.value)}
      {...inputProps(leaf)}
    />
  );
}

/**
 * A number (or, for expression fields, a `{{ }}` template). Text that is not a number is kept
 * as typed, so validation can say what is wrong instead of the input silently dropping it.
 *
 * @example
 * <NumberLeaf {...leaf} />
 */
export function NumberLeaf(leaf: LeafProps) {
  const [text, setText] = useTextModel(leaf.value, textOf, numberFromText, leaf.onChange);
  const schema = leaf.schema as { minimum?: number; maximum?: number };
  const range =
    schema.minimum !== undefined && schema.maximum !== undefined
      ? `${schema.minimum}–${schema.maximum}`
      : undefined;
  return (
    <ExprCapable leaf={leaf} parse={numberFromText}>
      <input
        className="gf-config-input gf-config-input--number"
        type="text"
        inputMode={leaf.options.integer ? 'numeric' : 'decimal'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        {...inputProps(leaf)}
        placeholder={leaf.options.placeholder ?? range}
      />
    </ExprCapable>
  );
}

/**
 * One of the schema's values; unset shows the default the engine uses.
 *
 * @example
 * <SelectLeaf {...leaf} />
 */
export function SelectLeaf(leaf: LeafProps) {
  const values = ((leaf.schema as { enum?: unknown[] }).enum ?? []).map(String);
  const current = leaf.value === undefined ? '' : String(leaf.value);
  const unknown = current !== '' && !values.includes(current);
  return (
    <select
      className="gf-config-input"
      value={current}
      onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
      {...inputProps(leaf)}
    >
      <option value="">
        {leaf.options.placeholder ? `Default (${leaf.options.placeholder})` : 'Choose…'}
      </option>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
      {unknown ? <option value={current}>{current} (not a choice)</option> : null}
    </select>
  );
}

/**
 * A yes/no setting, its label beside the box.
 *
 * @example
 * <ToggleLeaf {...leaf} />
 */
export function ToggleLeaf(leaf: LeafProps) {
  return (
    <div className="gf-config-toggle">
      <input
        type="checkbox"
        id={leaf.ids.input}
        checked={leaf.value === true}
        onChange={(e) => leaf.onChange(e.target.checked)}
        aria-describedby={leaf.describedBy}
      />
      <label htmlFor={leaf.ids.input} id={leaf.ids.label} className="gf-config-label">
        {leaf.label}
      </label>
    </div>
  );
}

/**
 * An IANA time zone, suggested from the browser's list.
 *
 * @example
 * <TimezoneLeaf {...leaf} />
 */
export function TimezoneLeaf(leaf: LeafProps) {
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return ['UTC'];
    }
  }, []);
  const listId = `${leaf.ids.input}__zones`;
  const value = textOf(leaf.value);
  const known = value === '' || value === 'UTC' || zones.includes(value);
  return (
    <>
      <input
        className="gf-config-input"
        type="text"
        list={listId}
        value={value}
        onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
        {...inputProps(leaf)}
        autoComplete="off"
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {known ? null : (
        <p className="gf-config-feedback gf-config-feedback--warn">
          Not a time zone this browser knows.
        </p>
      )}
    </>
  );
}

/**
 * A date (`2025-12-24T18:00:00Z`), with what it means in UTC and here.
 *
 * @example
 * <DatetimeLeaf {...leaf} />
 */
export function DatetimeLeaf(leaf: LeafProps) {
  const text = textOf(leaf.value);
  const date = text === '' ? undefined : parseDate(text);
  const valid = date !== undefined && !Number.isNaN(date.getTime());
  const feedbackId = `${leaf.ids.input}__feedback`;
  return (
    <ExprCapable leaf={leaf}>
      <input
        className="gf-config-input"
        type="text"
        value={text}
        onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
        {...inputProps(leaf)}
        aria-describedby={[leaf.describedBy, feedbackId].filter(Boolean).join(' ')}
        placeholder={leaf.options.placeholder ?? '2025-12-24T18:00:00Z'}
      />
      <p className="gf-config-feedback" id={feedbackId} aria-live="polite">
        {text === ''
          ? 'A date like 2025-12-24T18:00:00Z (UTC) or with an offset (+01:00).'
          : valid
            ? `${date.toUTCString()} · your time ${date.toLocaleString()}`
            : 'Not a date yet: write it like 2025-12-24T18:00:00Z.'}
      </p>
    </ExprCapable>
  );
}

/** A date as the engine reads it: without an offset, in UTC. */
function parseDate(text: string): Date {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return new Date(`${t}T00:00:00Z`);
  return new Date(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(t) ? t : `${t}Z`);
}

/**
 * An embed colour: `#RRGGBB` (or a number), with a colour picker.
 *
 * @example
 * <ColorLeaf {...leaf} />
 */
export function ColorLeaf(leaf: LeafProps) {
  const text = textOf(leaf.value);
  const hex =
    typeof leaf.value === 'number'
      ? `#${leaf.value.toString(16).padStart(6, '0')}`
      : /^#[0-9a-f]{6}$/i.test(text)
        ? text
        : '#000000';
  return (
    <ExprCapable leaf={leaf}>
      <div className="gf-config-color">
        <input
          type="color"
          value={hex.toLowerCase()}
          aria-label={`${leaf.label}: colour picker`}
          onChange={(e) => leaf.onChange(e.target.value.toUpperCase())}
        />
        <input
          className="gf-config-input"
          type="text"
          value={text}
          onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
          {...inputProps(leaf)}
          placeholder={leaf.options.placeholder ?? '#5865F2'}
        />
      </div>
    </ExprCapable>
  );
}

/**
 * Any JSON value (a sample payload, a value to store). Text that is not JSON is kept as text,
 * and the field says so.
 *
 * @example
 * <JsonLeaf {...leaf} />
 */
export function JsonLeaf(leaf: LeafProps) {
  const pretty = (value: unknown) =>
    typeof value === 'string' || value === undefined
      ? textOf(value)
      : JSON.stringify(value, null, 2);
  const [text, setText] = useTextModel(leaf.value, pretty, anyFromText, leaf.onChange);
  const kind =
    leaf.value === undefined
      ? undefined
      : typeof leaf.value === 'string'
        ? leaf.value.includes('{{')
          ? 'An expression, evaluated when the node runs.'
          : 'Text (not JSON).'
        : `JSON ${Array.isArray(leaf.value) ? 'list' : leaf.value === null ? 'null' : typeof leaf.value}.`;
  const feedbackId = `${leaf.ids.input}__feedback`;
  return (
    <>
      <textarea
        className="gf-config-input gf-config-input--code"
        rows={4}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        {...inputProps(leaf)}
        aria-describedby={[leaf.describedBy, feedbackId].filter(Boolean).join(' ')}
      />
      {kind ? (
        <p className="gf-config-feedback" id={feedbackId}>
          {kind}
        </p>
      ) : null}
    </>
  );
}
