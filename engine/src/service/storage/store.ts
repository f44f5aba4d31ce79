import type { Connection, Model, Schema, mongo } from 'mongoose';
import {
  auditSchema,
  sessionSchema,
  userSchema,
  type AuditRecord,
  type SessionRecord,
  type UserRecord,
} from './account-models.js';
import {
  graphSchema,
  graphVersionSchema,
  guildSchema,
  webhookSchema,
  type GraphRecord,
  type GraphVersionRecord,
  type GuildRecord,
  type WebhookRecord,
} from './graph-models.js';
import {
  collectEntrySchema,
  collectWindowSchema,
  dataKeySchema,
  hookDeliverySchema,
  triggerSchema,
  waitSchema,
  type CollectEntryRecord,
  type CollectWindowRecord,
  type DataKeyRecord,
  type HookDeliveryRecord,
  type TriggerRecord,
  type WaitRecord,
} from './runtime-models.js';
import {
  counterSchema,
  gatewaySchema,
  type CounterRecord,
  type GatewayRecord,
} from './gateway-models.js';
import { pinSchema, type PinRecord } from '../pins/pin-model.js';
import {
  billingEventSchema,
  usageSchema,
  type BillingEventRecord,
  type UsageRecord,
} from '../billing/billing-models.js';
import { credentialSchema, type CredentialRecord } from './credential-models.js';
import { statsSchema, type StatsRecord } from './stats-models.js';
import { StoreUnavailableError } from './store-errors.js';
import { stripeObjectSchema, type StripeObjectRecord } from './stripe-models.js';

/** Every model of the store, bound to one connection, with its indexes in place. */
export interface Store {
  connection: Connection;
  guilds: Model<GuildRecord>;
  graphs: Model<GraphRecord>;
  versions: Model<GraphVersionRecord>;
  webhooks: Model<WebhookRecord>;
  /** Pinned node outputs of test runs, per graph (service/pins). */
  pins: Model<PinRecord>;
  /** Per-guild named secrets, sealed (service/credentials). */
  credentials: Model<CredentialRecord>;
  hookDeliveries: Model<HookDeliveryRecord>;
  stripeObjects: Model<StripeObjectRecord>;
  dataKeys: Model<DataKeyRecord>;
  collectWindows: Model<CollectWindowRecord>;
  collectEntries: Model<CollectEntryRecord>;
  waits: Model<WaitRecord>;
  triggers: Model<TriggerRecord>;
  gateways: Model<GatewayRecord>;
  counters: Model<CounterRecord>;
  stats: Model<StatsRecord>;
  users: Model<UserRecord>;
  sessions: Model<SessionRecord>;
  audit: Model<AuditRecord>;
  /** Runs per guild per month, and the billing events applied (service/billing). */
  usage: Model<UsageRecord>;
  billingEvents: Model<BillingEventRecord>;
  /** False when the store cannot expire documents by itself (FerretDB 1.x): the sweeper does it. */
  ttlIndexes: boolean;
}

const CONNECT_WAIT_MS = 3000;
/**
 * Indexes earlier versions created that no query uses any more, by collection: dropped on open
 * so they cost no writes. Waits and collect windows are looked up by guild and message now.
 */
const RETIRED_INDEXES: Readonly<Record<string, readonly string[]>> = {
  waits: ['messageId_1_event_1'],
  collect_windows: ['messageId_1_closesAt_1'],
};
/** "ns not found" and "index not found": nothing to drop. */
const NOTHING_TO_DROP = new Set([26, 27]);
const opening = new WeakMap<Connection, Promise<Store>>();

/**
 * The store on a mongoose connection: binds the models and creates the indexes, once per
 * connection. A failed attempt (store down) is forgotten, so the next call tries again.
 *
 * @example
 * const store = await openStore(deps.mongo);
 * const graph = await store.graphs.findById(id).lean();
 */
export function openStore(connection: Connection): Promise<Store> {
  let pending = opening.get(connection);
  if (!pending) {
    pending = open(connection);
    opening.set(connection, pending);
    pending.catch(() => opening.delete(connection));
  }
  return pending.then(async (store) => {
    await connected(connection);
    return store;
  });
}

async function open(connection: Connection): Promise<Store> {
  await connected(connection);
  const bind = <T>(name: string, schema: Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  const models = {
    guilds: bind('Guild', guildSchema),
    graphs: bind('Graph', graphSchema),
    versions: bind('GraphVersion', graphVersionSchema),
    webhooks: bind('Webhook', webhookSchema),
    pins: bind('Pin', pinSchema),
    credentials: bind('Credential', credentialSchema),
    hookDeliveries: bind('HookDelivery', hookDeliverySchema),
    stripeObjects: bind('StripeObject', stripeObjectSchema),
    dataKeys: bind('DataKey', dataKeySchema),
    collectWindows: bind('CollectWindow', collectWindowSchema),
    collectEntries: bind('CollectEntry', collectEntrySchema),
    waits: bind('Wait', waitSchema),
    triggers: bind('Trigger', triggerSchema),
    gateways: bind('Gateway', gatewaySchema),
    counters: bind('Counter', counterSchema),
    stats: bind('Stats', statsSchema),
    users: bind('User', userSchema),
    sessions: bind('Session', sessionSchema),
    audit: bind('AuditEntry', auditSchema),
    usage: bind('Usage', usageSchema),
    billingEvents: bind('BillingEvent', billingEventSchema),
  };
  let ttlIndexes = true;
  for (const model of Object.values(models) as Model<unknown>[]) {
    for (const [fields, declared] of model.schema.indexes()) {
      const options = declared as mongo.CreateIndexesOptions; // our schemas only declare boolean `unique`
      try {
        await model.collection.createIndex(fields as Record<string, 1 | -1>, options);
      } catch (error) {
        // FerretDB 1.x has no TTL indexes ("not implemented", code 238): keep a plain index on
        // the date so the sweeper's deletes stay cheap, and remember to sweep.
        if (options.expireAfterSeconds === undefined || (error as { code?: unknown }).code !== 238)
          throw error;
        ttlIndexes = false;
        const { expireAfterSeconds: _ttl, ...plain } = options;
        await model.collection.createIndex(fields as Record<string, 1 | -1>, plain);
      }
    }
    for (const name of RETIRED_INDEXES[model.collection.collectionName] ?? [])
      await model.collection.dropIndex(name).catch((error: unknown) => {
        if (!NOTHING_TO_DROP.has((error as { code?: number }).code ?? -1)) throw error;
      });
  }
  return { connection, ...models, ttlIndexes };
}

/** Resolves when the connection is open; waits briefly while it is still connecting. */
async function connected(connection: Connection): Promise<void> {
  if (connection.readyState === 1) return;
  if (connection.readyState === 2) {
    let timer: NodeJS.Timeout | undefined;
    const opened = await Promise.race([
      connection.asPromise().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), CONNECT_WAIT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    if (opened && (connection.readyState as number) === 1) return;
  }
  throw new StoreUnavailableError(`the store connection is ${stateName(connection.readyState)}`);
}

function stateName(state: number): string {
  return ['disconnected', 'connected', 'connecting', 'disconnecting'][state] ?? `in state ${state}`;
}
