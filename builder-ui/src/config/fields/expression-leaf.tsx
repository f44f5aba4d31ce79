import { isTemplate } from '@guildflow/engine/core';
import { startCompletion } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ExpressionField } from '../../expressions/expression-field.js';
import { useConfigContext } from '../form-context.js';
import type { LeafProps } from './leaf.js';
import { textOf } from './values.js';

/**
 * A field edited as an expression (CodeMirror): text with `{{ }}` in template mode, a bare
 * expression in condition mode. The text is the value (`''` removes it); with `parse`, a
 * value of another type is read from the text (`5` → 5) when it is not an expression.
 *
 * @example
 * <ExpressionLeaf {...leaf} />
 */
export function ExpressionLeaf(props: LeafProps & { parse?: (text: string) => unknown }) {
  const { ids, value, onChange, options, describedBy, issues, parse } = props;
  const { scope } = useConfigContext();
  return (
    <ExpressionField
      id={ids.input}
      value={textOf(value)}
      onChange={(text) => {
        if (text === '') onChange(undefined);
        else onChange(parse && !isTemplate(text) ? parse(text) : text);
      }}
      mode={options.mode === 'condition' ? 'condition' : 'template'}
      scope={scope}
      multiline={options.multiline}
      placeholder={options.placeholder}
      labelledBy={ids.label}
      describedBy={describedBy}
      invalid={issues.length > 0}
    />
  );
}

/**
 * A value editor (a picker, a duration…) that also takes an expression: with a `{{ }}` value,
 * or after "Use an expression", the field becomes an expression editor; "Pick a value" goes
 * back (and clears the expression, which the button says).
 *
 * @example
 * <ExprCapable leaf={leaf}><DurationInput … /></ExprCapable>
 */
export function ExprCapable({
  leaf,
  parse,
  children,
}: {
  leaf: LeafProps;
  /** How text without `{{ }}` typed in expression mode is read (default: as text). */
  parse?: (text: string) => unknown;
  children: ReactNode;
}) {
  const [asked, setAsked] = useState(false);
  const expression = isTemplate(leaf.value) || asked;
  const previous = useRef(expression);
  useEffect(() => {
    // When the mode flips (a click, or `{{` typed in the picker), the other input takes the focus.
    if (previous.current === expression) return;
    previous.current = expression;
    focusInput(leaf.ids.input);
  }, [expression, leaf.ids.input]);
  if (!leaf.options.expr) return <>{children}</>;
  const toggle = () => {
    if (expression) {
      setAsked(false);
      if (isTemplate(leaf.value)) leaf.onChange(undefined);
    } else setAsked(true);
  };
  return (
    <div className="gf-config-exprcapable">
      <div className="gf-config-exprcapable-input">
        {expression ? <ExpressionLeaf {...leaf} {...(parse ? { parse } : {})} /> : children}
      </div>
      <button
        type="button"
        className="gf-config-mode"
        aria-pressed={expression}
        onClick={toggle}
        title={
          expression
            ? isTemplate(leaf.value)
              ? 'Pick a value instead (clears the expression)'
              : 'Pick a value instead'
            : 'Use an expression such as {{ vars.channelId }}'
        }
        aria-label={`${leaf.label}: ${expression ? 'pick a value instead' : 'use an expression'}`}
      >
        {'{ }'}
      </button>
    </div>
  );
}

/** Focuses a field's input; in an expression editor, the cursor goes inside its last `{{ }}`. */
function focusInput(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const view = EditorView.findFromDOM(element);
  if (!view) {
    element.focus();
    return;
  }
  const text = view.state.doc.toString();
  const anchor = text.endsWith(' }}') ? text.length - 3 : text.length;
  view.focus();
  view.dispatch({ selection: { anchor } });
  if (text.endsWith('{{  }}')) startCompletion(view);
}
