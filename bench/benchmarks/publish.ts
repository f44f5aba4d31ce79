/**
 * `publish`: how long publishing takes when the answer waits until the gateway routes by the new
 * version (a `trigger.memberJoined` graph), against a graph no gateway routes (`trigger.manual`,
 * which answers as soon as it is stored) — the difference is what the confirmation adds. Also the
 * idle cost of the confirmation machinery: the gateway's 250 ms trigger poll and 1 s heartbeat,
 * as CPU per second of the gateway and the store while nothing happens.
 *
 * Knobs: BENCH_PUBLISH_COUNT (publishes of each graph), BENCH_PUBLISH_IDLE_SECONDS.
 */
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { SutGroup } from '../lib/child.js';
import { knob } from '../lib/config.js';
import { apiClient } from '../lib/http.js';
import { cpuPer, cpuReading } from '../lib/pace.js';
import { round, summarize, type LatencySummary } from '../lib/stats.js';
import { defineBenchmark, isSkipped, type BenchContext } from '../lib/types.js';
import type { ApiSutConfig } from '../sut/api-process.js';
import type { GatewaySutConfig } from '../sut/gateway-process.js';
import type { SandboxSutInfo } from '../sut/sandbox-process.js';

/** `publish` in results.json. */
export interface PublishResult {
  publishes: number;
  /** A graph the gateway routes: the answer waits for its acknowledgement. */
  routed: LatencySummary;
  /** A manual graph: no gateway to wait for. */
  unrouted: LatencySummary;
  /** routed − unrouted, at p50 and p99 (ms). */
  addedP50Ms: number;
  addedP99Ms: number;
  /** Routed publishes whose answer said `live: true`. */
  live: number;
  /** CPU per second while idle, by process (ms/s). */
  idleCpuMsPerSecond: Record<string, number>;
}

function graphOf(name: string, trigger: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 't', type: trigger, position: { x: 0, y: 0 }, config: {} },
      {
        id: 'say',
        type: 'discord.sendMessage',
        position: { x: 200, y: 0 },
        config: { channelId: SANDBOX_IDS.channels.general, content: 'hi' },
      },
    ],
    edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'say' }],
    vars: {},
  };
}

async function run(ctx: BenchContext): Promise<PublishResult> {
  const count = knob('PUBLISH_COUNT', ctx.quick, 100, 10);
  const idleSeconds = knob('PUBLISH_IDLE_SECONDS', ctx.quick, 20, 3);
  const suts = new SutGroup(ctx.logDir, 'publish');
  const { temporalAddress, mongoUri } = ctx.stack;
  try {
    const sandbox = await suts.start<SandboxSutInfo>('sandbox-process', {});
    const adminToken = 'bench-publish-admin';
    const service = await suts.start<{ url: string }>('api-process', {
      temporalAddress,
      mongoUri,
      adminToken,
      taskQueue: 'bench-publish',
      routerActivation: true,
    } satisfies ApiSutConfig);
    await suts.start('gateway-process', {
      temporalAddress,
      mongoUri,
      taskQueue: 'bench-publish',
      token: sandbox.ready.token,
      apiUrl: sandbox.ready.apiUrl,
    } satisfies GatewaySutConfig);
    const api = apiClient(service.ready.url, adminToken);
    const graphs = `/api/guilds/${sandbox.ready.guildId}/graphs`;
    const idOf = async (doc: unknown) => String((await api('POST', graphs, doc)).body.id);
    const routedId = await idOf(graphOf('Routed', 'trigger.memberJoined'));
    const unroutedId = await idOf(graphOf('Manual', 'trigger.manual'));
    const routed: number[] = [];
    const unrouted: number[] = [];
    let live = 0;
    for (let i = -3; i < count; i++) {
      ctx.progress.update(`publish ${Math.max(0, i)}/${count}`);
      const a = await api('POST', `${graphs}/${routedId}/publish`);
      const b = await api('POST', `${graphs}/${unroutedId}/publish`);
      if (a.status !== 200 || b.status !== 200)
        throw new Error(`publish answered ${a.status}/${b.status}: ${JSON.stringify(a.body)}`);
      if (i < 0) continue; // warm-up
      routed.push(a.ms);
      unrouted.push(b.ms);
      if ((a.body as { routing?: { live?: boolean } }).routing?.live === true) live++;
    }
    ctx.progress.update(`idle for ${idleSeconds} s`);
    const pids = { ...suts.pids(), store: ctx.stack.pids.store };
    const before = cpuReading(pids);
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idle = cpuPer(before, cpuReading(pids), idleSeconds);
    delete idle.loadGenerator;
    const r = summarize(routed);
    const u = summarize(unrouted);
    return {
      publishes: count,
      routed: r,
      unrouted: u,
      addedP50Ms: round(r.p50Ms - u.p50Ms, 1),
      addedP99Ms: round(r.p99Ms - u.p99Ms, 1),
      live,
      idleCpuMsPerSecond: idle,
    };
  } finally {
    await suts.stopAll();
  }
}

/** The `publish` benchmark. */
export const publishBenchmark = defineBenchmark<PublishResult>({
  key: 'publish',
  what: 'publish of a Discord-event graph, answered once the gateway routes by it',
  goal: 'every answer live; added p99 ≤ 500 ms',
  needsStack: true,
  run,
  result: (r) =>
    `added p50 **${round(r.addedP50Ms, 0)} ms**, p99 **${round(r.addedP99Ms, 0)} ms**; ${r.live}/${r.publishes} live`,
  met: (r) => r.live === r.publishes && r.addedP99Ms <= 500,
  explain: (r) =>
    isSkipped(r)
      ? `**publish** — skipped: ${r.skipped}.`
      : `**publish** — the engine service, the gateway (real discord.js on the sandbox) and the store in their own processes; ${r.publishes} sequential publishes of a \`trigger.memberJoined\` graph, whose answer waits until the gateway has applied the new trigger (its 250 ms poll, then its acknowledgement in the store), alternating with publishes of a \`trigger.manual\` graph that answer without waiting. Routed: p50 ${round(r.routed.p50Ms, 0)} ms, p99 ${round(r.routed.p99Ms, 0)} ms; manual: p50 ${round(r.unrouted.p50Ms, 0)} ms, p99 ${round(r.unrouted.p99Ms, 0)} ms; ${r.live} of ${r.publishes} answers said \`live: true\`. Idle cost of the poll and heartbeat, CPU per second: ${Object.entries(
          r.idleCpuMsPerSecond,
        )
          .map(([k, v]) => `${k} ${v} ms`)
          .join(
            ', ',
          )}. The router's per-event cost is unchanged (see \`router\`): matching reads only the in-memory index.`,
});
