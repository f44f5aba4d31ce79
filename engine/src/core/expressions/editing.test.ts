import { describe, expect, it } from 'vitest';
import { expressionContextAt, expressionSpans, templatePath } from './editing.js';

/** The context at the `|` marker (removed from the text). */
function at(marked: string, mode: 'template' | 'condition' = 'template') {
  const offset = marked.indexOf('‸');
  return expressionContextAt(marked.replace('‸', ''), offset, mode);
}

describe('expressionSpans', () => {
  it('finds each {{ }} with the engine’s scanner (quotes hide braces), and an unclosed one', () => {
    expect(expressionSpans('Hi {{ a }} and {{ "}}" }}!')).toEqual([
      { from: 3, to: 10, closed: true },
      { from: 15, to: 25, closed: true },
    ]);
    expect(expressionSpans('x {{ a }} {{ b')).toEqual([
      { from: 2, to: 9, closed: true },
      { from: 10, to: 14, closed: false },
    ]);
    expect(expressionSpans('no expressions')).toEqual([]);
  });
});

describe('expressionContextAt', () => {
  it('is nothing in plain text or inside a string literal', () => {
    expect(at('Hello ‸{{ a }}')).toEqual({ kind: 'none' });
    expect(at('{{ "tri‸" }}')).toEqual({ kind: 'none' });
    expect(at('{{ a }} ‸')).toEqual({ kind: 'none' });
  });

  it('completes a root at the start of an operand', () => {
    expect(at('{{ ‸ }}')).toEqual({ kind: 'root', prefix: '', from: 3 });
    expect(at('Hi {{ tri‸ }}')).toEqual({ kind: 'root', prefix: 'tri', from: 6 });
    expect(at('{{ a + no‸')).toEqual({ kind: 'root', prefix: 'no', from: 7 });
    expect(at('{{ a and v‸ }}')).toEqual({ kind: 'root', prefix: 'v', from: 9 });
    expect(at('{{ x | default(va‸) }}')).toEqual({ kind: 'root', prefix: 'va', from: 15 });
  });

  it('completes members along a path, with brackets and indexes', () => {
    expect(at('{{ trigger.me‸ }}')).toEqual({
      kind: 'member',
      path: ['trigger'],
      prefix: 'me',
      from: 11,
      dot: 10,
    });
    expect(at('{{ nodes["greet"].‸')).toMatchObject({
      kind: 'member',
      path: ['nodes', 'greet'],
      prefix: '',
    });
    expect(at('{{ nodes.pick.picked[0].‸ }}')).toMatchObject({
      kind: 'member',
      path: ['nodes', 'pick', 'picked', 0],
    });
    expect(at('{{ trigger?.member.‸ }}')).toMatchObject({ path: ['trigger', 'member'] });
    expect(at('{{ (a).‸ }}')).toEqual({ kind: 'none' });
    expect(at('{{ a[vars.x].‸ }}')).toEqual({ kind: 'none' });
  });

  it('completes filters after a pipe, not after ||', () => {
    expect(at('{{ nodes.greet.messageId | up‸ }}')).toEqual({
      kind: 'filter',
      prefix: 'up',
      from: 27,
    });
    expect(at('{{ a |‸ }}')).toEqual({ kind: 'filter', prefix: '', from: 6 });
    expect(at('{{ a || ‸ }}')).toEqual({ kind: 'root', prefix: '', from: 8 });
  });

  it('reads a bare condition as one expression', () => {
    expect(at('vars.count > ‸', 'condition')).toEqual({ kind: 'root', prefix: '', from: 13 });
    expect(at('trigger.‸', 'condition')).toMatchObject({ kind: 'member', path: ['trigger'] });
    expect(at('{{ vars.‸ }}', 'condition')).toMatchObject({ kind: 'member', path: ['vars'] });
  });

  it('nothing is offered right after a complete operand', () => {
    expect(at('{{ a ‸ }}')).toEqual({ kind: 'none' });
    expect(at('{{ "x" ‸ }}')).toEqual({ kind: 'none' });
  });
});

describe('templatePath', () => {
  it('is the path of a template that is one plain path, else undefined', () => {
    expect(templatePath('{{ nodes.pick.picked }}')).toEqual(['nodes', 'pick', 'picked']);
    expect(templatePath(' {{ nodes["pick"].picked[0] }} ')).toEqual(['nodes', 'pick', 'picked', 0]);
    expect(templatePath('{{ a | upper }}')).toBeUndefined();
    expect(templatePath('x {{ trigger }}')).toBeUndefined();
    expect(templatePath('trigger.member')).toBeUndefined();
  });
});
