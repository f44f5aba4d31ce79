import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordingActivities, snapshot, withInterpreter } from '../testing/interpreter-harness.js';
import { graph } from '../testing/graph-fixture.js';
import { recordHistory } from '../testing/histories.js';
import type {
  ActionInput,
  GraphRunInput,
  GraphRunResult,
  RunOptions,
  StepLog,
} from './contract.js';
import { graphWorkflow } from './workflows.js';

const sent = { output: (i: ActionInput) => ({ messageId: `m-${i.context.nodeId}` }) };
const pins: RunOptions['pins'] = { send: { output: { messageId: 'pinned-1' }, port: 'out' } };
// The role's reason quotes the message id: the pinned output feeds the nodes after it.
const doc = graph(
  [
    ['t', 'trigger.manual'],
    ['send', 'discord.sendMessage', { channelId: '1', content: 'hello' }],
    [
      'role',
      'discord.addRole',
      { userId: '2', roleId: '3', reason: 'after {{ nodes.send.messageId }}' },
    ],
  ],
  [
    ['t', 'out', 'send'],
    ['send', 'out', 'role'],
  ],
);
const stepOf = (result: GraphRunResult, nodeId: string) =>
  result.steps.find((s: StepLog) => s.nodeId === nodeId);
const reasons = (calls: { input: unknown }[]) =>
  calls.map((c) => (c.input as ActionInput).config.reason);

describe('pinned data in the interpreter', () => {
  it('a simulated run uses a pin instead of executing the node; the nodes after it run on the pinned output', async () => {
    const stubs = recordingActivities({ 'discord.sendMessage': sent, 'discord.addRole': {} });
    const result = await withInterpreter(stubs.activities, async (env) => {
      const handle = await env.start(doc, {}, { simulate: true, pins });
      await recordHistory('pinned-simulated', handle);
      return (await handle.result()) as GraphRunResult;
    });
    expect(stubs.callsOf('discord.sendMessage')).toEqual([]);
    expect(reasons(stubs.callsOf('discord.addRole'))).toEqual(['after pinned-1']);
    expect(stepOf(result, 'send')).toMatchObject({
      status: 'completed',
      port: 'out',
      output: { messageId: 'pinned-1' },
      pinned: true,
    });
    expect(stepOf(result, 'role')?.pinned).toBeUndefined();
  });

  it('a run that is not simulated ignores pins in its input: the action runs', async () => {
    const stubs = recordingActivities({ 'discord.sendMessage': sent, 'discord.addRole': {} });
    const result = await withInterpreter(stubs.activities, (env) => env.run(doc, {}, { pins }));
    expect(stubs.callsOf('discord.sendMessage')).toHaveLength(1);
    expect(reasons(stubs.callsOf('discord.addRole'))).toEqual(['after m-send']);
    expect(stepOf(result, 'send')).toMatchObject({
      status: 'completed',
      output: { messageId: 'm-send' },
    });
    expect(stepOf(result, 'send')?.pinned).toBeUndefined();
  });

  it('a run stamped by interpreter 2 ignores pins even when simulated (it replays as it ran)', async () => {
    const stubs = recordingActivities({ 'discord.sendMessage': sent, 'discord.addRole': {} });
    await withInterpreter(stubs.activities, async (env) => {
      const input: GraphRunInput = {
        graph: snapshot(doc),
        trigger: { type: 'trigger.manual', payload: {} },
        options: { simulate: true, pins },
        interpreterVersion: 2,
      };
      const handle = await env.client.workflow.start(graphWorkflow, {
        taskQueue: env.taskQueue,
        workflowId: `run-${randomUUID()}`,
        args: [input],
      });
      await handle.result();
    });
    expect(stubs.callsOf('discord.sendMessage')).toHaveLength(1);
  });

  it('a pin on the error port takes the error edge', async () => {
    const withErrorEdge = graph(
      [
        ['t', 'trigger.manual'],
        ['send', 'discord.sendMessage', { channelId: '1', content: 'hello' }],
        [
          'report',
          'discord.addRole',
          { userId: '2', roleId: '3', reason: '{{ nodes.send.error.code }}' },
        ],
      ],
      [
        ['t', 'out', 'send'],
        ['send', 'error', 'report'],
      ],
    );
    const stubs = recordingActivities({ 'discord.sendMessage': sent, 'discord.addRole': {} });
    const error = { error: { code: 'MissingPermissions', message: 'no', retryable: false } };
    const result = await withInterpreter(stubs.activities, (env) =>
      env.run(
        withErrorEdge,
        {},
        { simulate: true, pins: { send: { output: error, port: 'error' } } },
      ),
    );
    expect(stubs.callsOf('discord.sendMessage')).toEqual([]);
    expect(reasons(stubs.callsOf('discord.addRole'))).toEqual(['MissingPermissions']);
    expect(stepOf(result, 'send')).toMatchObject({
      status: 'completed',
      port: 'error',
      pinned: true,
    });
  });

  it('a child run (flow.runGraph) does not inherit the parent’s pins', async () => {
    const child = graph(
      [
        ['t', 'trigger.manual'],
        ['send', 'discord.sendMessage', { channelId: '1', content: 'child' }],
      ],
      [['t', 'out', 'send']],
    );
    const parent = graph(
      [
        ['t', 'trigger.manual'],
        ['sub', 'flow.runGraph', { graphId: 'child-graph' }],
      ],
      [['t', 'out', 'sub']],
    );
    const stubs = recordingActivities(
      { 'discord.sendMessage': sent },
      {
        graphs: {
          'child-graph': {
            graphId: 'child-graph',
            guildId: 'guild-test',
            version: 1,
            document: child,
          },
        },
      },
    );
    await withInterpreter(stubs.activities, (env) => env.run(parent, {}, { simulate: true, pins }));
    expect(stubs.callsOf('discord.sendMessage')).toHaveLength(1);
  });
});
