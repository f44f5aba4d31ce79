import type { Connection as TemporalConnection, Client as TemporalClient } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';

/** Everything the HTTP service needs from the outside, so tests can build an app on test servers. */
export interface ServiceDeps {
  mongo: MongoConnection;
  temporal: { connection: TemporalConnection; client: TemporalClient };
  /** The Discord sandbox's base URL when running without a bot token. */
  sandboxUrl?: string | undefined;
  adminToken: string;
  storeKind?: string | undefined;
}
