import {
  snippetCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import {
  expressionContextAt,
  listFilters,
  membersAt,
  rootMembers,
  type EditingMode,
  type NodeScope,
  type SchemaMember,
} from '@guildflow/engine/core';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LITERALS: Completion[] = ['true', 'false', 'null'].map((label) => ({
  label,
  type: 'keyword',
  boost: -10,
}));

const FILTERS: Completion[] = listFilters().map((filter) => {
  const info = `${filter.summary}\n\n${filter.example}`;
  const base = {
    label: filter.name,
    type: 'function',
    ...(filter.signature === filter.name ? {} : { detail: filter.signature }),
    info,
  };
  // A filter that needs arguments gets its parentheses, with the cursor between them.
  return filter.minArgs > 0 ? snippetCompletion(`${filter.name}(\${})`, base) : base;
});

/**
 * The completion source of an expression field: what the engine's scope rules say this node
 * can read (roots, upstream node outputs, vars, item…), after `|` the filters with their
 * signatures. `scope()` is read at each request, so the field follows graph edits.
 */
export function expressionCompletions(
  scope: () => NodeScope | undefined,
  mode: EditingMode,
): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const at = expressionContextAt(text, context.pos, mode);
    if (at.kind === 'none') return null;
    if (at.kind === 'filter') return { from: at.from, options: FILTERS, validFor: /^\w*$/ };
    const current = scope();
    if (!current) return null;
    if (at.kind === 'root') {
      // After an operator, only offer names once something is typed (or asked for).
      if (at.prefix === '' && !context.explicit && !justOpened(text, at.from)) return null;
      // In scope order (trigger first), not alphabetically.
      const roots = rootMembers(current).map((m, i) => ({
        ...option(m, 'variable'),
        boost: 10 - i,
      }));
      return { from: at.from, options: [...roots, ...LITERALS], validFor: /^\w*$/ };
    }
    const members = membersAt(current, at.path);
    if (members.length === 0) return null;
    const options = members.map((m) =>
      IDENTIFIER.test(m.name) ? option(m, 'property') : bracketed(m, at.dot),
    );
    return { from: at.from, options, validFor: /^\w*$/ };
  };
}

/** True right after `{{ ` or at the start of a bare condition: where an expression begins. */
function justOpened(text: string, from: number): boolean {
  return /(^|\{\{)\s*$/.test(text.slice(0, from));
}

function option(member: SchemaMember, type: string): Completion {
  return {
    label: member.name,
    type,
    detail: member.type,
    ...(member.description ? { info: member.description } : {}),
  };
}

/** A member that is not a plain name is read as `["name"]`: replace the `.` too. */
function bracketed(member: SchemaMember, dot: number): Completion {
  return {
    ...option(member, 'property'),
    apply: (view: EditorView, _completion: Completion, _from: number, to: number) => {
      const insert = `[${JSON.stringify(member.name)}]`;
      view.dispatch({
        changes: { from: dot, to, insert },
        selection: { anchor: dot + insert.length },
      });
    },
  };
}
