/**
 * System under test: the gateway (`startGateway`, as connectors/discord/src/main.ts runs it)
 * connected to the sandbox, routing events to runs on the bench's task queue.
 */
import { startGateway } from '@guildflow/discord';
import { connectStore } from '@guildflow/engine/service';
import { Client, Connection } from '@temporalio/client';
import { failStartup, serveBench, sutConfig } from './protocol.js';

/** What the bench hands the gateway. */
export interface GatewaySutConfig {
  temporalAddress: string;
  mongoUri: string;
  taskQueue: string;
  token: string;
  apiUrl: string;
}

async function main(): Promise<void> {
  const config = sutConfig<GatewaySutConfig>();
  const mongo = connectStore(config.mongoUri);
  await mongo.asPromise();
  const connection = await Connection.connect({ address: config.temporalAddress });
  const gateway = await startGateway({
    token: config.token,
    apiUrl: config.apiUrl,
    mongo,
    temporal: { connection, client: new Client({ connection }) },
    taskQueue: config.taskQueue,
    simulate: true,
    syncIntervalMs: 250,
  });
  serveBench(
    { graphs: gateway.index.size },
    {
      // Publishing reaches every gateway within a poll; the bench waits for it explicitly.
      refresh: async () => {
        await gateway.sync.refresh();
        return gateway.index.size;
      },
      stats: () => {
        const cpu = process.cpuUsage();
        return {
          rssMb: process.memoryUsage().rss / 2 ** 20,
          cpuUserUs: cpu.user,
          cpuSystemUs: cpu.system,
          shed: gateway.admission?.shedTotal ?? 0,
        };
      },
      stop: () =>
        void gateway
          .stop()
          .finally(() => Promise.allSettled([mongo.close(), connection.close()]))
          .finally(() => process.exit(0)),
    },
  );
}

main().catch(failStartup);
