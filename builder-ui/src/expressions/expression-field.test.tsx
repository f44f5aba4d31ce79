import {
  CompletionContext,
  currentCompletions,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { forEachDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { scopeAt, type GraphDocument } from '@guildflow/engine/core';
import { cleanup, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { expressionCompletions } from './completion.js';
import { ExpressionField } from './expression-field.js';
import { expressionDiagnostics } from './lint.js';

afterEach(cleanup);

/** trigger.memberJoined → greet (send) → role (add role) → after (reply). */
const doc: GraphDocument = {
  schemaVersion: 1,
  name: 'Welcome',
  nodes: [
    { id: 'start', type: 'trigger.memberJoined', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'greet',
      type: 'discord.sendMessage',
      position: { x: 1, y: 0 },
      config: { channelId: '1', content: 'Hi' },
    },
    {
      id: 'role',
      type: 'discord.addRole',
      position: { x: 2, y: 0 },
      config: { userId: '1', roleId: '2' },
    },
    {
      id: 'after',
      type: 'discord.sendMessage',
      position: { x: 3, y: 0 },
      config: { channelId: '1', content: 'Bye' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'greet' },
    { id: 'e2', source: 'greet', target: 'role' },
    { id: 'e3', source: 'role', target: 'after' },
  ],
  vars: { welcomeChannelId: '' },
};

/** The labels offered at the `‸` in `text` for node `nodeId` (explicit request, like Ctrl+Space). */
function offered(text: string, nodeId = 'role', mode: 'template' | 'condition' = 'template') {
  const at = text.indexOf('‸');
  const state = EditorState.create({ doc: text.replace('‸', '') });
  const source = expressionCompletions(() => scopeAt(doc, nodeId), mode);
  const result = source(new CompletionContext(state, at, true)) as CompletionResult | null;
  return result ? result.options.map((o) => o.label) : [];
}

describe('expression autocomplete', () => {
  it('offers the roots this node can read (no item outside a loop)', () => {
    expect(offered('Hi {{ ‸ }}')).toEqual([
      'trigger',
      'nodes',
      'vars',
      'run',
      'now',
      'true',
      'false',
      'null',
    ]);
  });

  it('offers the outputs of upstream nodes, never of the nodes after this one', () => {
    expect(offered('{{ nodes.‸ }}', 'role')).toEqual(['start', 'greet']);
    expect(offered('{{ nodes.‸ }}', 'greet')).toEqual(['start']);
    expect(offered('{{ nodes.greet.‸ }}', 'role')).toEqual(['messageId', 'channelId']);
    expect(offered('{{ nodes.after.‸ }}', 'role')).toEqual([]);
  });

  it('offers the trigger’s declared output and the graph’s variables', () => {
    expect(offered('{{ trigger.member.‸ }}')).toEqual([
      'id',
      'username',
      'mention',
      'roles',
      'avatarUrl',
      'pending',
    ]);
    expect(offered('{{ trigger.‸ }}')).toEqual(['member', 'guild']);
    expect(offered('{{ vars.‸ }}')).toEqual(['welcomeChannelId']);
  });

  it('offers the filters after a pipe, with signatures and summaries', () => {
    const state = EditorState.create({ doc: '{{ trigger.member.username | }}' });
    const source = expressionCompletions(() => scopeAt(doc, 'role'), 'template');
    const result = source(new CompletionContext(state, 29, true)) as CompletionResult;
    const join = result.options.find((o) => o.label === 'join');
    expect(join?.detail).toBe('join(separator = ", ")');
    expect(String(join?.info)).toMatch(/\w/);
    expect(result.options.map((o) => o.label)).toContain('upper');
    expect(result.options.map((o) => o.label)).toContain('default');
  });

  it('a trigger’s own fields can read vars only', () => {
    expect(offered('{{ ‸ }}', 'start')).toEqual(['vars', 'true', 'false', 'null']);
    expect(offered('{{ trigger.‸ }}', 'start')).toEqual([]);
  });

  it('completes bare conditions', () => {
    expect(offered('trigger.guild.‸', 'role', 'condition')).toEqual(['id', 'name', 'memberCount']);
  });
});

describe('expression diagnostics', () => {
  it('start where the engine says (the expression’s start) and run to the end of its {{ }}', () => {
    const text = 'Hi {{ user.name }} and {{ trigger.member.id }}';
    const [problem] = expressionDiagnostics(text, 'template');
    expect(problem).toMatchObject({ from: 5, to: 18, severity: 'error' });
    expect(problem?.message).toContain("unknown name 'user'");
    expect(expressionDiagnostics('{{ trigger.member.id }}', 'template')).toEqual([]);
  });

  it('point at a syntax error inside the expression', () => {
    const text = 'A {{ vars.x + }} B';
    const [problem] = expressionDiagnostics(text, 'template');
    expect(problem?.message).toMatch(/syntax error/);
    expect(problem?.from).toBeGreaterThan(5);
    expect(problem?.to).toBe(16);
    const unclosed = expressionDiagnostics('Hi {{ trigger', 'template');
    expect(unclosed[0]).toMatchObject({ from: 3, to: 13 });
  });

  it('check a bare condition as validation does, at the condition’s own offsets', () => {
    const [problem] = expressionDiagnostics('vars.count > member', 'condition');
    expect(problem?.message).toContain("unknown name 'member'");
    expect(problem).toMatchObject({ from: 0, to: 19 });
    expect(expressionDiagnostics('vars.count > 3', 'condition')).toEqual([]);
  });
});

function viewOf(container: HTMLElement): EditorView {
  const content = container.querySelector('.cm-content') as HTMLElement;
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  return view;
}

/** Types text at the end the way a keyboard does (CodeMirror's "input.type" event). */
function type(view: EditorView, text: string) {
  const end = view.state.doc.length;
  view.dispatch({
    changes: { from: end, insert: text },
    selection: { anchor: end + text.length },
    userEvent: 'input.type',
  });
}

describe('ExpressionField', () => {
  function Field(props: { initial: string; mode?: 'template' | 'condition'; seen: string[] }) {
    const [value, setValue] = useState(props.initial);
    return (
      <ExpressionField
        id="field"
        mode={props.mode ?? 'template'}
        value={value}
        scope={() => scopeAt(doc, 'role')}
        onChange={(text) => {
          props.seen.push(text);
          setValue(text);
        }}
      />
    );
  }

  it('highlights each {{ }} and reports every edit', () => {
    const seen: string[] = [];
    const { container } = render(<Field initial="Hi {{ trigger.member.mention }}" seen={seen} />);
    expect([...container.querySelectorAll('.gf-expr-brace')].map((e) => e.textContent)).toEqual([
      '{{',
      '}}',
    ]);
    expect(container.querySelector('.gf-expr')?.textContent).toBe(' trigger.member.mention ');
    type(viewOf(container), '!');
    expect(seen).toEqual(['Hi {{ trigger.member.mention }}!']);
  });

  it('shows the completion list while typing a member path', async () => {
    const { container } = render(<Field initial="Welcome {{ trigger.member" seen={[]} />);
    const view = viewOf(container);
    type(view, '.');
    await waitFor(() =>
      // CodeMirror lists them alphabetically.
      expect(currentCompletions(view.state).map((c) => c.label)).toEqual([
        'avatarUrl',
        'id',
        'mention',
        'pending',
        'roles',
        'username',
      ]),
    );
  });

  it('underlines the engine’s problems as you type', async () => {
    const { container } = render(<Field initial="Hi {{ trigger.member.id }}" seen={[]} />);
    const view = viewOf(container);
    view.dispatch({ changes: { from: 6, to: 13, insert: 'user' } }); // {{ user.member.id }}
    await waitFor(() => {
      const found: [number, number, string][] = [];
      forEachDiagnostic(view.state, (d, from, to) => found.push([from, to, d.message]));
      expect(found).toHaveLength(1);
      expect(found[0]?.slice(0, 2)).toEqual([5, 23]);
      expect(found[0]?.[2]).toContain("unknown name 'user'");
    });
  });

  it('typing `{` after `{` opens a whole {{ | }} with the cursor inside', () => {
    const seen: string[] = [];
    const { container } = render(<Field initial="Hi " seen={seen} />);
    const view = viewOf(container);
    view.dispatch({ selection: { anchor: 3 } });
    // What CodeMirror does with typed text: ask the input handlers, in precedence order.
    const typeKey = (text: string) => {
      const at = view.state.selection.main.head;
      const handled = view.state
        .facet(EditorView.inputHandler)
        .some((handler) =>
          handler(view, at, at, text, () =>
            view.state.update({ changes: { from: at, insert: text } }),
          ),
        );
      if (!handled)
        view.dispatch({ changes: { from: at, insert: text }, selection: { anchor: at + 1 } });
    };
    typeKey('{');
    typeKey('{');
    expect(view.state.doc.toString()).toBe('Hi {{  }}');
    expect(view.state.selection.main.head).toBe(6);
  });

  it('a single-line field never takes a newline (pasted text is joined)', () => {
    const seen: string[] = [];
    const { container } = render(<Field initial="a" seen={seen} />);
    type(viewOf(container), '\nb\nc');
    expect(seen.at(-1)).toBe('a b c');
  });

  it('shows a value changed from outside without reporting it back', () => {
    const seen: string[] = [];
    const { container, rerender } = render(
      <ExpressionField id="f" mode="template" value="one" onChange={(t) => seen.push(t)} />,
    );
    rerender(<ExpressionField id="f" mode="template" value="two" onChange={(t) => seen.push(t)} />);
    expect(viewOf(container).state.doc.toString()).toBe('two');
    expect(seen).toEqual([]);
  });
});
