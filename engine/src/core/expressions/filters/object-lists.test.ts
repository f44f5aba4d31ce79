import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, type Scope } from '../index.js';

const ev = (expression: string, scope: Scope = {}): unknown => evaluate(expression, scope);

function failure(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error('expected a failure');
}

describe('where, pluck, without', () => {
  it('where compares exactly as the language operators do', () => {
    const values = [1, 2, 'a', 'b', '1', null, true];
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) {
      for (const left of [...values, undefined]) {
        for (const right of values) {
          const scope: Scope = { vars: { list: [left === undefined ? {} : { v: left }], right } };
          let expected: unknown;
          try {
            expected = ev(`vars.list[0].v ${op} vars.right`, scope);
          } catch (error) {
            expected = error instanceof ExpressionError ? 'error' : error;
          }
          let got: unknown;
          try {
            got =
              (ev(`vars.list | where("v", "${op}", vars.right)`, scope) as unknown[]).length === 1;
          } catch (error) {
            got = error instanceof ExpressionError ? 'error' : error;
          }
          expect(got, `${JSON.stringify(left)} ${op} ${JSON.stringify(right)}`).toBe(expected);
        }
      }
    }
  });

  it('reads properties as element[key] does, never forbidden names', () => {
    const scope: Scope = { vars: { mixed: [{ n: 1 }, 'ab', [7], null, 5] } };
    expect(ev('vars.mixed | pluck("n")', scope)).toEqual([
      1,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(ev('vars.mixed | pluck("length")', scope)).toEqual([
      undefined,
      2,
      1,
      undefined,
      undefined,
    ]);
    expect(ev('vars.mixed | where("n", 1)', scope)).toEqual([{ n: 1 }]);
    for (const key of ['__proto__', 'constructor', 'prototype'])
      for (const expression of [
        'vars.mixed | pluck(vars.key)',
        '[] | pluck(vars.key)',
        'vars.mixed | where(vars.key, 1)',
        'vars.mixed | where(vars.key, "==", 1)',
      ])
        expect(
          failure(() => ev(expression, { vars: { ...scope.vars, key } })).code,
          `${expression} ${key}`,
        ).toBe('forbidden-property');
  });

  it('without: primitives strictly, objects by id when both have one', () => {
    const scope: Scope = {
      vars: {
        winners: [
          { id: '1', name: 'Al' },
          { id: 2, name: 'Bo' },
          { name: 'no id' },
          { id: null, name: 'null id' },
          '1',
          1,
          null,
          [1],
        ],
        remove: [{ id: '1' }, { id: '2' }, 1, null, [1], { name: 'no id' }, { id: null }],
      },
    };
    expect(ev('vars.winners | without(vars.remove)', scope)).toEqual([
      { id: 2, name: 'Bo' },
      { name: 'no id' },
      { id: null, name: 'null id' },
      '1',
      [1],
    ]);
    // A primitive never matches an object, even its id.
    expect(ev('vars.winners | without(["1"]) | length', scope)).toBe(7);
    expect(ev('[1, 2, 1] | without([])', scope)).toEqual([1, 2, 1]);
  });

  it('stays linear: large lists count against the step budget, not quadratic time', () => {
    const n = 9_000;
    const scope: Scope = {
      vars: {
        people: Array.from({ length: n }, (_, i) => ({ id: String(i), pts: i % 10 })),
        ids: Array.from({ length: n }, (_, i) => String(i * 2)),
      },
    };
    const started = Date.now();
    expect(ev('vars.people | where("pts", ">=", 5) | length', scope)).toBe(n / 2);
    expect(ev('vars.people | pluck("id") | without(vars.ids) | length', scope)).toBe(n / 2);
    expect(Date.now() - started).toBeLessThan(2_000);
    const chained = 'vars.people' + ' | where("pts", ">=", 0)'.repeat(30);
    expect(failure(() => ev(chained, scope)).code).toBe('limit');
  });
});
