import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  evaluate,
  ExpressionError,
  renderTemplate,
  renderValue,
  type Scope,
} from './index.js';

function failure(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw new Error(`expected an ExpressionError, got ${String(error)}`);
  }
  throw new Error('expected an ExpressionError, got a value');
}

/** Runs `fn`, asserting it fails with an ExpressionError of `code` within `ms` milliseconds. */
function failsFast(fn: () => unknown, code: string, ms = 250): ExpressionError {
  const started = performance.now();
  const error = failure(fn);
  expect(performance.now() - started).toBeLessThan(ms);
  expect(error.code).toBe(code);
  return error;
}

const base = (): Scope => ({
  trigger: { name: 'bob', list: [1, 2, 3], nested: { ok: true } },
  nodes: { x: { out: 1 } },
  vars: { protoKey: '__proto__', ctorKey: 'constructor', protoPart: '__pro' },
});
const ev = (expression: string, scope: Scope = base()): unknown => evaluate(expression, scope);

describe('prototype walks are rejected at check time and at evaluation time', () => {
  const STATIC = [
    'trigger.__proto__',
    'trigger["__proto__"]',
    "trigger['__proto__'].polluted",
    'trigger["__pro" + "to__"]',
    'trigger.constructor.constructor',
    'trigger["constructor"]["constructor"]("return process")()',
    'nodes.x.prototype',
    'trigger.list.constructor',
    '"abc".constructor',
    '[].constructor',
    'trigger.nested[["__proto__"] | first]',
    'constructor',
  ];

  it.each(STATIC)('%s is reported by checkTemplate and throws on render', (expression) => {
    const problems = checkTemplate(`{{ ${expression} }}`);
    expect(problems.map((problem) => problem.code)).toContain('forbidden-property');
    expect(failure(() => renderTemplate(`{{ ${expression} }}`, base())).code).toBe(
      'forbidden-property',
    );
  });

  it('rejects forbidden keys computed from data at evaluation time', () => {
    expect(checkTemplate('{{ trigger[vars.protoKey] }}')).toEqual([]);
    expect(failure(() => ev('trigger[vars.protoKey]')).code).toBe('forbidden-property');
    expect(failure(() => ev('trigger[vars.ctorKey]')).code).toBe('forbidden-property');
    expect(failure(() => ev('trigger[vars.protoPart + "to__"]')).code).toBe('forbidden-property');
    expect(failure(() => ev('trigger.list[vars.ctorKey]')).code).toBe('forbidden-property');
    expect(failure(() => ev('trigger.name[vars.ctorKey]')).code).toBe('forbidden-property');
  });
});

describe('only own data properties are readable', () => {
  it('does not see inherited methods of objects, lists or texts', () => {
    for (const path of [
      'trigger.toString',
      'trigger.hasOwnProperty',
      'trigger.valueOf',
      'trigger.__defineGetter__',
      'trigger.isPrototypeOf',
      'trigger.list.map',
      'trigger.list.push',
      'trigger.list["at"]',
      'trigger.name.toUpperCase',
      'trigger.name["charAt"]',
      'trigger.name.big',
    ]) {
      expect([path, ev(path)]).toEqual([path, undefined]);
    }
  });

  it('is not fooled by an own hasOwnProperty, own functions, or a polluted Object.prototype', () => {
    const scope: Scope = { trigger: { hasOwnProperty: () => true, run: () => 'ran', data: 1 } };
    expect(ev('trigger.hasOwnProperty', scope)).toBeUndefined();
    expect(ev('trigger.run', scope)).toBeUndefined();
    expect(ev('trigger.missing', scope)).toBeUndefined();
    expect(ev('trigger | keys', scope)).toEqual(['data']);
    const proto = Object.prototype as Record<string, unknown>;
    const arrayProto = Array.prototype as unknown as Record<string, unknown>;
    proto.polluted = 'yes';
    arrayProto.extra = 'yes';
    try {
      expect(ev('trigger.polluted')).toBeUndefined();
      expect(ev('trigger.list.extra')).toBeUndefined();
      expect(ev('trigger.nested | contains("polluted")')).toBe(false);
    } finally {
      delete proto.polluted;
      delete arrayProto.extra;
    }
  });

  it('never runs getters, toJSON or other code in the data', () => {
    let calls = 0;
    const hostile = {
      get secret(): string {
        calls++;
        return 'leaked';
      },
      toJSON(): string {
        calls++;
        return 'custom';
      },
      plain: 1,
    };
    const list = [1, 2];
    Object.defineProperty(list, 0, {
      get: () => {
        calls++;
        return 'leaked';
      },
    });
    const scope: Scope = { trigger: { hostile, list } };
    expect(ev('trigger.hostile.secret', scope)).toBeUndefined();
    expect(ev('trigger.hostile | json', scope)).toBe('{"plain":1}');
    expect(renderTemplate('{{ trigger.hostile }}!', scope)).toBe('{"plain":1}!');
    expect(ev('trigger.list[0]', scope)).toBeUndefined();
    expect(ev('trigger.list | join', scope)).toBe(', 2');
    expect(calls).toBe(0);
  });

  it('treats class instances, maps and functions as opaque', () => {
    class Account {
      secret = 'token';
    }
    const scope: Scope = {
      trigger: { account: new Account(), map: new Map([['a', 1]]), fn: () => 1 },
    };
    expect(ev('trigger.account.secret', scope)).toBeUndefined();
    expect(ev('trigger.map.size', scope)).toBeUndefined();
    expect(ev('trigger.fn', scope)).toBeUndefined();
    expect(ev('trigger.fn.call', scope)).toBeUndefined();
    expect(renderTemplate('{{ trigger.account }}|{{ trigger.fn }}', scope)).toBe('null|');
  });

  it('reads null-prototype data objects normally', () => {
    const data = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(ev('trigger.a', { trigger: data })).toBe(1);
  });

  it('cannot reach globals or the host', () => {
    for (const name of [
      'globalThis',
      'process',
      'require',
      'Function',
      'eval',
      'window',
      'Date',
      'JSON',
    ]) {
      expect(failure(() => ev(`${name}`)).code).toBe('unknown-name');
    }
    expect(failure(() => ev('trigger.name | constructor')).code).toBe('unknown-filter');
    expect(failure(() => ev('trigger.name | __proto__')).code).toBe('unknown-filter');
  });
});

describe('bounded parsing', () => {
  it('rejects 10,000 nested parentheses quickly, before the parser recurses', () => {
    const deep = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    failsFast(() => evaluate(deep, {}), 'limit');
    expect(checkTemplate(`{{ ${'('.repeat(5_000)}1${')'.repeat(5_000)} }}`)[0]?.code).toBe('limit');
  });

  it('rejects deep brackets, prefix runs, ternary chains and long operator chains', () => {
    failsFast(() => evaluate(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, {}), 'limit');
    failsFast(() => evaluate(`${'!'.repeat(9_000)}true`, {}), 'limit');
    failsFast(() => evaluate(`${'- '.repeat(4_000)}1`, {}), 'limit');
    failsFast(() => evaluate(`${'not '.repeat(2_000)}true`, {}), 'limit');
    failsFast(() => evaluate(`${'true ? '.repeat(1_000)}1${' : 2'.repeat(1_000)}`, {}), 'limit');
    failsFast(() => evaluate(`trigger${'.a'.repeat(4_000)}`, {}), 'limit');
    failsFast(() => evaluate(`1${' + 1'.repeat(2_000)}`, {}), 'limit');
    failsFast(() => evaluate(`"x"${' | upper'.repeat(1_000)}`, {}), 'limit');
    expect(evaluate(`1${' + 1'.repeat(40)}`, {})).toBe(41);
  });

  it('rejects a 1 MB template without scanning it', () => {
    const huge = `{{ trigger.name }}${'x'.repeat(1_000_000)}`;
    failsFast(() => renderTemplate(huge, base()), 'limit');
    expect(checkTemplate(huge)[0]?.code).toBe('limit');
    failsFast(() => evaluate(`"${'x'.repeat(1_000_000)}"`, {}), 'limit');
  });

  it('limits the number of expressions in a template', () => {
    failsFast(() => renderTemplate('{{ 1 }}'.repeat(101), {}), 'limit');
    expect(renderTemplate('{{ 1 }}'.repeat(100), {})).toBe('1'.repeat(100));
  });
});

describe('bounded evaluation', () => {
  const big = 'x'.repeat(60_000);

  it('limits text growth by concatenation and filters', () => {
    failsFast(() => ev('trigger.s + trigger.s', { trigger: { s: big } }), 'limit');
    failsFast(() => ev('[trigger.s, trigger.s] | join("")', { trigger: { s: big } }), 'limit');
    failsFast(() => ev('trigger.s | replace("x", "xx")', { trigger: { s: big } }), 'limit');
    failsFast(
      () =>
        ev(
          'trigger.s | replace("a", "aaaaaaaaaa") | replace("a", "aaaaaaaaaa") | replace("a", "aaaaaaaaaa")',
          { trigger: { s: 'a'.repeat(5_000) } },
        ),
      'limit',
    );
    failsFast(
      () => renderTemplate('{{ trigger.s }}{{ trigger.s }}', { trigger: { s: big } }),
      'limit',
    );
  });

  it('limits the total text produced in one render', () => {
    const s = 'y'.repeat(90_000);
    const template = `{{ [${Array.from({ length: 20 }, () => 'trigger.s + "!"').join(', ')}] | length }}`;
    failsFast(() => renderTemplate(template, { trigger: { s } }), 'limit');
  });

  it('limits list sizes built by literals and filters', () => {
    const list = Array.from({ length: 6_000 }, (_, i) => i);
    failsFast(() => ev('trigger.list + trigger.list', { trigger: { list } }), 'limit');
    failsFast(() => ev('trigger.s | split("")', { trigger: { s: 'z'.repeat(20_000) } }), 'limit');
    failsFast(
      () =>
        ev('trigger.o | keys', {
          trigger: {
            o: Object.fromEntries(list.concat(list.map((i) => i + 6_000)).map((i) => [`k${i}`, i])),
          },
        }),
      'limit',
    );
  });

  it('limits evaluation steps', () => {
    const list = Array.from({ length: 9_000 }, (_, i) => 9_000 - i);
    const error = failsFast(
      () => ev('trigger.list | sort | reverse | sort | reverse | sort', { trigger: { list } }),
      'limit',
      1_000,
    );
    expect(error.message).toContain('evaluation steps');
    failsFast(
      () =>
        ev(`[${Array.from({ length: 10 }, () => 'trigger.list | sum').join(', ')}]`, {
          trigger: { list },
        }),
      'limit',
    );
  });

  it('bounds json and text conversion of cyclic or deep data', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    failsFast(() => ev('trigger | json', { trigger: cyclic }), 'limit');
    failsFast(() => renderTemplate('x{{ trigger }}', { trigger: cyclic }), 'limit');
    expect(ev('trigger.self.self.self.a', { trigger: cyclic })).toBe(1);
  });

  it('never lets a RangeError or TypeError escape', () => {
    const scope: Scope = { trigger: { lone: '\uD800', big: 8.64e15, date: new Date(Number.NaN) } };
    expect(failure(() => ev('trigger.lone | urlencode', scope)).code).toBe('type');
    expect(failure(() => ev('trigger.big | plus("1w")', scope)).code).toBe('type');
    expect(failure(() => ev('trigger.date | timestamp', scope)).code).toBe('type');
    expect(renderTemplate('{{ trigger.date }}', scope)).toEqual(new Date(Number.NaN));
  });

  it('renders Date values in scope as UTC ISO text, independent of the host time zone', () => {
    expect(
      renderTemplate('at {{ trigger.at }}', {
        trigger: { at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
      }),
    ).toBe('at 2024-01-02T03:04:05.000Z');
  });

  it('applies the same rules inside renderValue', () => {
    expect(failure(() => renderValue({ a: { b: '{{ trigger.__proto__ }}' } }, base())).code).toBe(
      'forbidden-property',
    );
  });
});

describe('every filter costs time linear in what it reads', () => {
  const digits = `${'1'.repeat(90_000)}x`;

  it('number checks the length before its pattern (it was quadratic: 3.5 s on 90,000 digits)', () => {
    const started = performance.now();
    expect(ev('trigger.digits | number(0)', { trigger: { digits } })).toBe(0);
    expect(ev('trigger.digits | number(0)', { trigger: { digits: ` ${'1'.repeat(400)} ` } })).toBe(
      Number('1'.repeat(400)),
    );
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('patterns run on a linear-time engine, whatever the pattern', () => {
    const started = performance.now();
    const text = `${'a'.repeat(5_000)}!`;
    for (const pattern of ['((a+))+$', '(?:(a+))+$', '((a|aa))+$', '(a+)+$'])
      expect(ev(`trigger.text | matches("${pattern}")`, { trigger: { text } })).toBe(false);
    expect(
      ev('trigger.text | matches("^\\\\d+\\\\d+\\\\d+\\\\d+\\\\d+x")', {
        trigger: { text: `${'1'.repeat(5_000)}!` },
      }),
    ).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the text every filter and comparison reads against one render', () => {
    const big = 'b'.repeat(100_000);
    const reads = Array.from({ length: 50 }, () => '(trigger.big | contains("z"))').join(' || ');
    const error = failsFast(() => ev(reads, { trigger: { big } }), 'limit');
    expect(error.message).toContain('reads more than 4000000 characters');
    const compares = Array.from({ length: 50 }, () => 'trigger.big == trigger.big').join(' && ');
    failsFast(() => ev(compares, { trigger: { big } }), 'limit');
    expect(
      ev(Array.from({ length: 30 }, () => '(trigger.big | contains("z"))').join(' || '), {
        trigger: { big },
      }),
    ).toBe(false);
  });
});
