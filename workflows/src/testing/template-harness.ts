import { randomUUID } from 'node:crypto';
import {
  TriggerIndex,
  TriggerRouter,
  createDiscordExecutors,
  createDiscordRest,
  type RouteResult,
} from '@guildflow/discord';
import { SANDBOX_IDS, startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import type { GraphDocument, RouterEvent } from '@guildflow/engine/core';
import type { GraphRunInput, GraphRunResult, InteractionRef } from '@guildflow/engine/interpreter';
import {
  connectStore,
  createDataExecutors,
  createEngineActivities,
  createStatsExecutor,
  scheduleActivation,
  type ActivationHooks,
} from '@guildflow/engine/service';
import {
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { templateCatalog } from '../index.js';
import { graphWorkflow } from '@guildflow/engine/interpreter/workflows';

/** Worker activities by name (the node type for actions). */
export type Activities = Record<string, (input: never) => Promise<unknown>>;
const GUILD = SANDBOX_IDS.guild;

/**
 * A started run of a template graph.
 *
 * @example
 * const run = await h.start(graph, trigger);
 * expect((await run.result()).status).toBe('completed');
 */
export interface TemplateRun {
  workflowId: string;
  result(): Promise<GraphRunResult>;
}

/** A user as trigger payloads carry them. */
export interface PayloadUser {
  id: string;
  username: string;
  mention: string;
  /** The member's role ids (what the gateway puts in events). */
  roles: string[];
}

/**
 * Everything a template needs to run for real: the Discord sandbox, a worker with the real
 * interpreter, the real Discord executors (pointed at the sandbox) and the engine's store
 * activities (waits, collect windows, data.* and data.stats), and the engine service with the real template
 * catalog — all on one database for the test file.
 *
 * @example
 * const graph = await h.install('welcome', vars);
 * await (await h.start(graph, { type: 'trigger.memberJoined', payload })).result();
 */
export interface TemplateHarness {
  sandbox: Sandbox;
  /** The service (its `store` is the worker's: `enterCollect(service.store, …)` enters a giveaway). */
  service: TestService;
  /**
   * Installs a template in the sandbox guild through the API; returns the main graph's id and
   * draft, and `graphs`: every installed graph (the main one first) by name.
   */
  install(templateId: string, vars: unknown): Promise<InstalledTemplate>;
  /** Starts a run of `doc` directly on Temporal, as the trigger router would (simulate: true). */
  start(
    graph: { graphId: string; doc: GraphDocument },
    trigger: { type: string; payload: unknown },
    options?: { timeScale?: number; interaction?: InteractionRef },
  ): Promise<TemplateRun>;
  /**
   * Injects a slash command into the sandbox and defers it like the router does: ephemerally,
   * unless `defer.ephemeral` is false (the router defers publicly when no reply of the graph is
   * ephemeral).
   */
  slashCommand(
    userId: string,
    name: string,
    options: Record<string, unknown>,
    defer?: { ephemeral?: boolean },
  ): Promise<InteractionRef>;
  /** Injects a click on a button the bot posted and defers it (ephemerally) like the router does. */
  buttonClick(input: {
    userId: string;
    channelId: string;
    messageId: string;
    customId: string;
  }): Promise<InteractionRef>;
  /** Posts a message as the bot through the sandbox's REST API (e.g. a ticket panel). */
  postAsBot(channelId: string, body: Record<string, unknown>): Promise<{ id: string }>;
  /**
   * Routes an event to the runs waiting for it (`flow.waitFor`) and to open collect windows,
   * through the real trigger router (with no trigger graphs: runs are started with `start`).
   */
  route(event: RouterEvent): Promise<RouteResult>;
}

/** One installed graph: its id and draft. */
export interface InstalledGraph {
  graphId: string;
  doc: GraphDocument;
}

/** A template installed through the API: the main graph, and every graph by name. */
export interface InstalledTemplate extends InstalledGraph {
  graphs: Record<string, InstalledGraph>;
}

/** The payload user of a sandbox member (`{ id, username, mention }`). */
export function userOf(id: string, username: string, roles: string[] = []): PayloadUser {
  return { id, username, mention: `<@${id}>`, roles };
}

/**
 * A {@link TemplateHarness} for the calling test file: started before all its tests, the
 * sandbox reset before each, everything stopped after all. Filled in once started. `activities`
 * adds or replaces worker activities (e.g. a stand-in for an executor that does not exist yet).
 * With `schedules`, publishing a `trigger.schedule` graph creates its Temporal Schedule (as the
 * service does), whose runs start on the harness's worker.
 *
 * @example
 * const h = useTemplateHarness();
 * it('greets', async () => { const graph = await h.install('welcome', vars); … });
 */
export function useTemplateHarness(
  options: { activities?: Activities; schedules?: boolean } = {},
): TemplateHarness {
  const h = {} as TemplateHarness;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startTemplateHarness(options.activities ?? {}, options.schedules);
    stop = started.close;
    Object.assign(h, started.harness);
  });
  afterAll(async () => stop?.());
  beforeEach(() => h.sandbox.reset());
  return h;
}

async function startTemplateHarness(
  extra: Activities,
  schedules = false,
): Promise<{ harness: TemplateHarness; close(): Promise<void> }> {
  const { mongoUri } = testStack();
  const sandbox = await startSandbox({ port: 0 });
  const mongo = connectStore(mongoUri);
  await mongo.asPromise();
  let worker: TestWorker | undefined;
  let service: TestService | undefined;
  const close = async () => {
    await service?.close();
    await worker?.stop();
    await mongo.close();
    await sandbox.close();
  };
  try {
    const discord = createDiscordExecutors({
      rest: createDiscordRest({ token: sandbox.token, apiUrl: sandbox.apiUrl }),
      applicationId: sandbox.applicationId,
    });
    worker = await startTestWorker({
      ...discord,
      ...createEngineActivities(mongo),
      ...createDataExecutors(mongo),
      ...createStatsExecutor(mongo),
      ...extra,
    });
    // Publishing a trigger.schedule graph creates its Temporal Schedule (runs on the worker's
    // queue); the hooks need the service's client, so they are made when called.
    const queue = worker.taskQueue;
    const hooks = () =>
      scheduleActivation({
        client: (service as TestService).deps.temporal.client,
        taskQueue: queue,
      });
    const activation: ActivationHooks = {
      activate: (graph, snapshot) => hooks().activate(graph, snapshot),
      deactivate: (graph) => hooks().deactivate(graph),
    };
    service = await startTestService({
      mongo,
      taskQueue: worker.taskQueue,
      templates: templateCatalog,
      ...(schedules ? { activation } : {}),
    });
  } catch (error) {
    await close();
    throw error;
  }
  const api = service;
  const taskQueue = worker.taskQueue;
  const router = new TriggerRouter({
    index: new TriggerIndex(),
    store: async () => api.store,
    client: api.deps.temporal.client,
    taskQueue,
  });

  const defer = async (
    interactionId?: string,
    token?: string,
    ephemeral = true,
  ): Promise<InteractionRef> => {
    if (!interactionId || !token) throw new Error('the sandbox did not create an interaction');
    // What the router does within Discord's 3 seconds, before the run starts.
    const response = await fetch(
      `${sandbox.apiUrl}/v10/interactions/${interactionId}/${token}/callback`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 5, data: ephemeral ? { flags: 64 } : {} }),
      },
    );
    expect(response.status, await response.text()).toBeLessThan(300);
    return { id: interactionId, token };
  };

  const harness: TemplateHarness = {
    sandbox,
    service: api,
    async install(templateId, vars) {
      const answer = await api.api('POST', `/api/guilds/${GUILD}/templates/${templateId}/install`, {
        body: { vars },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.issues).toEqual([]);
      const graphs: Record<string, InstalledGraph> = {};
      for (const { id, name } of answer.body.installed as { id: string; name: string }[]) {
        const saved = await api.api('GET', `/api/guilds/${GUILD}/graphs/${id}`);
        expect(saved.body.issues, name).toEqual([]);
        graphs[name] = { graphId: id, doc: saved.body.draft as GraphDocument };
      }
      return { graphId: answer.body.id as string, doc: answer.body.draft as GraphDocument, graphs };
    },
    async start(graph, trigger, options = {}) {
      const input: GraphRunInput = {
        graph: { graphId: graph.graphId, guildId: GUILD, version: 1, document: graph.doc },
        trigger,
        options: { simulate: true, timeScale: options.timeScale ?? 1 },
        ...(options.interaction ? { interaction: options.interaction } : {}),
      };
      const workflowId = `run-${randomUUID()}`;
      const handle = await api.deps.temporal.client.workflow.start(graphWorkflow, {
        taskQueue,
        workflowId,
        args: [input],
      });
      return { workflowId, result: () => handle.result() as Promise<GraphRunResult> };
    },
    async slashCommand(userId, name, options, deferral = {}) {
      const injected = sandbox.inject({
        type: 'slashCommand',
        guildId: GUILD,
        channelId: SANDBOX_IDS.channels.general,
        userId,
        name,
        options,
      });
      return defer(injected.interactionId, injected.interactionToken, deferral.ephemeral ?? true);
    },
    async buttonClick(input) {
      const injected = sandbox.inject({ type: 'buttonClicked', guildId: GUILD, ...input });
      return defer(injected.interactionId, injected.interactionToken);
    },
    async postAsBot(channelId, body) {
      const response = await fetch(`${sandbox.apiUrl}/v10/channels/${channelId}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bot ${sandbox.token}` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string };
    },
    route: (event) => router.route(event),
  };
  return { harness, close };
}
