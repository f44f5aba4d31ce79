import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  evaluate,
  evaluateCondition,
  ExpressionError,
  isTemplate,
  referencedNodeIds,
  referencesRoot,
  renderTemplate,
  renderValue,
  type Scope,
} from './index.js';

const scope: Scope = {
  trigger: {
    member: { id: '123456789012345678', username: 'bob', mention: '<@123456789012345678>' },
    guild: { id: '9', name: 'Guild', memberCount: 100 },
    message: { content: 'hello' },
    flag: true,
    nothing: null,
    list: [1, 2, 3],
  },
  nodes: { greet: { messageId: 'm1' }, 'pick-1': { picked: ['a', 'b'] } },
  vars: { channelId: '42', secret: 's3cret', limit: 5, empty: '' },
  item: { name: 'first' },
  run: { id: 'run-1', graphId: 'g1', version: 3, startedAt: '2024-05-01T12:00:00.000Z' },
  now: '2024-05-01T12:00:00.000Z',
};

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}

describe('isTemplate', () => {
  it('is true only for text containing {{', () => {
    expect(isTemplate('Hi {{ trigger.member.mention }}')).toBe(true);
    expect(isTemplate('Hi there { not one }')).toBe(false);
  });
});

describe('renderTemplate: types and text', () => {
  it('keeps the type of a lone expression', () => {
    expect(renderTemplate('{{ trigger.guild.memberCount }}', scope)).toBe(100);
    expect(renderTemplate('{{ trigger.flag }}', scope)).toBe(true);
    expect(renderTemplate('{{ trigger.list }}', scope)).toEqual([1, 2, 3]);
    expect(renderTemplate('{{ trigger.member }}', scope)).toEqual(
      (scope.trigger as { member: unknown }).member,
    );
    expect(renderTemplate('{{ trigger.nothing }}', scope)).toBeNull();
    expect(renderTemplate('{{ trigger.missing }}', scope)).toBeUndefined();
  });

  it('allows whitespace around a lone expression', () => {
    expect(renderTemplate('  {{ vars.limit }}\n', scope)).toBe(5);
    expect(renderTemplate('{{vars.limit}}', scope)).toBe(5);
  });

  it('concatenates text and values', () => {
    expect(
      renderTemplate(
        'Welcome {{ trigger.member.mention }}! You are #{{ trigger.guild.memberCount }}.',
        scope,
      ),
    ).toBe('Welcome <@123456789012345678>! You are #100.');
    expect(renderTemplate('{{ vars.limit }}{{ vars.limit }}', scope)).toBe('55');
  });

  it('prints null and undefined as empty text, lists and objects as JSON', () => {
    expect(renderTemplate('[{{ trigger.nothing }}|{{ trigger.missing }}]', scope)).toBe('[|]');
    expect(renderTemplate('list: {{ trigger.list }}', scope)).toBe('list: [1,2,3]');
    expect(renderTemplate('obj: {{ trigger.guild }}', scope)).toBe(
      'obj: {"id":"9","name":"Guild","memberCount":100}',
    );
    expect(renderTemplate('{{ true }} {{ 1.5 }}', scope)).toBe('true 1.5');
  });

  it('returns text without {{ unchanged, however long', () => {
    const long = 'x'.repeat(200_000);
    expect(renderTemplate(long, scope)).toBe(long);
    expect(renderTemplate('a } b }} c', scope)).toBe('a } b }} c');
  });

  it('reads }} inside string literals as text, and offers {{ "{{" }} for literal braces', () => {
    expect(renderTemplate('{{ "}}" }}', scope)).toBe('}}');
    expect(renderTemplate('{{ "{{" }} not a template {{ "}}" }}', scope)).toBe(
      '{{ not a template }}',
    );
  });

  it('reports unclosed and empty expressions', () => {
    expect(errorOf(() => renderTemplate('Hi {{ trigger.member', scope)).code).toBe('syntax');
    expect(errorOf(() => renderTemplate('Hi {{ "unclosed }}', scope)).code).toBe('syntax');
    const empty = errorOf(() => renderTemplate('Hi {{ }}', scope));
    expect(empty.code).toBe('syntax');
    expect(empty.position).toBe(5);
  });

  it('reads every scope root', () => {
    expect(renderTemplate('{{ item.name }}', scope)).toBe('first');
    expect(
      renderTemplate('{{ run.id }}/{{ run.graphId }}/{{ run.version }}/{{ run.startedAt }}', scope),
    ).toBe('run-1/g1/3/2024-05-01T12:00:00.000Z');
    expect(renderTemplate('{{ now }}', scope)).toBe('2024-05-01T12:00:00.000Z');
    expect(renderTemplate('{{ nodes.greet.messageId }}', scope)).toBe('m1');
    expect(renderTemplate('{{ vars.channelId }}', {})).toBeUndefined();
  });
});

describe('member-typed text is data', () => {
  const hostile: Scope = {
    trigger: { message: { content: '{{ vars.secret }}', nested: ['{{ run.id }}'] } },
    vars: { secret: 's3cret' },
    run: { id: 'run-1' },
  };

  it('never re-parses substituted values as templates', () => {
    expect(renderTemplate('{{ trigger.message.content }}', hostile)).toBe('{{ vars.secret }}');
    expect(renderTemplate('You said: {{ trigger.message.content }}', hostile)).toBe(
      'You said: {{ vars.secret }}',
    );
    expect(renderTemplate('{{ trigger.message.content | upper }}', hostile)).toBe(
      '{{ VARS.SECRET }}',
    );
    expect(renderTemplate('{{ trigger.message.nested | join }}', hostile)).toBe('{{ run.id }}');
  });

  it('does not render values that renderValue substituted', () => {
    const rendered = renderValue(
      { content: '{{ trigger.message.content }}', embeds: ['{{ trigger.message }}'] },
      hostile,
    );
    expect(rendered).toEqual({
      content: '{{ vars.secret }}',
      embeds: [{ content: '{{ vars.secret }}', nested: ['{{ run.id }}'] }],
    });
    expect(JSON.stringify(rendered)).not.toContain('s3cret');
    expect(JSON.stringify(rendered)).not.toContain('run-1');
  });
});

describe('renderValue', () => {
  it('renders every string deep inside objects and lists and copies the structure', () => {
    const config = {
      channelId: '{{ vars.channelId }}',
      count: 3,
      embeds: [{ title: 'To {{ trigger.member.username }}', inline: true }],
    };
    const rendered = renderValue(config, scope);
    expect(rendered).toEqual({
      channelId: '42',
      count: 3,
      embeds: [{ title: 'To bob', inline: true }],
    });
    expect(config.channelId).toBe('{{ vars.channelId }}');
  });

  it('leaves skipped fields literal', () => {
    const rendered = renderValue(
      { condition: '{{ vars.limit }}', nested: { keep: '{{ x }}', render: '{{ vars.limit }}' } },
      scope,
      {
        skip: (path) => path[0] === 'condition' || path.join('.') === 'nested.keep',
      },
    );
    expect(rendered).toEqual({
      condition: '{{ vars.limit }}',
      nested: { keep: '{{ x }}', render: 5 },
    });
  });

  it('names the field in errors and bounds the depth it walks', () => {
    const error = errorOf(() => renderValue({ embeds: [{ title: '{{ nope }}' }] }, scope));
    expect(error.code).toBe('unknown-name');
    expect(error.message).toMatch(/^embeds\.0\.title: unknown name 'nope'/);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(errorOf(() => renderValue(deep, scope)).code).toBe('limit');
  });

  it('keeps an own __proto__ key as data without changing the prototype', () => {
    const config = JSON.parse('{"__proto__": {"polluted": "{{ vars.limit }}"}}') as unknown;
    const rendered = renderValue(config, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rendered, '__proto__')?.value).toEqual({ polluted: 5 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkTemplate', () => {
  it('returns every problem with positions, without evaluating', () => {
    const problems = checkTemplate(
      '{{ user.name }} and {{ trigger.a + }} and {{ trigger | nope }} and {{ trigger | join(1, 2) }}',
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      'unknown-name',
      'syntax',
      'unknown-filter',
      'filter-arguments',
    ]);
    expect(problems[0]).toMatchObject({ position: 2 });
    expect(problems[0]?.message).toContain(
      "unknown name 'user'; expressions can read trigger, nodes, vars, item, run, now",
    );
  });

  it('reports several unknown names in one expression', () => {
    expect(checkTemplate('{{ a + b }}').map((problem) => problem.message.slice(0, 16))).toEqual([
      "unknown name 'a'",
      "unknown name 'b'",
    ]);
  });

  it('is empty for valid templates and plain text', () => {
    expect(
      checkTemplate(
        'Hi {{ trigger.member.mention }}, {{ nodes.greet.messageId | default("none") }}',
      ),
    ).toEqual([]);
    expect(checkTemplate('plain {text}')).toEqual([]);
  });
});

describe('referencedNodeIds and referencesRoot', () => {
  it('finds node ids written with dots and with brackets', () => {
    expect(
      referencedNodeIds(
        '{{ nodes.greet.messageId }} {{ nodes["pick-1"].picked | first }} {{ nodes.greet }}',
      ),
    ).toEqual(['greet', 'pick-1']);
    expect(referencedNodeIds('{{ nodes[vars.dynamic] }} {{ trigger.nodes.x }}')).toEqual([]);
    expect(referencedNodeIds('no template')).toEqual([]);
  });

  it('finds ids in filter arguments and conditions too', () => {
    expect(
      referencedNodeIds(
        '{{ trigger.x | default(nodes.a.value) }} {{ vars.y ? nodes.b : nodes.c }}',
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('finds ids even when another part of the expression is invalid', () => {
    expect(referencedNodeIds('{{ nodes.a.value + unknownThing }}')).toEqual(['a']);
  });

  it('tells whether a root is read', () => {
    expect(referencesRoot('{{ item.name }}', 'item')).toBe(true);
    expect(referencesRoot('{{ trigger.item }}', 'item')).toBe(false);
  });
});

describe('evaluate and evaluateCondition', () => {
  it('evaluates bare expressions', () => {
    expect(evaluate('vars.limit * 2', scope)).toBe(10);
    expect(errorOf(() => evaluate('vars.limit +', scope)).code).toBe('syntax');
  });

  it('accepts conditions bare or in braces', () => {
    expect(evaluateCondition('trigger.guild.memberCount >= 100', scope)).toBe(true);
    expect(evaluateCondition('{{ trigger.guild.memberCount > 100 }}', scope)).toBe(false);
    expect(evaluateCondition('  {{ vars.limit }}  ', scope)).toBe(true);
  });

  it('uses JavaScript truthiness', () => {
    for (const falsy of ['0', '""', 'null', 'trigger.missing', 'false', 'vars.empty'])
      expect(evaluateCondition(falsy, scope)).toBe(false);
    for (const truthy of ['1', '"false"', '[]', 'trigger.member', '"0"'])
      expect(evaluateCondition(truthy, scope)).toBe(true);
  });

  it('rejects empty conditions and text around the braces', () => {
    expect(errorOf(() => evaluateCondition('  ', scope)).code).toBe('syntax');
    expect(errorOf(() => evaluateCondition('{{ vars.limit }} > 1', scope)).message).toContain(
      'single expression',
    );
  });
});
