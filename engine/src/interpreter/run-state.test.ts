import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../core/index.js';
import { RunState, type NodeRun } from './run-state.js';

type Edge = [source: string, port: string, target: string];

function graph(types: Record<string, string>, edges: Edge[]): GraphDocument {
  return {
    schemaVersion: 1,
    name: 'test',
    nodes: Object.entries(types).map(([id, type]) => ({
      id,
      type,
      position: { x: 0, y: 0 },
      config: {},
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({
      id: `e${i}`,
      source,
      sourceHandle,
      target,
    })),
    vars: {},
  } as GraphDocument;
}

/** Drives a state to the end: `decide` picks each node's ports; returns the order nodes ran in. */
function drive(
  state: RunState,
  decide: (run: NodeRun) => string[] | { loop: unknown[] } = () => ['out'],
): string[] {
  const ran: string[] = [];
  for (let guard = 0; guard < 10_000 && !state.finished; guard += 1) {
    const runs = state.takeQueue();
    if (runs.length === 0) throw new Error('stuck: nothing queued but not finished');
    for (const run of runs) {
      ran.push(
        run.nodeId + (state.iterationOf(run.frameId) ? `@${state.iterationOf(run.frameId)}` : ''),
      );
      state.steps.begin(run.seq, run.nodeId, state.iterationOf(run.frameId));
      const decision = decide(run);
      if (Array.isArray(decision))
        state.complete(run, decision, { from: run.nodeId, item: state.itemFor(run.frameId) });
      else state.startLoop(run, decision.loop);
    }
  }
  return ran;
}

describe('RunState', () => {
  it('runs a chain in order and finishes', () => {
    const doc = graph({ t: 'trigger.manual', a: 'discord.sendMessage', b: 'discord.addRole' }, [
      ['t', 'out', 'a'],
      ['a', 'out', 'b'],
    ]);
    const state = RunState.start(doc, 't');
    expect(drive(state)).toEqual(['t', 'a', 'b']);
    expect(state.outputsFor('')).toHaveProperty('b');
  });

  it('skips the branch not taken and marks its nodes skipped', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        if: 'flow.if',
        yes: 'discord.sendMessage',
        no: 'discord.kickMember',
        after: 'discord.addRole',
      },
      [
        ['t', 'out', 'if'],
        ['if', 'true', 'yes'],
        ['if', 'false', 'no'],
        ['no', 'out', 'after'],
      ],
    );
    const state = RunState.start(doc, 't');
    expect(drive(state, (run) => (run.nodeId === 'if' ? ['true'] : ['out']))).toEqual([
      't',
      'if',
      'yes',
    ]);
    const skipped = state.steps
      .list()
      .filter((s) => s.status === 'skipped')
      .map((s) => s.nodeId);
    expect(skipped).toEqual(['no', 'after']);
  });

  it('fires a join once when every input resolved, with the active inputs only', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        a: 'discord.sendMessage',
        b: 'discord.addRole',
        if: 'flow.if',
        c: 'discord.kickMember',
        j: 'flow.join',
        end: 'discord.reply',
      },
      [
        ['t', 'out', 'a'],
        ['t', 'out', 'b'],
        ['t', 'out', 'if'],
        ['if', 'true', 'c'],
        ['a', 'out', 'j'],
        ['b', 'out', 'j'],
        ['c', 'out', 'j'],
        ['j', 'out', 'end'],
      ],
    );
    const state = RunState.start(doc, 't');
    let joinInputs: unknown;
    const ran = drive(state, (run) => {
      if (run.nodeId === 'j') joinInputs = run.joinInputs;
      return run.nodeId === 'if' ? ['false'] : ['out'];
    });
    expect(ran.filter((n) => n === 'j')).toHaveLength(1);
    expect(ran.at(-1)).toBe('end');
    expect(Object.keys(joinInputs as object).sort()).toEqual(['a', 'b']);
  });

  it('skips a join whose inputs were all skipped, and what follows it', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        if: 'flow.if',
        a: 'discord.sendMessage',
        j: 'flow.join',
        end: 'discord.reply',
      },
      [
        ['t', 'out', 'if'],
        ['if', 'true', 'a'],
        ['a', 'out', 'j'],
        ['j', 'out', 'end'],
      ],
    );
    const state = RunState.start(doc, 't');
    expect(drive(state, (run) => (run.nodeId === 'if' ? ['false'] : ['out']))).toEqual(['t', 'if']);
    expect(
      state.steps
        .list()
        .filter((s) => s.status === 'skipped')
        .map((s) => s.nodeId),
    ).toEqual(['a', 'j', 'end']);
  });

  it('takes only the error port after a failure', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        a: 'discord.sendMessage',
        ok: 'discord.addRole',
        bad: 'discord.reply',
      },
      [
        ['t', 'out', 'a'],
        ['a', 'out', 'ok'],
        ['a', 'error', 'bad'],
      ],
    );
    const state = RunState.start(doc, 't');
    expect(drive(state, (run) => (run.nodeId === 'a' ? ['error'] : ['out']))).toEqual([
      't',
      'a',
      'bad',
    ]);
  });

  it('iterates a loop body once per item with the item in scope, then takes done', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        each: 'flow.forEach',
        body: 'discord.sendMessage',
        body2: 'discord.addRole',
        done: 'discord.reply',
      },
      [
        ['t', 'out', 'each'],
        ['each', 'item', 'body'],
        ['body', 'out', 'body2'],
        ['each', 'done', 'done'],
      ],
    );
    const state = RunState.start(doc, 't');
    const items: unknown[] = [];
    const ran = drive(state, (run) => {
      if (run.nodeId === 'each') return { loop: ['x', 'y', 'z'] };
      if (run.nodeId === 'body2') items.push(state.itemFor(run.frameId));
      return ['out'];
    });
    expect(ran).toEqual([
      't',
      'each',
      'body@each#0',
      'body2@each#0',
      'body@each#1',
      'body2@each#1',
      'body@each#2',
      'body2@each#2',
      'done',
    ]);
    expect(items).toEqual(['x', 'y', 'z']);
    expect(state.outputsFor('')).toMatchObject({ each: { count: 3 } });
    expect(state.steps.list().some((s) => s.status === 'skipped')).toBe(false);
  });

  it('an empty loop goes straight to done', () => {
    const doc = graph(
      {
        t: 'trigger.manual',
        each: 'flow.forEach',
        body: 'discord.sendMessage',
        done: 'discord.reply',
      },
      [
        ['t', 'out', 'each'],
        ['each', 'item', 'body'],
        ['each', 'done', 'done'],
      ],
    );
    const state = RunState.start(doc, 't');
    expect(drive(state, (run) => (run.nodeId === 'each' ? { loop: [] } : ['out']))).toEqual([
      't',
      'each',
      'done',
    ]);
  });

  it('survives a save/restore round trip mid-run (continue-as-new)', () => {
    const doc = graph({ t: 'trigger.manual', a: 'discord.sendMessage', b: 'discord.addRole' }, [
      ['t', 'out', 'a'],
      ['a', 'out', 'b'],
    ]);
    const first = RunState.start(doc, 't', { counter: 1 });
    const [trigger] = first.takeQueue();
    first.complete(trigger as NodeRun, ['out'], { hello: 'world' });
    const [pending] = first.takeQueue();
    first.requeue(pending as NodeRun);
    const restored = RunState.restore(doc, JSON.parse(JSON.stringify(first.save())));
    expect(restored.vars).toEqual({ counter: 1 });
    expect(drive(restored)).toEqual(['a', 'b']);
    expect(restored.outputsFor('')).toMatchObject({ t: { hello: 'world' } });
  });
});

describe('RunState vars', () => {
  it('keeps only own, non-reserved names of the graph vars (a bypassed __proto__ never becomes a key)', () => {
    const doc = graph({ t: 'trigger.manual' }, []);
    const vars = JSON.parse(
      '{ "__proto__": { "polluted": "yes" }, "constructor": 1, "name": "ann" }',
    ) as Record<string, unknown>;
    const state = RunState.start(doc, 't', vars);
    expect(Object.keys(state.vars)).toEqual(['name']);
    expect(Object.getPrototypeOf(state.vars)).toBe(Object.prototype);
    expect(Object.hasOwn(state.vars, '__proto__')).toBe(false);
    expect(state.save().vars).toEqual({ name: 'ann' });
  });
});
