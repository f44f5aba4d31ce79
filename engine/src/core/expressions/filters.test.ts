import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, listFilters, renderTemplate, type Scope } from './index.js';

const scope: Scope = {
  trigger: {
    member: { id: '123456789012345678', username: 'bob' },
    text: '  Hello World  ',
    csv: 'a,b,,c',
    list: [3, 1, 2, 3],
    words: ['pear', 'apple', 'fig'],
    people: [
      { name: 'Cy', score: 2 },
      { name: 'Al', score: 9 },
      { name: 'Bo', score: 5 },
    ],
    options: { user: '42', reason: 'spam' },
    mixed: [1, 'a'],
    winners: [{ id: '1' }, { id: '2' }, { n: 3 }],
  },
  vars: { empty: '', zero: 0, f: false },
  now: '2024-05-01T12:00:00.000Z',
};
const ev = (expression: string): unknown => evaluate(expression, scope);

/** [expression, expected value] — every filter appears at least once. */
const CASES: [string, unknown][] = [
  ['"join discord.gg/abc" | matches("discord\\\\.gg/\\\\w+")', true],
  ['trigger.text | matches("^\\\\s+hello")', true],
  ['"abc" | matches("^b")', false],
  ['trigger.missing | default("none")', 'none'],
  ['null | default(1)', 1],
  ['vars.empty | default("x")', 'x'],
  ['vars.zero | default(5)', 0],
  ['vars.f | default(true)', false],
  ['trigger.member.username | upper', 'BOB'],
  ['"ÉCOLE İ" | lower', 'école i̇'],
  ['trigger.text | trim', 'Hello World'],
  ['"welcome back" | capitalize', 'Welcome back'],
  ['"" | capitalize', ''],
  ['"a long announcement" | truncate(9)', 'a long a…'],
  ['"short" | truncate(9)', 'short'],
  ['"abcdef" | truncate(4, "...")', 'a...'],
  ['"abcdef" | truncate(2, "...")', '..'],
  ['"a-b-c" | replace("-", " ")', 'a b c'],
  ['"a.b" | replace(".", "$&$&")', 'a$&$&b'],
  ['trigger.csv | split(",")', ['a', 'b', '', 'c']],
  ['"héllo" | split("")', ['h', 'é', 'l', 'l', 'o']],
  ['"a b&c/d" | urlencode', 'a%20b%26c%2Fd'],
  ['trigger.text | length', 15],
  ['trigger.list | length', 4],
  ['trigger.options | length', 2],
  ['trigger.words | join', 'pear, apple, fig'],
  ['trigger.words | join(" / ")', 'pear / apple / fig'],
  ['[1, null, [2], trigger.missing] | join("|")', '1||[2]|'],
  ['trigger.words | first', 'pear'],
  ['trigger.words | last', 'fig'],
  ['[] | first', undefined],
  ['"xyz" | last', 'z'],
  ['[1, 2, 3, 4] | slice(1, 3)', [2, 3]],
  ['[1, 2, 3, 4] | slice(-2)', [3, 4]],
  ['"abcdef" | slice(2, -1)', 'cde'],
  ['"say help please" | contains("help")', true],
  ['"abc" | contains("z")', false],
  ['trigger.list | contains(2)', true],
  ['trigger.list | contains("2")', false],
  ['trigger.options | contains("reason")', true],
  ['trigger.options | keys', ['user', 'reason']],
  ['trigger.options | values', ['42', 'spam']],
  ['trigger.list | sum', 9],
  ['[] | sum', 0],
  ['trigger.list | min', 1],
  ['trigger.list | max', 3],
  ['[] | max', undefined],
  ['trigger.list | unique', [3, 1, 2]],
  ['trigger.list | reverse', [3, 2, 1, 3]],
  ['"abc" | reverse', 'cba'],
  ['trigger.list | sort', [1, 2, 3, 3]],
  ['trigger.words | sort', ['apple', 'fig', 'pear']],
  ['trigger.people | sort("score") | first', { name: 'Cy', score: 2 }],
  ['trigger.people | sort("name") | last', { name: 'Cy', score: 2 }],
  ['trigger.people | where("score", ">", 4) | pluck("name")', ['Al', 'Bo']],
  ['trigger.people | where("name", "Bo")', [{ name: 'Bo', score: 5 }]],
  ['trigger.people | where("score", "<=", 2) | length', 1],
  ['trigger.people | where("name", "!=", "Al") | pluck("name")', ['Cy', 'Bo']],
  ['trigger.people | where("missing", "<", 3)', []],
  ['trigger.people | pluck("score")', [2, 9, 5]],
  ['trigger.people | pluck("missing")', [undefined, undefined, undefined]],
  ['trigger.words | without(["apple", "x"])', ['pear', 'fig']],
  ['trigger.list | without(3)', [1, 2]],
  ['trigger.people | without([trigger.people[1]]) | pluck("name")', ['Cy', 'Al', 'Bo']],
  ['trigger.winners | without([trigger.winners[1]])', [{ id: '1' }, { n: 3 }]],
  ['2.345 | round(2)', 2.35],
  ['1.005 | round(2)', 1.01],
  ['-2.5 | round', -3],
  ['(-2.5) | round', -3],
  ['2.5 | round', 3],
  ['1234.5678 | round(1)', 1234.6],
  ['2.7 | floor', 2],
  ['2.1 | ceil', 3],
  ['(-5) | abs', 5],
  ['"42" | number', 42],
  ['" -1.5e2 " | number', -150],
  ['"abc" | number(0)', 0],
  ['true | number', 1],
  ['42 | string', '42'],
  ['[1, "a"] | string', '[1,"a"]'],
  ['null | string', ''],
  ['trigger.options | json', '{"user":"42","reason":"spam"}'],
  ['[1] | json(2)', '[\n  1\n]'],
  ['trigger.missing | json', 'null'],
  ['"a\\"b" | json', '"a\\"b"'],
  ['trigger.member.id | mention', '<@123456789012345678>'],
  ['trigger.member | mention', '<@123456789012345678>'],
  ['"42" | mention("role")', '<@&42>'],
  ['"42" | mention("channel")', '<#42>'],
  ['"2024-05-01T18:00:00Z" | timestamp', '<t:1714586400:R>'],
  ['"2024-05-01T18:00:00Z" | timestamp("F")', '<t:1714586400:F>'],
  ['1714586400000 | timestamp("d")', '<t:1714586400:d>'],
  ['"2024-05-01T20:00:00+02:00" | timestamp("t")', '<t:1714586400:t>'],
  ['"2024-05-01" | timestamp("D")', '<t:1714521600:D>'],
  ['7500000 | duration', '2h 5m'],
  ['"P1DT2H" | duration', '1d 2h'],
  ['"90s" | duration', '1m 30s'],
  ['now | plus("7d")', '2024-05-08T12:00:00.000Z'],
  ['now | plus(60000)', '2024-05-01T12:01:00.000Z'],
  ['now | plus("PT1H30M") | timestamp', '<t:1714570200:R>'],
  ['"2024-05-08T00:00:00Z" | minus("1d")', '2024-05-07T00:00:00.000Z'],
  ['now | date', '2024-05-01T12:00:00.000Z'],
  ['now | date("date")', '2024-05-01'],
  ['now | date("time")', '12:00'],
  ['now | date("datetime")', '2024-05-01 12:00'],
  ['now | date("weekday")', 'Wednesday'],
  ['now | date("year")', 2024],
  ['now | date("month")', 5],
  ['now | date("day")', 1],
  ['now | date("hour")', 12],
  ['now | date("minute")', 0],
  ['now | date("second")', 0],
  ['now | date("unix")', 1714564800],
  ['now | date("ms")', 1714564800000],
  ['"2024-05-01 12:00" | date', '2024-05-01T12:00:00.000Z'],
  ['"0050-03-01" | date("date")', '0050-03-01'],
];

/** [expression, message fragment] for the type errors filters raise. */
const ERRORS: [string, string][] = [
  ['"aa" | matches("(a)\\\\1")', 'backreferences'],
  ['"ab" | matches("a(?=b)")', 'lookaround'],
  ['"a" | matches("[a")', 'not a valid pattern'],
  ['5 | matches("a")', 'matches expects text, got number'],
  ['5 | join', 'join expects a list, got number'],
  [
    'trigger.missing | upper',
    'upper expects text, got undefined (add | default("") for missing values)',
  ],
  ['5 | trim', 'trim expects text, got number'],
  ['trigger.list | length | upper', 'upper expects text, got number'],
  ['true | length', 'length expects text, a list or an object, got boolean'],
  ['"x" | join', 'join expects a list, got text'],
  ['"abc" | split(1)', 'split needs the separator as text, got number'],
  ['"abc" | replace("", "x")', 'replace needs a non-empty search text'],
  ['"abc" | truncate(-1)', 'truncate needs the length as a whole number'],
  ['"abc" | number', "number cannot convert 'abc' to a number"],
  ['"" | number', "number cannot convert '' to a number"],
  ['"5" | round', 'round expects a number, got text (convert with | number)'],
  ['1 | round(1.5)', 'round needs the digits as a whole number from 0 to 15, got 1.5'],
  ['trigger.mixed | sum', 'sum expects a list of numbers, found text'],
  ['trigger.mixed | sort', 'sort cannot order a mix of numbers and texts'],
  ['[[1]] | sort', 'sort can only order numbers or texts, got list'],
  ['trigger.list | keys', 'keys expects an object, got list'],
  ['5 | first', 'first expects a list or text, got number'],
  ['[1] | slice("a")', 'slice needs the start as a whole number'],
  ['"abc" | contains(null)', 'contains on text needs text to look for, got null'],
  ['"bob" | mention', 'mention expects a Discord id (digits), got text'],
  ['"42" | mention("everyone")', "mention kind must be user, role or channel, got 'everyone'"],
  [
    '"yesterday" | timestamp',
    "timestamp expects a date (ISO text like 2024-05-01T18:00:00Z, or epoch milliseconds), got 'yesterday'",
  ],
  ['"2024-02-30" | timestamp', 'timestamp expects a date'],
  ['now | timestamp("x")', 'timestamp style must be one of t, T, d, D, f, F, R'],
  ['"soon" | duration', 'duration got an invalid duration'],
  ['now | plus("1 month")', 'months and years have no fixed length'],
  ['now | plus(true)', 'plus expects a duration'],
  ['8.64e15 | plus("1d")', 'plus gives a date out of range'],
  ['now | date("century")', 'date part must be one of iso, date, time'],
  ['[1] | json(9)', 'json needs the indent as a whole number from 0 to 8'],
  ['trigger.people | where("name", ">", 1)', "where cannot compare text with number using '>'"],
  ['trigger.people | where("score", "=", 1)', 'where operator must be one of ==, !=, <, <=, >, >='],
  ['5 | where("a", 1)', 'where expects a list, got number'],
  ['trigger.people | pluck(1)', 'pluck needs the key as text, got number'],
  ['"abc" | without(["a"])', 'without expects a list, got text'],
];

describe('filters', () => {
  it.each(CASES)('%s', (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it.each(ERRORS)('%s fails clearly', (expression, message) => {
    let caught: unknown;
    try {
      ev(expression);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).code).toMatch(/^(type|filter-arguments)$/);
    expect((caught as ExpressionError).message).toContain(message);
  });

  it('covers every filter in these tests and in docs/expressions.md', () => {
    const used = new Set(
      [...CASES, ...ERRORS].flatMap(([expression]) =>
        [...expression.matchAll(/\|\s*(\w+)/g)].map((m) => m[1]),
      ),
    );
    const docs = readFileSync(new URL('../../../../docs/expressions.md', import.meta.url), 'utf8');
    for (const { name, example } of listFilters()) {
      expect(used, name).toContain(name);
      expect(docs, name).toContain(`### \`${name}`);
      expect(example, name).toContain('→');
    }
  });

  it('counts toward the limits: split and join cannot build huge values', () => {
    const big: Scope = {
      trigger: {
        s: 'a,'.repeat(20_000),
        words: Array.from({ length: 9_000 }, () => 'x'.repeat(20)),
      },
    };
    expect(() => evaluate('trigger.s | split(",")', big)).toThrow(/more than 10000 elements/);
    expect(() => evaluate('trigger.words | join', big)).toThrow(/longer than 100000 characters/);
    expect(() => evaluate('trigger.s | replace(",", "0123456789")', big)).toThrow(
      /longer than 100000 characters/,
    );
  });

  it('renders filter results in text', () => {
    expect(
      renderTemplate(
        'Giveaway ends {{ now | plus("7d") | timestamp }} ({{ "7d" | duration }})',
        scope,
      ),
    ).toBe('Giveaway ends <t:1715169600:R> (7d)');
  });
});
