import { ExpressionError } from './errors.js';

/**
 * The bounds every template obeys. Exceeding one throws an ExpressionError with code `limit`
 * (or reports it from `checkTemplate`); nothing hangs and no RangeError escapes.
 *
 * @example
 * if (text.length > LIMITS.maxTemplateLength) console.log('too long');
 */
export const LIMITS = Object.freeze({
  /** Characters in one template string (or bare expression). */
  maxTemplateLength: 10_000,
  /** `{{ … }}` blocks in one template. */
  maxExpressionsPerTemplate: 100,
  /** Open brackets, `?:` ternaries and consecutive prefix operators, checked before parsing. */
  maxNesting: 32,
  /** Depth of the parsed expression tree (long `a + b + c …` chains count too). */
  maxAstDepth: 64,
  /** Evaluation steps per render: one per node visited, plus one per element a filter touches. */
  maxSteps: 50_000,
  /** Characters in any text produced (a concatenation, a filter result, the rendered template). */
  maxStringLength: 100_000,
  /** Characters produced in total during one render (bounds memory across many intermediate texts). */
  maxCharsPerRender: 1_000_000,
  /**
   * Characters read in total during one render: every text a filter or a comparison reads
   * (pattern matching counts the text once per 16 steps of the pattern's program). Keeps the
   * cost of a render linear in what it is allowed to produce, whatever chain of filters it has.
   */
  maxCharsScannedPerRender: 4_000_000,
  /** Elements in a list created by a filter or a list literal. */
  maxArrayLength: 10_000,
  /** Nesting of objects/lists walked by `json`, `string` and `renderValue`. */
  maxValueDepth: 64,
});

/**
 * Per-render accounting of steps and produced text; throws `limit` errors when exceeded.
 *
 * @example
 * const budget = new Budget();
 * budget.step(); // throws once more than LIMITS.maxSteps steps were counted
 */
export class Budget {
  private steps = 0;
  private chars = 0;
  private scanned = 0;

  /** Counts `n` evaluation steps. */
  step(n = 1): void {
    this.steps += n;
    if (this.steps > LIMITS.maxSteps) {
      throw new ExpressionError(
        'limit',
        `the expression needs more than ${LIMITS.maxSteps} evaluation steps`,
      );
    }
  }

  /** Checks that a text of `length` characters may exist, without counting it. */
  checkLength(length: number): void {
    if (length > LIMITS.maxStringLength) {
      throw new ExpressionError(
        'limit',
        `text would be longer than ${LIMITS.maxStringLength} characters`,
      );
    }
  }

  /** Checks that a text of `length` characters may be produced, and counts it. */
  reserveText(length: number): void {
    this.checkLength(length);
    this.chars += length;
    if (this.chars > LIMITS.maxCharsPerRender) {
      throw new ExpressionError(
        'limit',
        `the expression produces more than ${LIMITS.maxCharsPerRender} characters of text`,
      );
    }
  }

  /** Counts a produced text and returns it. */
  text(value: string): string {
    this.reserveText(value.length);
    return value;
  }

  /** Counts `length` characters read (before the work that reads them is done). */
  scan(length: number): void {
    this.scanned += length;
    if (this.scanned > LIMITS.maxCharsScannedPerRender) {
      throw new ExpressionError(
        'limit',
        `the expression reads more than ${LIMITS.maxCharsScannedPerRender} characters of text`,
      );
    }
  }

  /** Checks that a list of `length` elements may be created, and counts one step per element. */
  list(length: number): void {
    if (length > LIMITS.maxArrayLength) {
      throw new ExpressionError(
        'limit',
        `a list would have more than ${LIMITS.maxArrayLength} elements`,
      );
    }
    this.step(length);
  }
}
