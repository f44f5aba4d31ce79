import { userRef } from '@guildflow/engine/core';
import {
  openStore,
  readRun,
  startRun,
  findVersion,
  snapshotOf,
  type TemporalDeps,
} from '@guildflow/engine/service';
import type { GraphRecord, Store } from '@guildflow/engine/service';
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Connection } from 'mongoose';

/**
 * The built-in `/flow` command, registered for the whole application at gateway start: `run`
 * starts a published graph by name, `list` shows the server's graphs, `status` a run. Only
 * members with Manage Server see it (default permissions), and the handler checks again.
 */
export const FLOW_COMMAND = {
  name: 'flow',
  description: 'Guildflow: run a graph, list graphs, show a run',
  type: 1,
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [0],
  options: [
    {
      type: 1,
      name: 'run',
      description: 'Start a published graph now',
      options: [{ type: 3, name: 'graph', description: 'The graph’s name', required: true }],
    },
    { type: 1, name: 'list', description: 'List this server’s graphs' },
    {
      type: 1,
      name: 'status',
      description: 'Show a run, node by node',
      options: [{ type: 3, name: 'run', description: 'The run id', required: true }],
    },
  ],
} as const;

interface FlowDeps {
  mongo: Connection;
  temporal: TemporalDeps['temporal'];
  taskQueue?: string | undefined;
  simulate?: boolean | undefined;
}

type GraphRow = Pick<
  GraphRecord,
  '_id' | 'name' | 'enabled' | 'publishedVersion' | 'latestVersion'
>;

/**
 * Answers a `/flow` interaction: defers ephemerally at once (Discord's 3 seconds), then edits
 * the reply with the result. Every answer is ephemeral: it is an admin tool.
 *
 * @example
 * if (interaction.commandName === 'flow') await handleFlowCommand(interaction, deps);
 */
export async function handleFlowCommand(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  deps: FlowDeps,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.editReply('You need the Manage Server permission to use /flow.');
    return;
  }
  const store = await openStore(deps.mongo);
  const sub = interaction.options.getSubcommand();
  const answer =
    sub === 'list'
      ? await listGraphs(store, interaction.guildId)
      : sub === 'run'
        ? await runGraph(store, interaction, deps)
        : await runStatus(interaction, deps);
  await interaction.editReply({ content: answer, allowedMentions: { parse: [] } });
}

async function listGraphs(store: Store, guildId: string): Promise<string> {
  const graphs = await store.graphs
    .find({ guildId, deletedAt: null })
    .sort({ name: 1 })
    .limit(50)
    .lean<GraphRow[]>();
  if (graphs.length === 0) return 'This server has no graphs yet. Create one in the builder.';
  return graphs
    .map(
      (g) =>
        `• **${plain(g.name)}** — ${
          g.enabled && g.publishedVersion !== null
            ? `live, version ${g.publishedVersion}`
            : g.publishedVersion !== null
              ? 'disabled'
              : 'draft only'
        }`,
    )
    .join('\n');
}

async function runGraph(
  store: Store,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  deps: FlowDeps,
): Promise<string> {
  const name = interaction.options.getString('graph', true).trim();
  const candidates = await store.graphs
    .find({ guildId: interaction.guildId, deletedAt: null, enabled: true })
    .lean<GraphRow[]>();
  const graph = candidates.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (!graph || graph.publishedVersion === null)
    return `No live graph is called “${plain(name)}”. \`/flow list\` shows the graphs of this server.`;
  const version = await findVersion(store, graph, graph.publishedVersion);
  if (!version) return `Version ${graph.publishedVersion} of “${plain(graph.name)}” is missing.`;
  const snapshot = snapshotOf(version);
  const { runId } = await startRun({
    client: deps.temporal.client,
    taskQueue: deps.taskQueue,
    snapshot,
    trigger: {
      type: 'trigger.manual',
      payload: {
        user: userRef(interaction.user.id, interaction.user.username),
        channelId: interaction.channelId,
      },
    },
    triggerType: 'trigger.manual',
    options: deps.simulate ? { simulate: true } : {},
    // The interaction's id names the run: a retried delivery starts nothing twice.
    workflowId: `flow_${interaction.id}`,
  });
  return `Started **${plain(graph.name)}** version ${version.version}: run \`${runId}\`. \`/flow status run:${runId}\` shows it.`;
}

async function runStatus(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  deps: FlowDeps,
): Promise<string> {
  const runId = interaction.options.getString('run', true).trim();
  try {
    // readRun checks the run belongs to this server: another server's run is "not found".
    const run = await readRun({ temporal: deps.temporal }, interaction.guildId, runId);
    const steps = run.steps
      .slice(-10)
      .map((s) => `• \`${s.nodeId}\` ${s.status}${s.error ? ` — ${plain(s.error.message)}` : ''}`);
    return [`Run \`${run.runId}\` (version ${run.version}): **${run.status}**`, ...steps].join(
      '\n',
    );
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      return `No run \`${plain(runId)}\` in this server.`;
    throw error;
  }
}

/** Names are user text: shown as text, never as markdown or mentions. */
function plain(text: string): string {
  return text.replace(/[\\*_`~|<>@#]/g, (c) => `\\${c}`).slice(0, 200);
}
