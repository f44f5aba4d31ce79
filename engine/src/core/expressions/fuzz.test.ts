import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  evaluate,
  evaluateCondition,
  ExpressionError,
  referencedNodeIds,
  renderTemplate,
  renderValue,
  type Scope,
} from './index.js';

const scope: Scope = {
  trigger: {
    name: 'bob',
    n: 3,
    list: [3, 1, 2],
    words: ['a', 'b'],
    nested: { deep: { x: 1 } },
    text: 'a,b',
  },
  nodes: { x: { out: 'o' }, list: [1] },
  vars: { k: '__proto__', s: 'x'.repeat(1_000) },
  item: { name: 'i' },
  run: { id: 'r', graphId: 'g', version: 1, startedAt: '2024-05-01T00:00:00.000Z' },
  now: '2024-05-01T12:00:00.000Z',
};

const TOKENS = [
  '{{',
  '}}',
  ' ',
  ' ',
  'trigger',
  'nodes',
  'vars',
  'item',
  'run',
  'now',
  '.',
  'name',
  'list',
  'n',
  'x',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '\\',
  '|',
  '||',
  '&&',
  '??',
  '?.',
  '?',
  ':',
  ',',
  ';',
  '=',
  '==',
  '!=',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  'not',
  'and',
  'or',
  '1',
  '0',
  '2.5',
  '1e3',
  'null',
  'true',
  '"a"',
  "'b'",
  '__proto__',
  'constructor',
  'prototype',
  'this',
  'upper',
  'join',
  'default',
  'sort',
  'split',
  'length',
  'json',
  'timestamp',
  'plus',
  'duration',
  'round',
  'replace',
  'keys',
  '{',
  '}',
  '`',
  '=>',
  '&',
  '^',
  '~',
  '**',
  '<<',
  'x'.repeat(50),
  '\n',
  '\u00e9',
  '\uD800',
];

/** Token soup: strings that look enough like templates to reach the parser and evaluator. */
const soup = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
  .map((tokens) => tokens.join(''));
const templateLike = fc.oneof(
  soup,
  soup.map((inner) => `{{ ${inner} }}`),
  soup.map((inner) => `text {{ ${inner} }} more`),
);
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

/** Calls fn; passes when it returns or throws an ExpressionError, within `ms`. */
function onlyExpressionErrors(fn: () => unknown, ms = 200): void {
  const started = performance.now();
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    expect(typeof error.code).toBe('string');
  }
  expect(performance.now() - started).toBeLessThan(ms);
}

describe('fuzz: arbitrary input never breaks the language', () => {
  it('checkTemplate never throws and returns well-formed problems', () => {
    fc.assert(
      fc.property(fc.oneof(templateLike, anyText), (text) => {
        const problems = checkTemplate(text);
        for (const problem of problems) {
          expect(typeof problem.message).toBe('string');
          expect(typeof problem.code).toBe('string');
        }
        referencedNodeIds(text);
      }),
      { numRuns: 1_500 },
    );
  });

  it('renderTemplate, evaluate and evaluateCondition throw nothing but ExpressionError, quickly', () => {
    fc.assert(
      fc.property(fc.oneof(templateLike, anyText), (text) => {
        onlyExpressionErrors(() => renderTemplate(text, scope));
        onlyExpressionErrors(() => evaluate(text, scope));
        onlyExpressionErrors(() => evaluateCondition(text, scope));
        onlyExpressionErrors(() => renderValue({ a: [text] }, scope));
      }),
      { numRuns: 1_500 },
    );
  });

  it('rendering agrees with checking: a template without problems never fails with a syntax or name error', () => {
    fc.assert(
      fc.property(templateLike, (text) => {
        if (checkTemplate(text).length > 0) return;
        try {
          renderTemplate(text, scope);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          expect(['type', 'limit', 'forbidden-property']).toContain(
            (error as ExpressionError).code,
          );
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('member-typed text comes back verbatim, whatever it contains', () => {
    fc.assert(
      fc.property(fc.oneof(templateLike, anyText), (content) => {
        const data: Scope = { trigger: { content }, vars: { secret: 's3cret' } };
        expect(renderTemplate('{{ trigger.content }}', data)).toBe(content);
        expect(renderTemplate('> {{ trigger.content }}', data)).toBe(`> ${content}`);
        expect(renderValue({ text: '{{ trigger.content }}' }, data)).toEqual({ text: content });
      }),
      { numRuns: 500 },
    );
  });
});
