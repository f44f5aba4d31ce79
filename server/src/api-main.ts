/**
 * The API process (what `npm start` runs as `engine`): connects to MongoDB and Temporal, serves
 * the engine's HTTP API (and the builder) on PORT, and stops cleanly on SIGTERM/SIGINT or when
 * its supervisor is gone. This is where the engine service meets its Discord implementations and
 * the prebuilt templates, so the engine itself imports neither.
 */
import { Client, Connection } from '@temporalio/client';
import { exitWithSupervisor, loadSettings } from '@guildflow/stack';
import {
  botApiFromEnv,
  commandActivation,
  commandsApiFromEnv,
  discordOAuth,
  noCommandsApi,
} from '@guildflow/discord';
import {
  composeActivation,
  connectStore,
  createApp,
  log,
  messageOf,
  openStore,
  reconcileActivations,
  resealWebhookSecrets,
  routerActivation,
  scheduleActivation,
  secretBox,
  startSweeper,
} from '@guildflow/engine/service';
import { templateCatalog } from '@guildflow/workflows';

const settings = loadSettings(process.cwd());
const adminToken = settings.adminToken;
if (!adminToken) {
  process.stderr.write(
    'GUILDFLOW_ADMIN_TOKEN is not set. Start Guildflow with `npm start`, which creates one, or set it.\n',
  );
  process.exit(1);
}
// Webhook secrets are sealed with this key, never with the admin token (a leaked admin token
// must not also open the database's secrets).
const secretKey = settings.secretKey;
if (!secretKey) {
  process.stderr.write(
    'GUILDFLOW_SECRET_KEY is not set. Start Guildflow with `npm start`, which creates one, or set it to a long random value (e.g. `openssl rand -base64 32`) and keep it: changing it makes stored webhook secrets unreadable.\n',
  );
  process.exit(1);
}
if (!settings.mongodbUri || !settings.temporalAddress) {
  process.stderr.write(
    'MONGODB_URI and TEMPORAL_ADDRESS must be set. Start Guildflow with `npm start`, which provides both.\n',
  );
  process.exit(1);
}

// Neither connection blocks start-up: while a dependency is down, health says so and the
// routes that need it answer 503; the store connection keeps retrying until it is up.
const mongo = connectStore(settings.mongodbUri, (error) =>
  log('warn', 'store.unavailable', { error: error.message }),
);
const connection = Connection.lazy({ address: settings.temporalAddress, connectTimeout: '3s' });
const client = new Client({ connection, namespace: 'default' });
// FerretDB cannot expire documents by itself; on MongoDB this only finds what TTL missed so far.
const stopSweeper = startSweeper(
  () => openStore(mongo),
  60_000,
  (error) => log('warn', 'sweeper.skipped', { error: messageOf(error) }),
);

// What publishing updates, in the order docs/architecture.md gives: the trigger router (the gateway polls the
// triggers collection), schedules, slash commands; webhooks need no hook (the hook route reads
// the published version).
const store = () => openStore(mongo);
const activation = composeActivation(
  routerActivation(store),
  scheduleActivation({ client }),
  commandActivation(store, commandsApiFromEnv(process.env) ?? noCommandsApi),
);

const app = createApp({
  activation,
  templates: templateCatalog,
  mongo,
  temporal: { connection, client },
  sandboxUrl: process.env.GUILDFLOW_SANDBOX_URL,
  // The builder's guild list and pickers read Discord (or the sandbox) as the bot.
  discordBot: botApiFromEnv(process.env),
  adminToken,
  storeKind: process.env.GUILDFLOW_STORE_KIND,
  secretKey,
  // The admin token was the key before GUILDFLOW_SECRET_KEY was generated: secrets it sealed
  // still open, and are sealed again with the secret key below.
  legacySecretKeys: [adminToken],
  publicUrl: process.env.GUILDFLOW_PUBLIC_URL || undefined,
  // Hosted sign-in with Discord (authorization code flow) when the application is configured.
  discordOAuth: discordSignIn(),
  stripeWebhookSecret: settings.stripeWebhookSecret,
  // Plans and billing of the hosted service; without STRIPE_SECRET_KEY nothing is limited.
  billing: settings.stripeSecretKey
    ? {
        secretKey: settings.stripeSecretKey,
        apiBase: settings.stripeApiBase,
        prices: settings.stripePrices,
      }
    : undefined,
});

function discordSignIn() {
  const clientId = process.env.DISCORD_CLIENT_ID?.trim();
  const clientSecret = process.env.DISCORD_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) return undefined;
  return discordOAuth({
    clientId,
    clientSecret,
    apiBase: process.env.DISCORD_API_BASE?.trim() || undefined,
  });
}
const server = app.listen(settings.port, () => {
  process.stdout.write(`engine service listening on http://localhost:${settings.port}\n`);
});
// Re-seal the webhook secrets of installs from before the secret key (idempotent; never logs
// a secret, only counts and hook ids).
void store()
  .then((s) => resealWebhookSecrets(s, secretBox(secretKey, [adminToken])))
  .then(({ resealed, unreadable }) => {
    if (resealed > 0) log('info', 'webhooks.resealed', { resealed });
    if (unreadable.length > 0)
      log('warn', 'webhooks.unreadable', {
        hookIds: unreadable,
        hint: 'Neither GUILDFLOW_SECRET_KEY nor the admin token opens these secrets: rotate these hooks.',
      });
  })
  .catch((error: unknown) => log('warn', 'webhooks.reseal_skipped', { error: messageOf(error) }));
// Finish what a crash interrupted between a pointer flip and its hooks (idempotent).
void store()
  .then((s) => reconcileActivations(s, activation))
  .then((done) => {
    if (done.activated.length + done.deactivated.length + done.failed.length > 0)
      log('info', 'graphs.reconciled', done);
  })
  .catch((error: unknown) => log('warn', 'graphs.reconcile_skipped', { error: messageOf(error) }));
server.on('error', (error: NodeJS.ErrnoException) => {
  const hint =
    error.code === 'EADDRINUSE' ? ` Port ${settings.port} is taken: set PORT to a free port.` : '';
  process.stderr.write(`engine service could not listen: ${error.message}.${hint}\n`);
  process.exit(1);
});

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  stopSweeper();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mongo.close().catch(() => {});
  await connection.close().catch(() => {});
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void close().finally(() => process.exit(0)));
}
exitWithSupervisor(close);
