/**
 * System under test: the engine service app (`createApp`, built on its dependencies the way
 * server/src/api-main.ts and the service tests build them) listening on a loopback port.
 * The bench's clients talk to it over HTTP; over IPC it only reports memory and CPU.
 */
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import {
  connectStore,
  createApp,
  openStore,
  routerActivation,
  type ServiceDeps,
} from '@guildflow/engine/service';
import { failStartup, serveBench, sutConfig } from './protocol.js';
import { discordBotApi } from '@guildflow/discord';

/** What the bench hands the service. */
export interface ApiSutConfig {
  temporalAddress: string;
  mongoUri: string;
  adminToken: string;
  /** Where runs started through the API go (the bench's worker polls it). */
  taskQueue: string;
  /** Publishing updates the trigger router's collection (the gateway bench needs it). */
  routerActivation?: boolean;
  /** Per-hook webhook rate limit (`false`: off, for the throughput bench). */
  webhookRateLimit?: false;
  /** Serve the built builder UI from this folder (the builder bench). */
  builderDir?: string;
  /** The sandbox's REST API as the bot's (the builder's server list and pickers). */
  sandboxBot?: { apiUrl: string; token: string };
}

/** The answer to the `stats` request. */
export interface ApiStats {
  rssMb: number;
  cpuUserUs: number;
  cpuSystemUs: number;
}

async function main(): Promise<void> {
  const config = sutConfig<ApiSutConfig>();
  const mongo = connectStore(config.mongoUri);
  await mongo.asPromise();
  const connection = await Connection.connect({ address: config.temporalAddress });
  const deps: ServiceDeps = {
    mongo,
    temporal: { connection, client: new Client({ connection, namespace: 'default' }) },
    adminToken: config.adminToken,
    // One key per bench run, shared by its API processes (a hook made by one opens in another).
    secretKey: `bench-secret-key:${config.adminToken}`,
    taskQueue: config.taskQueue,
    // The benches measure the service at full load from one client, not its request limits.
    rateLimits: false,
    ...(config.routerActivation ? { activation: routerActivation(() => openStore(mongo)) } : {}),
    ...(config.webhookRateLimit === false ? { webhookRateLimit: false as const } : {}),
    ...(config.builderDir ? { builderDir: config.builderDir } : {}),
    ...(config.sandboxBot
      ? { discordBot: discordBotApi({ ...config.sandboxBot, kind: 'sandbox' as const }) }
      : {}),
  };
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mongo.close().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(0);
  };
  serveBench(
    { url: `http://127.0.0.1:${port}` },
    {
      stats: (): ApiStats => {
        const cpu = process.cpuUsage();
        return {
          rssMb: process.memoryUsage().rss / 2 ** 20,
          cpuUserUs: cpu.user,
          cpuSystemUs: cpu.system,
        };
      },
      stop: () => void stop(),
    },
  );
}

main().catch(failStartup);
