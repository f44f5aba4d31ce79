import { expressionSpans, type ValidationIssue } from '@guildflow/engine/core';
import type { ReactNode } from 'react';
import { ExpressionField } from '../../expressions/expression-field.js';
import { useConfigContext } from '../form-context.js';
import { issueConfigPath } from '../issue-paths.js';
import { IssueList } from '../templates.js';
import { textOf } from './values.js';

/**
 * The characters of a text that are known before it is sent: everything outside `{{ }}`.
 *
 * @example
 * literalLength('Hi {{ trigger.member.mention }}!'); // 4
 */
export function literalLength(text: string): number {
  let length = text.length;
  for (const span of expressionSpans(text)) length -= span.to - span.from;
  return length;
}

/**
 * "120 / 2,000" beside a text with a limit: amber from 90 %, red past the limit. Expressions
 * are not counted (they are only known when the message is sent), and the counter says so.
 *
 * @example
 * <Counter text={content} max={DISCORD_LIMITS.content} id="content-count" />
 */
export function Counter({ text, max, id }: { text: string; max: number; id?: string }) {
  const length = literalLength(text);
  const withExpressions = length !== text.length;
  const level = length > max ? 'over' : length >= max * 0.9 ? 'near' : 'ok';
  return (
    <span id={id} className={`gf-config-counter gf-config-counter--${level}`}>
      {withExpressions ? '≥ ' : ''}
      {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
      {level === 'over' ? ' — too long' : ''}
      {withExpressions ? <span className="gf-sr-only"> characters before expressions</span> : null}
    </span>
  );
}

/**
 * One labelled part of a composite field (a button's label, an embed's title) with the issues
 * validation reports at its path.
 *
 * @example
 * <Part id="b0-label" label="Label" path="buttons[0].label" issues={issues}>…</Part>
 */
export function Part(props: {
  id: string;
  label: string;
  path: string;
  issues: readonly ValidationIssue[];
  children: ReactNode;
  extra?: ReactNode;
  className?: string;
}) {
  const own = props.issues.filter((i) => issueConfigPath(i) === props.path);
  return (
    <div className={`gf-config-part ${props.className ?? ''}`} data-config-path={props.path}>
      <div className="gf-config-part-head">
        <label
          className="gf-config-label"
          id={`${props.id}__label`}
          htmlFor={props.id}
          onClick={() => document.getElementById(props.id)?.focus()}
        >
          {props.label}
        </label>
        {props.extra}
      </div>
      {props.children}
      <IssueList id={`${props.id}__issues`} issues={own} />
    </div>
  );
}

/**
 * A text part that takes `{{ }}` expressions (CodeMirror), optionally with a counter.
 *
 * @example
 * <ExpressionPart id="b0-label" label="Label" path="buttons[0].label" value={b.label} onChange={…} issues={issues} max={80} />
 */
export function ExpressionPart(props: {
  id: string;
  label: string;
  path: string;
  value: unknown;
  onChange(text: string | undefined): void;
  issues: readonly ValidationIssue[];
  max?: number;
  multiline?: boolean;
  placeholder?: string;
}) {
  const { scope } = useConfigContext();
  const text = textOf(props.value);
  const invalid = props.issues.some((i) => issueConfigPath(i) === props.path);
  const counterId = `${props.id}__count`;
  return (
    <Part
      id={props.id}
      label={props.label}
      path={props.path}
      issues={props.issues}
      extra={
        props.max === undefined ? undefined : <Counter text={text} max={props.max} id={counterId} />
      }
    >
      <ExpressionField
        id={props.id}
        mode="template"
        value={text}
        scope={scope}
        multiline={props.multiline}
        placeholder={props.placeholder}
        labelledBy={`${props.id}__label`}
        describedBy={
          [props.max === undefined ? '' : counterId, invalid ? `${props.id}__issues` : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
        invalid={invalid}
        onChange={(next) => props.onChange(next === '' ? undefined : next)}
      />
    </Part>
  );
}

/**
 * A copy of `target` with the value at `path` set (`undefined` removes it; objects left empty
 * by a removal are removed too, so an embed without author text has no `author`).
 *
 * @example
 * setIn({ author: { name: 'a' } }, ['author', 'name'], undefined); // {}
 */
export function setIn(
  target: unknown,
  path: readonly (string | number)[],
  value: unknown,
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(target) ? [...(target as unknown[])] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const object: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  const next = setIn(object[head], rest, value);
  const empty =
    typeof next === 'object' &&
    next !== null &&
    !Array.isArray(next) &&
    Object.keys(next).length === 0;
  if (next === undefined || (empty && rest.length > 0)) delete object[head];
  else object[head] = next;
  return object;
}

/**
 * A list with one element moved (`by` = -1 up, +1 down).
 *
 * @example
 * move(['a', 'b'], 1, -1); // ['b', 'a']
 */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
