/**
 * The Guildflow expression language: `{{ … }}` templates in node configs. Pure and
 * deterministic (it runs in the workflow sandbox and the browser); see docs/expressions.md.
 */
import { FILTER_DEFINITIONS } from './filters/index.js';

export { ExpressionError, type ExpressionErrorCode, type ExpressionProblem } from './errors.js';
export { LIMITS } from './limits.js';
export { ROOT_NAMES, type RootName, type RunInfo, type Scope } from './scope.js';
export {
  checkTemplate,
  evaluate,
  evaluateCondition,
  isTemplate,
  referencedNodeIds,
  referencesRoot,
  renderTemplate,
} from './template.js';
export { renderValue, type RenderValueOptions } from './render-value.js';
export {
  expressionContextAt,
  expressionSpans,
  templatePath,
  type EditingMode,
  type ExpressionContext,
  type ExpressionSpan,
} from './editing.js';

/**
 * Bumped whenever the meaning of an existing expression changes (runs pin the interpreter
 * version they started with, so such changes must be versioned).
 *
 * @example
 * if (EXPRESSION_LANGUAGE_VERSION !== 1) throw new Error('update the docs');
 */
export const EXPRESSION_LANGUAGE_VERSION = 1;

/** Documentation of one filter, for the builder's autocomplete and the docs. */
export interface FilterInfo {
  name: string;
  signature: string;
  summary: string;
  example: string;
  /** How many arguments it takes (a filter with `minArgs > 0` needs parentheses). */
  minArgs: number;
  maxArgs: number;
}

/**
 * Every filter's name, signature, summary and example, in documentation order.
 *
 * @example
 * listFilters().map((filter) => filter.name); // ['default', 'string', 'json', …]
 */
export function listFilters(): FilterInfo[] {
  return FILTER_DEFINITIONS.map(({ name, signature, summary, example, minArgs, maxArgs }) => ({
    name,
    signature,
    summary,
    example,
    minArgs,
    maxArgs,
  }));
}
