/**
 * What went wrong, as a stable machine-readable code:
 * - `syntax`: the text is not a well-formed expression or template;
 * - `unsupported`: a construct the language does not offer (function calls, `this`, methods…);
 * - `unknown-name`: a name that is not one of the scope roots;
 * - `forbidden-property`: `__proto__`, `constructor` or `prototype`;
 * - `unknown-filter` / `filter-arguments`: a filter that does not exist or got the wrong number of arguments;
 * - `limit`: a size, depth or time bound was exceeded;
 * - `type`: a value of the wrong type at evaluation time (`join` on a number…).
 */
export type ExpressionErrorCode =
  | 'syntax'
  | 'unsupported'
  | 'unknown-name'
  | 'forbidden-property'
  | 'unknown-filter'
  | 'filter-arguments'
  | 'limit'
  | 'type';

/**
 * One problem found in a template without evaluating it (see `checkTemplate`).
 * `position` is a character offset into the template text.
 */
export interface ExpressionProblem {
  message: string;
  code: ExpressionErrorCode;
  position?: number;
}

/**
 * The only error the expression language throws. Anything unexpected (a stack overflow, an
 * invalid date) is converted into one, so callers can rely on `instanceof ExpressionError`.
 *
 * @example
 * try {
 *   renderTemplate('{{ x }}', {});
 * } catch (error) {
 *   if (error instanceof ExpressionError) console.log(error.code); // 'unknown-name'
 * }
 */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  /** Character offset into the template (or bare expression) where the problem is, when known. */
  readonly position?: number;

  constructor(code: ExpressionErrorCode, message: string, position?: number) {
    super(message);
    this.code = code;
    if (position !== undefined) this.position = position;
  }

  /** The `{ code, message, position }` shape `checkTemplate` reports. */
  toProblem(): ExpressionProblem {
    return this.position === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, position: this.position };
  }
}

/**
 * Turns any thrown value into an ExpressionError (RangeError → `limit`, anything else → `type`).
 *
 * @example
 * toExpressionError(new RangeError('Maximum call stack size exceeded')).code; // 'limit'
 */
export function toExpressionError(error: unknown): ExpressionError {
  if (error instanceof ExpressionError) return error;
  if (error instanceof RangeError) {
    return new ExpressionError(
      'limit',
      'the expression is too large or too deeply nested to evaluate',
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ExpressionError('type', `the expression could not be evaluated: ${detail}`);
}

/**
 * A short, single-line quote of an expression for error messages: `{{ a + b }}`.
 *
 * @example
 * quote('  a +\n b '); // '{{ a + b }}'
 */
export function quote(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return `{{ ${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat} }}`;
}
