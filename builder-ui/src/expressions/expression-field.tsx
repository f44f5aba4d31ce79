import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  startCompletion,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import type { EditingMode, NodeScope } from '@guildflow/engine/core';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { expressionCompletions } from './completion.js';
import { styleNonce } from './csp-nonce.js';
import { expressionHighlight } from './highlight.js';
import { expressionDiagnostics } from './lint.js';
import './expression-field.css';

export interface ExpressionFieldProps {
  /** Id of the editable element (for `aria-labelledby` on its label's side and for focus). */
  id: string;
  value: string;
  onChange(text: string): void;
  /** `template`: text with `{{ }}`; `condition`: a bare expression (or one `{{ }}`). */
  mode: EditingMode;
  /** What the node can read (for autocomplete); read at each request. */
  scope?: (() => NodeScope | undefined) | undefined;
  multiline?: boolean | undefined;
  placeholder?: string | undefined;
  labelledBy?: string | undefined;
  /** A label of its own, where no visible label names the field (a row of a list). */
  label?: string | undefined;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
}

/** Marks the transactions that copy the `value` prop in, so they are not echoed to onChange. */
const external = Annotation.define<boolean>();

/** Joins lines: a single-line field never holds a newline (pasted text included). */
const singleLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
  const flat = tr.newDoc.toString().replace(/\r?\n/g, ' ');
  return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: flat }, sequential: true }];
});

/**
 * Typing `{` right after `{` makes a whole `{{ | }}` with the cursor inside (closeBrackets would
 * give `{{}}`), ready for the completion list.
 */
const openExpression = Prec.high(
  EditorView.inputHandler.of((view, from, to, text) => {
    if (text !== '{' || from !== to || view.state.sliceDoc(from - 1, from) !== '{') return false;
    const closing = view.state.sliceDoc(from, from + 1) === '}' ? 1 : 0;
    view.dispatch({
      changes: { from, to: from + closing, insert: '{  }}' },
      selection: { anchor: from + 2 },
      userEvent: 'input.type',
    });
    return true;
  }),
);

/** Opens the completion list right after `{{` is typed (closeBrackets has added `}}`). */
const completeAfterBraces = EditorView.updateListener.of((update) => {
  if (!update.docChanged || update.transactions.some((tr) => tr.annotation(external))) return;
  const { state } = update;
  const at = state.selection.main.head;
  if (
    state.sliceDoc(Math.max(0, at - 3), at) === '{{ ' ||
    state.sliceDoc(Math.max(0, at - 2), at) === '{{'
  ) {
    queueMicrotask(() => startCompletion(update.view));
  }
});

function contentAttributes(
  p: Pick<
    ExpressionFieldProps,
    'id' | 'multiline' | 'labelledBy' | 'label' | 'describedBy' | 'invalid'
  >,
): Extension {
  return EditorView.contentAttributes.of({
    id: p.id,
    'aria-multiline': p.multiline ? 'true' : 'false',
    ...(p.labelledBy ? { 'aria-labelledby': p.labelledBy } : {}),
    ...(p.label ? { 'aria-label': p.label } : {}),
    ...(p.describedBy ? { 'aria-describedby': p.describedBy } : {}),
    ...(p.invalid ? { 'aria-invalid': 'true' } : {}),
  });
}

function placeholderOf(text: string | undefined): Extension {
  return text ? placeholderText(text) : [];
}

/**
 * A CodeMirror 6 field for expressions: `{{ }}` highlighted, autocomplete of what the node can
 * read and of filters, the engine's syntax errors inline as you type. Text is never altered
 * or dropped; every edit is reported with `onChange`.
 *
 * @example
 * <ExpressionField id="content" mode="template" value={text} onChange={setText} scope={() => scope} />
 */
export function ExpressionField(props: ExpressionFieldProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const { id, mode, multiline, placeholder, labelledBy, label, describedBy, invalid } = props;
  // Attributes and the placeholder change with validation and props: reconfigured in place, so
  // the editor (its cursor, focus and history) survives while the admin types.
  const attributes = useRef(new Compartment());
  const hint = useRef(new Compartment());

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const extensions: Extension[] = [
      styleNonce(),
      history(),
      closeBrackets(),
      autocompletion({
        override: [expressionCompletions(() => latest.current.scope?.(), mode)],
        icons: false,
      }),
      linter((v) => expressionDiagnostics(v.state.doc.toString(), mode), { delay: 150 }),
      expressionHighlight(mode),
      openExpression,
      completeAfterBraces,
      keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || update.transactions.some((tr) => tr.annotation(external))) return;
        latest.current.onChange(update.state.doc.toString());
      }),
      attributes.current.of(contentAttributes(latest.current)),
      hint.current.of(placeholderOf(latest.current.placeholder)),
      // Long text wraps rather than scrolling sideways, in one-line fields too (a custom id of
      // 100 characters stays readable, and there is no scroll region to reach by keyboard).
      EditorView.lineWrapping,
      ...(multiline ? [] : [singleLine]),
    ];
    const created = new EditorView({
      parent,
      state: EditorState.create({ doc: latest.current.value, extensions }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [mode, multiline]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        attributes.current.reconfigure(
          contentAttributes({ id, multiline, labelledBy, label, describedBy, invalid }),
        ),
        hint.current.reconfigure(placeholderOf(placeholder)),
      ],
    });
  }, [id, multiline, labelledBy, label, describedBy, invalid, placeholder]);

  // The value changed outside (undo in the graph, another field): show it, unless it is what
  // the editor already holds.
  useEffect(() => {
    const current = view.current;
    if (!current || current.state.doc.toString() === props.value) return;
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: props.value },
      annotations: external.of(true),
    });
  }, [props.value]);

  return (
    <div
      ref={host}
      className={`gf-expr-field${multiline ? ' gf-expr-field--multiline' : ''}${invalid ? ' gf-expr-field--invalid' : ''}`}
      data-expression-mode={mode}
    />
  );
}
