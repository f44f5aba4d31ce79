/**
 * What an editor needs to know about a template while it is being typed: where its `{{ … }}`
 * expressions are, and what the cursor is in (a root name, a member path, a filter name). The
 * spans come from the same scanner that evaluates templates, so the editor and the engine agree.
 */
import { skipString } from './grammar.js';
import { parseTemplate } from './parse-template.js';
import type { Node } from './ast.js';

/**
 * One `{{ … }}` of a template: `from` is the offset of `{{`, `to` the offset just after `}}`
 * (or the text's end when it is never closed, then `closed` is false).
 *
 * @example
 * expressionSpans('Hi {{ a }}'); // [{ from: 3, to: 10, closed: true }]
 */
export interface ExpressionSpan {
  from: number;
  to: number;
  closed: boolean;
}

/**
 * The `{{ … }}` spans of a template, in order (an unclosed `{{` runs to the end of the text).
 *
 * @example
 * expressionSpans('{{ a }} and {{ b'); // [{ from: 0, to: 7, closed: true }, { from: 12, to: 16, closed: false }]
 */
export function expressionSpans(text: string): ExpressionSpan[] {
  if (!text.includes('{{')) return [];
  const parsed = parseTemplate(text);
  const spans: ExpressionSpan[] = [];
  for (const part of parsed.parts) {
    if (typeof part === 'string') continue;
    spans.push({
      from: part.position - 2,
      to: part.position + part.source.length + 2,
      closed: true,
    });
  }
  const unclosed = parsed.problems.find(
    (p) => p.code === 'syntax' && p.message.includes('never closed'),
  );
  if (unclosed?.position !== undefined)
    spans.push({ from: unclosed.position, to: text.length, closed: false });
  return spans;
}

/**
 * How a field's text is read: `template` (text with `{{ … }}`) or `condition` (a bare
 * expression, or one `{{ … }}`, as `flow.if` takes it).
 */
export type EditingMode = 'template' | 'condition';

/**
 * What the cursor is in, for completion:
 * - `root`: the start of an operand (`prefix` is what is typed of a name);
 * - `member`: after `path.` (`dot` is the offset of that `.`; `path` starts at a root and holds
 *   property names and literal indexes);
 * - `filter`: after `|`;
 * - `none`: plain text, inside a string literal, or after a complete operand.
 * `from` is where the typed prefix starts (what a completion replaces).
 *
 * @example
 * expressionContextAt('{{ trigger.me }}', 13, 'template');
 * // { kind: 'member', path: ['trigger'], prefix: 'me', from: 11, dot: 10 }
 */
export type ExpressionContext =
  | { kind: 'none' }
  | { kind: 'root'; prefix: string; from: number }
  | { kind: 'member'; path: (string | number)[]; prefix: string; from: number; dot: number }
  | { kind: 'filter'; prefix: string; from: number };

type Token =
  | { t: 'name'; value: string; from: number; to: number }
  | { t: 'number'; value: number; from: number; to: number }
  | { t: 'string'; value: string; from: number; to: number }
  | { t: 'punct'; value: string; from: number; to: number };

const NONE: ExpressionContext = { kind: 'none' };
const WORD_OPERATORS = new Set(['and', 'or', 'not']);

/**
 * The completion context at `offset` in a field's text.
 *
 * @example
 * expressionContextAt('{{ nodes.greet.messageId | up }}', 29, 'template');
 * // { kind: 'filter', prefix: 'up', from: 27 }
 * expressionContextAt('vars.count > ', 13, 'condition'); // { kind: 'root', prefix: '', from: 13 }
 */
export function expressionContextAt(
  text: string,
  offset: number,
  mode: EditingMode,
): ExpressionContext {
  const start = expressionStart(text, offset, mode);
  if (start === undefined) return NONE;
  const tokens = tokenize(text.slice(start, offset), start);
  if (tokens === undefined) return NONE; // inside a string literal
  const last = tokens[tokens.length - 1];
  const typing = last?.t === 'name' && last.to === offset ? last : undefined;
  const prefix = typing?.value ?? '';
  const from = typing?.from ?? offset;
  const before = typing ? tokens.slice(0, -1) : tokens;
  const previous = before[before.length - 1];
  if (previous === undefined) return { kind: 'root', prefix, from };
  if (previous.t === 'punct' && previous.value === '.') {
    const path = pathBefore(before.slice(0, -1));
    return path ? { kind: 'member', path, prefix, from, dot: previous.from } : NONE;
  }
  if (previous.t === 'punct' && previous.value === '|') return { kind: 'filter', prefix, from };
  if (previous.t === 'punct' && !/^[)\]]$/.test(previous.value))
    return { kind: 'root', prefix, from };
  if (previous.t === 'name' && WORD_OPERATORS.has(previous.value))
    return { kind: 'root', prefix, from };
  return NONE;
}

/** Where the expression around `offset` starts, or undefined when the cursor is in plain text. */
function expressionStart(text: string, offset: number, mode: EditingMode): number | undefined {
  if (mode === 'condition' && !text.includes('{{')) return 0;
  for (const span of expressionSpans(text)) {
    const bodyEnd = span.closed ? span.to - 2 : span.to;
    if (offset >= span.from + 2 && offset <= bodyEnd) return span.from + 2;
  }
  return undefined;
}

/** The tokens of an expression prefix; undefined when it ends inside a string literal. */
function tokenize(source: string, base: number): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) continue;
    if (ch === '"' || ch === "'") {
      const end = skipString(source, i);
      if (end >= source.length) return undefined;
      const value = source.slice(i + 1, end).replace(/\\(.)/g, '$1');
      tokens.push({ t: 'string', value, from: base + i, to: base + end + 1 });
      i = end;
    } else if (/[A-Za-z_$]/.test(ch)) {
      let end = i + 1;
      while (end < source.length && /[A-Za-z0-9_$]/.test(source.charAt(end))) end++;
      tokens.push({ t: 'name', value: source.slice(i, end), from: base + i, to: base + end });
      i = end - 1;
    } else if (/[0-9]/.test(ch)) {
      let end = i + 1;
      while (end < source.length && /[0-9.eE]/.test(source.charAt(end))) end++;
      const value = Number(source.slice(i, end));
      tokens.push({ t: 'number', value, from: base + i, to: base + end });
      i = end - 1;
    } else {
      // `||` is "or" (not a filter pipe); `?.` reads like `.`.
      const two = source.slice(i, i + 2);
      if (two === '||' || two === '&&' || two === '??') {
        tokens.push({ t: 'punct', value: two, from: base + i, to: base + i + 2 });
        i++;
      } else if (two === '?.') {
        tokens.push({ t: 'punct', value: '.', from: base + i + 1, to: base + i + 2 });
        i++;
      } else tokens.push({ t: 'punct', value: ch, from: base + i, to: base + i + 1 });
    }
  }
  return tokens;
}

/** The member path ending the tokens (`trigger.member`, `nodes["a"][0]`), or undefined. */
function pathBefore(tokens: Token[]): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  const isPunct = (token: Token | undefined, value: string) =>
    token?.t === 'punct' && token.value === value;
  let i = tokens.length - 1;
  for (;;) {
    const token = tokens[i];
    if (token?.t === 'name') {
      path.unshift(token.value);
      if (isPunct(tokens[i - 1], '.')) {
        i -= 2;
        continue;
      }
      // The root: nothing may end right before it (`(a).b` or `x] b` are not paths).
      const before = tokens[i - 1];
      return isPunct(before, ')') || isPunct(before, ']') || before?.t === 'name'
        ? undefined
        : path;
    }
    if (isPunct(token, ']')) {
      const key = tokens[i - 1];
      if (!isPunct(tokens[i - 2], '[') || (key?.t !== 'string' && key?.t !== 'number'))
        return undefined;
      path.unshift(key.value);
      i -= 3;
      continue;
    }
    return undefined;
  }
}

/**
 * The path a template reads when it is exactly one `{{ path }}` of literal member accesses
 * (`{{ nodes.pick.picked }}` → `['nodes', 'pick', 'picked']`); undefined otherwise.
 *
 * @example
 * templatePath('{{ nodes["pick"].picked[0] }}'); // ['nodes', 'pick', 'picked', 0]
 * templatePath('{{ a | upper }}'); // undefined
 */
export function templatePath(text: string): (string | number)[] | undefined {
  if (!text.includes('{{')) return undefined;
  const single = parseTemplate(text).single;
  return single?.ast ? pathOf(single.ast) : undefined;
}

function pathOf(node: Node): (string | number)[] | undefined {
  if (node.kind === 'root') return [node.name];
  if (node.kind !== 'member' || node.property.kind !== 'literal') return undefined;
  const key = node.property.value;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  const base = pathOf(node.object);
  return base ? [...base, key] : undefined;
}
