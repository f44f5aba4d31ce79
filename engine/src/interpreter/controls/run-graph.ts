import { ParentClosePolicy, executeChild, startChild } from '@temporalio/workflow';
import { INTERPRETER_VERSION, runSearchAttributes, type GraphRunInput } from '../contract.js';
import type { ControlHandler } from './types.js';

/**
 * `flow.runGraph`: runs another published graph of the same guild as a child workflow, pinned
 * to the version published when the child starts. With `wait: false` the child is started and
 * left running (it outlives this run).
 */
export const runGraphNode: ControlHandler<'flow.runGraph'> = async (ctx) => {
  const graph = await ctx.engine['engine.loadGraph']({
    guildId: ctx.input.graph.guildId,
    graphId: String(ctx.config.graphId),
  });
  // Pins name this graph's nodes: the child (another graph) never inherits them.
  const { pins: _pins, ...options } = ctx.input.options ?? {};
  const childInput: GraphRunInput = {
    graph,
    trigger: { type: 'flow.runGraph', payload: ctx.config.input ?? {} },
    options,
    // Stamped here, in the child's start arguments, so the child replays with the version it
    // started with whatever code runs it later.
    interpreterVersion: INTERPRETER_VERSION,
  };
  const workflowId = `${ctx.workflowId}/${ctx.node.id}/${ctx.run.seq}`;
  const typedSearchAttributes = runSearchAttributes(graph, 'flow.runGraph');
  if (ctx.config.wait === false) {
    await startChild(ctx.graphWorkflow, {
      args: [childInput],
      workflowId,
      typedSearchAttributes,
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return { ports: ['out'], output: { runId: workflowId } };
  }
  ctx.markWaiting();
  const result = await executeChild(ctx.graphWorkflow, {
    args: [childInput],
    workflowId,
    typedSearchAttributes,
  });
  return { ports: ['out'], output: { runId: workflowId, status: result.status } };
};
