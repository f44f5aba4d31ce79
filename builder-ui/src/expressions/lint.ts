import type { Diagnostic } from '@codemirror/lint';
import { checkTemplate, expressionSpans, type EditingMode } from '@guildflow/engine/core';

/**
 * The problems of a field's text as editor diagnostics, from the engine's own checker: each
 * starts where the engine says (`position`) and runs to the end of its `{{ … }}`. A bare
 * condition is checked the way validation checks it, as `{{ text }}`.
 *
 * @example
 * expressionDiagnostics('Hi {{ user.name }}', 'template');
 * // [{ from: 6, to: 18, severity: 'error', message: "unknown name 'user'; … (in {{ user.name }})" }]
 */
export function expressionDiagnostics(text: string, mode: EditingMode): Diagnostic[] {
  const bare = mode === 'condition' && !text.includes('{{') && text.trim() !== '';
  const checked = bare ? `{{ ${text} }}` : text;
  const shift = bare ? 3 : 0;
  if (!checked.includes('{{')) return [];
  const spans = expressionSpans(checked);
  return checkTemplate(checked).map((problem) => {
    const position = problem.position ?? 0;
    const span = spans.find((s) => position >= s.from && position < s.to);
    const end = span ? (span.closed ? span.to : checked.length) : position + 1;
    let from = clamp(position - shift, text.length);
    let to = clamp(end - shift, text.length);
    if (to <= from) {
      // Point at the last character when the problem is at the very end.
      from = Math.max(0, Math.min(from, text.length - 1));
      to = Math.min(text.length, from + 1);
    }
    return { from, to, severity: 'error', message: problem.message, source: 'Guildflow' };
  });
}

function clamp(value: number, length: number): number {
  return Math.max(0, Math.min(value, length));
}
