import { RangeSetBuilder } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';
import { expressionSpans, type EditingMode } from '@guildflow/engine/core';

const body = Decoration.mark({ class: 'gf-expr' });
const brace = Decoration.mark({ class: 'gf-expr-brace' });
const open = Decoration.mark({ class: 'gf-expr gf-expr-open' });

function decorate(text: string, mode: EditingMode): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  // A bare condition is one expression through and through.
  if (mode === 'condition' && !text.includes('{{')) {
    if (text.length > 0) builder.add(0, text.length, body);
    return builder.finish();
  }
  for (const span of expressionSpans(text)) {
    if (!span.closed) {
      builder.add(span.from, span.to, open);
      continue;
    }
    builder.add(span.from, span.from + 2, brace);
    if (span.to - 2 > span.from + 2) builder.add(span.from + 2, span.to - 2, body);
    builder.add(span.to - 2, span.to, brace);
  }
  return builder.finish();
}

/**
 * Marks each `{{ … }}` (as the engine's scanner finds it): the braces, the expression, and an
 * unclosed `{{` to the end of the text.
 *
 * @example
 * new EditorView({ extensions: [expressionHighlight('template')] });
 */
export function expressionHighlight(mode: EditingMode) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view.state.doc.toString(), mode);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = decorate(update.state.doc.toString(), mode);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
