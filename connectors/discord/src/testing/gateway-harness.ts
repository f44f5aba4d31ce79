import { startSandbox, type Sandbox } from '@guildflow/discord-sandbox';
import { commandActivation, discordCommandsApi } from '../routing/command-sync.js';
import type { GraphDocument } from '@guildflow/engine/core';
import {
  composeActivation,
  connectStore,
  createStoreActivities,
  openStore,
  routerActivation,
  type ServiceDeps,
} from '@guildflow/engine/service';
import {
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { startGateway, type Gateway, type GatewayOptions } from '../gateway/gateway.js';
import { createDiscordExecutors } from '../registry/create-executors.js';
import { discordBotApi } from '../rest/bot-api.js';
import { createDiscordRest } from '../rest/create-rest.js';

/** Everything a graph published through the API needs to react to sandbox events. */
export interface GatewayHarness {
  sandbox: Sandbox;
  service: TestService;
  worker: TestWorker;
  gateway: Gateway;
  /**
   * Saves and publishes a graph in a sandbox guild (the main one unless `guildId` names another,
   * e.g. `SANDBOX_IDS.otherGuild.id`); the gateway sees it on return.
   */
  publish(doc: GraphDocument, guildId?: string): Promise<{ graphId: string; version: number }>;
  close(): Promise<void>;
}

/**
 * The whole event path on real parts: the sandbox (Discord), a worker with the real Discord
 * executors and store activities, the engine service with the router and slash-command
 * activation hooks, and the gateway (real discord.js) — one database for the file.
 *
 * @example
 * const h = await startGatewayHarness();
 * await h.publish(welcomeGraph);
 * h.sandbox.inject({ type: 'memberJoined', guildId: h.sandbox.guildId, user: { username: 'newbie' } });
 */
export async function startGatewayHarness(
  options: {
    sandbox?: Parameters<typeof startSandbox>[0];
    gateway?: Partial<GatewayOptions>;
    /** The gateway's own store address (e.g. through a proxy that can be taken down). */
    gatewayStoreUri?: (storeUri: string) => string;
    /** More of the service's dependencies, e.g. the builder's folder or the template catalog. */
    service?: Partial<ServiceDeps>;
  } = {},
): Promise<GatewayHarness> {
  const { temporalAddress, mongoUri } = testStack();
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const mongo = await mongoose
    .createConnection(mongoUri, { serverSelectionTimeoutMS: 3000 })
    .asPromise();
  const store = () => openStore(mongo);
  const storeActivities = createStoreActivities(mongoUri);
  const worker = await startTestWorker({
    ...createDiscordExecutors({
      rest: createDiscordRest({ token: sandbox.token, apiUrl: sandbox.apiUrl }),
      applicationId: sandbox.applicationId,
    }),
    ...storeActivities.activities,
  });
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = { connection, client: new Client({ connection }) };
  const service = await startTestService({
    // The sandbox API and the builder's guild data read this sandbox.
    sandboxUrl: sandbox.url,
    discordBot: discordBotApi({ apiUrl: sandbox.apiUrl, token: sandbox.token, kind: 'sandbox' }),
    ...options.service,
    mongo,
    temporal,
    taskQueue: worker.taskQueue,
    activation: composeActivation(
      routerActivation(store),
      commandActivation(
        store,
        discordCommandsApi({
          apiUrl: sandbox.apiUrl,
          token: sandbox.token,
          applicationId: sandbox.applicationId,
        }),
      ),
    ),
  });
  // Like the gateway process: a connection that keeps trying while the store is unreachable.
  const gatewayMongo = options.gatewayStoreUri
    ? connectStore(options.gatewayStoreUri(mongoUri), () => {}, { retryMs: 200 })
    : mongo;
  const gateway = await startGateway({
    token: sandbox.token,
    apiUrl: sandbox.apiUrl,
    mongo: gatewayMongo,
    temporal,
    taskQueue: worker.taskQueue,
    simulate: true,
    ...options.gateway,
  });
  return {
    sandbox,
    service,
    worker,
    gateway,
    async publish(doc, guild = sandbox.guildId) {
      const created = await service.api('POST', `/api/guilds/${guild}/graphs`, { body: doc });
      if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
      const graphId = created.body.id as string;
      const published = await service.api('POST', `/api/guilds/${guild}/graphs/${graphId}/publish`);
      if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
      // Publishing answers once the gateway routes by the new version: no wait needed here.
      if (published.body.routing && published.body.routing.live !== true)
        throw new Error(`publish not confirmed live: ${JSON.stringify(published.body.routing)}`);
      return { graphId, version: published.body.publishedVersion as number };
    },
    async close() {
      await gateway.stop();
      await service.close();
      await worker.stop();
      await storeActivities.close();
      await connection.close();
      if (gatewayMongo !== mongo) await gatewayMongo.close();
      await mongo.close();
      await sandbox.close();
    },
  };
}
