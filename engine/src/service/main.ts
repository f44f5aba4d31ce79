/**
 * The engine service process: connects to MongoDB and Temporal, serves the HTTP API (and the
 * builder) on PORT, and stops cleanly on SIGTERM/SIGINT or when its supervisor is gone.
 */
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { exitWithSupervisor, loadSettings } from '@guildflow/stack';
import { createApp } from './app.js';

const settings = loadSettings(process.cwd());
const adminToken = settings.adminToken;
if (!adminToken) {
  process.stderr.write('GUILDFLOW_ADMIN_TOKEN is not set. Start Guildflow with `npm start`, which creates one, or set it.\n');
  process.exit(1);
}
if (!settings.mongodbUri || !settings.temporalAddress) {
  process.stderr.write('MONGODB_URI and TEMPORAL_ADDRESS must be set. Start Guildflow with `npm start`, which provides both.\n');
  process.exit(1);
}

// Neither connection blocks start-up: while a dependency is down, health says so and the
// routes that need it answer 503.
const mongo = mongoose.createConnection(settings.mongodbUri, { serverSelectionTimeoutMS: 3000 });
mongo.on('error', (error: Error) => process.stderr.write(`mongo: ${error.message}\n`));
const connection = Connection.lazy({ address: settings.temporalAddress });
const client = new Client({ connection, namespace: 'default' });

const app = createApp({
  mongo,
  temporal: { connection, client },
  sandboxUrl: process.env.GUILDFLOW_SANDBOX_URL,
  adminToken,
  storeKind: process.env.GUILDFLOW_STORE_KIND,
});
const server = app.listen(settings.port, () => {
  process.stdout.write(`engine service listening on http://localhost:${settings.port}\n`);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` Port ${settings.port} is taken: set PORT to a free port.` : '';
  process.stderr.write(`engine service could not listen: ${error.message}.${hint}\n`);
  process.exit(1);
});

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mongo.close().catch(() => {});
  await connection.close().catch(() => {});
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void close().finally(() => process.exit(0)));
}
exitWithSupervisor(close);
