import { describe, expect, it } from 'vitest';
import { checkTemplate, evaluate, ExpressionError, renderTemplate, type Scope } from './index.js';

const scope: Scope = {
  trigger: {
    name: 'bob',
    n: 41,
    s: '5',
    list: [10, 20, 30],
    map: { 'a-b': 1, '2': 'two' },
    nested: [{ id: 'x' }],
  },
  vars: { a: 'ann', b: 'bob', key: 'a-b', idx: 1, t: true, f: false, zero: 0 },
  nodes: {},
};
const ev = (expression: string): unknown => evaluate(expression, scope);
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('literals and paths', () => {
  it('reads literals', () => {
    expect(ev('"double"')).toBe('double');
    expect(ev("'single'")).toBe('single');
    expect(ev('"line\\nbreak"')).toBe('line\nbreak');
    expect(ev('12.5')).toBe(12.5);
    expect(ev('true')).toBe(true);
    expect(ev('null')).toBeNull();
    expect(ev('[1, "a", [true]]')).toEqual([1, 'a', [true]]);
  });

  it('reads .name and [index] paths with literal and computed keys', () => {
    expect(ev('trigger.name')).toBe('bob');
    expect(ev('trigger["name"]')).toBe('bob');
    expect(ev('trigger.list[1]')).toBe(20);
    expect(ev('trigger.list[vars.idx + 1]')).toBe(30);
    expect(ev('trigger.map[vars.key]')).toBe(1);
    expect(ev('trigger.map[2]')).toBe('two');
    expect(ev('trigger.nested[0].id')).toBe('x');
    expect(ev('trigger?.nested?.[0]?.id')).toBe('x');
  });

  it('reads .length of texts and lists, and indexes texts', () => {
    expect(ev('trigger.name.length')).toBe(3);
    expect(ev('trigger.list.length')).toBe(3);
    expect(ev('trigger.list["length"]')).toBe(3);
    expect(ev('trigger.name[0]')).toBe('b');
  });

  it('evaluates missing paths to undefined without throwing', () => {
    expect(ev('trigger.missing')).toBeUndefined();
    expect(ev('trigger.missing.deeper.still')).toBeUndefined();
    expect(ev('trigger.list[99]')).toBeUndefined();
    expect(ev('trigger.list[-1]')).toBeUndefined();
    expect(ev('trigger.list[1.5]')).toBeUndefined();
    expect(ev('trigger.name.missing')).toBeUndefined();
    expect(ev('trigger.map[trigger.missing]')).toBeUndefined();
    expect(ev('item.anything')).toBeUndefined();
    expect(ev('trigger.missing | default("fallback")')).toBe('fallback');
  });

  it('rejects non-text, non-number indexes', () => {
    expect(codeOf(() => ev('trigger.list[[0]]'))).toBe('type');
    expect(codeOf(() => ev('trigger.list[true]'))).toBe('type');
  });
});

describe('operators', () => {
  it('does arithmetic, with + concatenating when either side is text', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('7 % 4 - 10 / 4')).toBe(0.5);
    expect(ev('-trigger.n')).toBe(-41);
    expect(ev('"n=" + trigger.n')).toBe('n=41');
    expect(ev('trigger.n + "!"')).toBe('41!');
    expect(ev('"a" + null + trigger.missing')).toBe('a');
    expect(ev('"l" + trigger.list')).toBe('l[10,20,30]');
    expect(ev('[1] + [2]')).toEqual([1, 2]);
  });

  it('rejects arithmetic on the wrong types with clear errors', () => {
    expect(() => ev('trigger.missing + 1')).toThrow(
      /'\+' cannot add undefined and number \(use \| default\(0\)/,
    );
    expect(() => ev('trigger.s * 2')).toThrow(
      /'\*' needs two numbers, got text and number \(convert text with \| number\)/,
    );
    expect(() => ev('1 / vars.zero')).toThrow(/division by zero/);
    expect(codeOf(() => ev('5 % 0'))).toBe('type');
    expect(codeOf(() => ev('-trigger.name'))).toBe('type');
    expect(codeOf(() => ev('true + 1'))).toBe('type');
  });

  it('compares strictly', () => {
    expect(ev('trigger.s == 5')).toBe(false);
    expect(ev('trigger.s == "5"')).toBe(true);
    expect(ev('trigger.s != 5')).toBe(true);
    expect(ev('trigger.n === 41 && trigger.n !== 42')).toBe(true);
    expect(ev('null == trigger.missing')).toBe(false);
    expect(ev('[1] == [1]')).toBe(false);
    expect(ev('trigger.n >= 41 && trigger.n < 42 && "abc" < "abd" && "B" < "a"')).toBe(true);
    expect(ev('trigger.missing > 1')).toBe(false);
    expect(() => ev('trigger.s > 1')).toThrow(/cannot compare text with number/);
  });

  it('has && || ! and the words and, or, not', () => {
    expect(ev('vars.t && vars.f')).toBe(false);
    expect(ev('vars.f || "fallback"')).toBe('fallback');
    expect(ev('trigger.name && trigger.n')).toBe(41);
    expect(ev('!vars.t')).toBe(false);
    expect(ev('vars.t and not vars.f')).toBe(true);
    expect(ev('vars.f or vars.zero or "x"')).toBe('x');
    expect(ev('trigger.missing ?? "dflt"')).toBe('dflt');
    expect(ev('vars.zero ?? 1')).toBe(0);
  });

  it('short-circuits: the right side of && / || / ?: is not evaluated when not needed', () => {
    expect(ev('vars.f && (1 / vars.zero)')).toBe(false);
    expect(ev('vars.t || (1 / vars.zero)')).toBe(true);
    expect(ev('vars.t ? "yes" : 1 / vars.zero')).toBe('yes');
  });

  it('evaluates ternaries', () => {
    expect(ev('trigger.n > 40 ? "big" : "small"')).toBe('big');
    expect(ev('vars.f ? 1 : vars.t ? 2 : 3')).toBe(2);
  });
});

describe('precedence', () => {
  it('binds filters tighter than every binary operator', () => {
    expect(ev('vars.a + vars.b | upper')).toBe('annBOB');
    expect(ev('(vars.a + vars.b) | upper')).toBe('ANNBOB');
    expect(ev('trigger.name | upper == "BOB"')).toBe(true);
    expect(ev('trigger.list | length * 2')).toBe(6);
    expect(ev('1 + trigger.list | sum')).toBe(61);
    expect(ev('vars.f || trigger.name | upper')).toBe('BOB');
  });

  it('binds filters tighter than prefix operators unless parenthesised', () => {
    expect(ev('-trigger.n | abs')).toBe(-41);
    expect(ev('(-trigger.n) | abs')).toBe(41);
    expect(ev('!trigger.missing | default(true)')).toBe(false);
  });

  it('chains filters left to right', () => {
    expect(ev('" Bob " | trim | lower | length')).toBe(3);
  });

  it('keeps || apart from the filter pipe', () => {
    expect(ev('vars.f||vars.t')).toBe(true);
    expect(ev('vars.a|upper')).toBe('ANN');
  });

  it('uses JavaScript precedence for the rest, and the word not below comparisons', () => {
    expect(ev('1 + 2 == 3 && 2 * 2 == 4')).toBe(true);
    expect(ev('vars.t || vars.f && vars.f')).toBe(true);
    expect(ev('not trigger.n == 40')).toBe(true);
    expect(ev('(not trigger.n) == false')).toBe(true);
    expect(ev('!trigger.n == false')).toBe(true);
    expect(ev('not vars.f and vars.t')).toBe(true);
    expect(ev('not vars.f ? "a" : "b"')).toBe('a');
  });
});

describe('names and unsupported syntax', () => {
  it('rejects unknown root names with the list of roots', () => {
    expect(() => ev('user.name')).toThrow(
      "unknown name 'user'; expressions can read trigger, nodes, vars, item, run, now",
    );
    expect(codeOf(() => ev('undefined'))).toBe('unknown-name');
    expect(codeOf(() => ev('Math'))).toBe('unknown-name');
    expect(() => ev('upper')).toThrow(/'upper' is a filter/);
  });

  it('rejects unknown filters and wrong argument counts', () => {
    expect(codeOf(() => ev('trigger.name | shout'))).toBe('unknown-filter');
    expect(codeOf(() => ev('trigger.name | constructor'))).toBe('unknown-filter');
    expect(() => ev('trigger.name | replace("a")')).toThrow(
      /takes 2 argument\(s\), got 1: replace\(search, replacement\)/,
    );
    expect(codeOf(() => ev('trigger.name | upper(1)'))).toBe('filter-arguments');
    expect(ev('trigger.name | upper()')).toBe('BOB');
    expect(codeOf(() => ev('trigger.name | 1'))).toBe('syntax');
    expect(codeOf(() => ev('trigger.name | trigger.x'))).toBe('syntax');
  });

  it('rejects calls, this, compound and sequence expressions, assignment and bitwise operators', () => {
    const cases: Record<string, string> = {
      'upper(trigger.name)': 'unsupported',
      'trigger.name.toUpperCase()': 'unsupported',
      'trigger.fn()': 'unsupported',
      '(trigger)()': 'unsupported',
      this: 'unsupported',
      'trigger.a trigger.b': 'syntax',
      'trigger.a; trigger.b': 'unsupported',
      '(trigger.a, trigger.b)': 'unsupported',
      'trigger.a = 1': 'unsupported',
      'trigger.n & 1': 'unsupported',
      'trigger.n ^ 1': 'unsupported',
      '~trigger.n': 'unsupported',
      'trigger.n << 1': 'unsupported',
      'trigger.n >> 1': 'unsupported',
      'trigger.n ** 2': 'unsupported',
      '() => 1': 'unsupported',
      '`x`': 'unsupported',
      '[1,,2]': 'syntax',
      '()': 'syntax',
      'trigger.': 'syntax',
      '"unclosed': 'syntax',
    };
    for (const [expression, code] of Object.entries(cases))
      expect([expression, codeOf(() => ev(expression))]).toEqual([expression, code]);
  });

  it('reports positions of syntax errors within the template', () => {
    const [problem] = checkTemplate('Hello {{ trigger.a + }}');
    expect(problem?.code).toBe('syntax');
    expect(problem?.position).toBeGreaterThanOrEqual(8);
    expect(problem?.message).toContain('{{ trigger.a + }}');
  });

  it('keeps evaluation deterministic: same input, same output', () => {
    const template = '{{ trigger.list | sort | reverse | join("-") }} {{ trigger.map | keys }}';
    expect(renderTemplate(template, scope)).toBe(renderTemplate(template, scope));
  });
});
