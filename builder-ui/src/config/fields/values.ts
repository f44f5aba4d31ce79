import { useState } from 'react';

/**
 * The text an input shows for a value: strings as they are, nothing for no value, anything
 * else as JSON.
 *
 * @example
 * textOf(5); // '5'
 * textOf(undefined); // ''
 */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * A number field's value from its text: a number when the text is one; otherwise the text
 * itself (an expression, or something invalid that validation will point at — never dropped).
 *
 * @example
 * numberFromText('42'); // 42
 * numberFromText('{{ vars.n }}'); // '{{ vars.n }}'
 * numberFromText('4x'); // '4x'
 */
export function numberFromText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

/**
 * A value of any type from its text: JSON when it parses (numbers, true, lists, objects),
 * otherwise the text (expressions, plain words). Quoted text stays as typed.
 *
 * @example
 * anyFromText('[1, 2]'); // [1, 2]
 * anyFromText('hello'); // 'hello'
 */
export function anyFromText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('"')) return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The text of an input whose value is derived from it: the text stays as typed (`{ "a": 1 }`
 * is not reformatted while the admin types) and follows the value only when it changes
 * from outside (undo, another tab).
 *
 * @example
 * const [text, setText] = useTextModel(value, textOf, anyFromText, onChange);
 */
export function useTextModel(
  value: unknown,
  toText: (value: unknown) => string,
  fromText: (text: string) => unknown,
  onChange: (value: unknown) => void,
): [string, (text: string) => void] {
  const [state, setState] = useState(() => ({ text: toText(value), value }));
  let shown = state;
  if (!same(value, state.value)) {
    shown = { text: toText(value), value };
    setState(shown);
  }
  const setText = (text: string) => {
    const next = fromText(text);
    setState({ text, value: next });
    onChange(next);
  };
  return [shown.text, setText];
}
