import { BoundedCache } from './cache.js';
import { compileExpression, type CompiledExpression } from './compile.js';
import type { ExpressionProblem } from './errors.js';
import { skipString } from './grammar.js';
import { Budget, LIMITS } from './limits.js';

/**
 * A template split into literal text and compiled `{{ … }}` expressions.
 *
 * @example
 * parseTemplate('{{ vars.n }}').single !== undefined; // true
 */
export interface ParsedTemplate {
  parts: (string | CompiledExpression)[];
  /** Set when the whole template is one expression (surrounding whitespace allowed): its value keeps its type. */
  single?: CompiledExpression;
  problems: ExpressionProblem[];
}

const CACHE_SIZE = 500;
const templates = new BoundedCache<ParsedTemplate>(CACHE_SIZE);
const expressions = new BoundedCache<CompiledExpression>(CACHE_SIZE);

/** Index of the `}}` closing the expression that starts at `start` (quotes are skipped), or -1. */
function findClose(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") i = skipString(text, i);
    else if (ch === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

function scan(text: string): ParsedTemplate {
  if (text.length > LIMITS.maxTemplateLength) {
    const message = `the template is ${text.length} characters long; the limit is ${LIMITS.maxTemplateLength}`;
    return { parts: [], problems: [{ code: 'limit', message, position: 0 }] };
  }
  const parts: (string | CompiledExpression)[] = [];
  const problems: ExpressionProblem[] = [];
  let count = 0;
  let index = 0;
  const budget = new Budget();
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    if (open < 0) {
      parts.push(text.slice(index));
      break;
    }
    if (open > index) parts.push(text.slice(index, open));
    const close = findClose(text, open + 2);
    if (close < 0) {
      const message = "'{{' is never closed with '}}' (or a quote inside it is never closed)";
      problems.push({ code: 'syntax', message, position: open });
      break;
    }
    if (++count > LIMITS.maxExpressionsPerTemplate) {
      const message = `the template has more than ${LIMITS.maxExpressionsPerTemplate} {{ }} expressions`;
      problems.push({ code: 'limit', message, position: open });
      break;
    }
    const compiled = compileExpression(text.slice(open + 2, close), open + 2, budget);
    problems.push(...compiled.problems);
    parts.push(compiled);
    index = close + 2;
  }
  const expressionParts = parts.filter(
    (part): part is CompiledExpression => typeof part !== 'string',
  );
  const onlyWhitespace = parts.every((part) => typeof part !== 'string' || part.trim() === '');
  const single = expressionParts.length === 1 && onlyWhitespace ? expressionParts[0] : undefined;
  return single ? { parts, single, problems } : { parts, problems };
}

/**
 * Splits and compiles a template, from a bounded cache (templates repeat across runs).
 * Never throws; problems are in the result. Results are shared: treat them as read-only.
 *
 * @example
 * parseTemplate('Hi {{ trigger.name }}').parts.length; // 2
 */
export function parseTemplate(text: string): ParsedTemplate {
  const cached = templates.get(text);
  if (cached) return cached;
  const parsed = scan(text);
  if (text.length <= LIMITS.maxTemplateLength) templates.set(text, parsed);
  return parsed;
}

/**
 * Compiles a bare expression (no braces), from a bounded cache. Never throws.
 *
 * @example
 * parseBareExpression('vars.n > 1').problems; // []
 */
export function parseBareExpression(source: string): CompiledExpression {
  const cached = expressions.get(source);
  if (cached) return cached;
  if (source.length > LIMITS.maxTemplateLength) {
    const message = `the expression is ${source.length} characters long; the limit is ${LIMITS.maxTemplateLength}`;
    return { source: '', position: 0, problems: [{ code: 'limit', message, position: 0 }] };
  }
  const compiled = compileExpression(source, 0);
  expressions.set(source, compiled);
  return compiled;
}
