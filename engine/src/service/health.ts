import type { ServiceDeps } from './deps.js';
import { liveGateways } from './router/routing-confirmation.js';
import { openStore } from './storage/index.js';

/** `GET /api/health` body: one boolean per dependency, `ok` when all are up. */
export interface Health {
  ok: boolean;
  temporal: boolean;
  mongo: boolean;
  discord: boolean;
  details: {
    store?: string;
    discord: 'sandbox' | 'gateway' | 'none';
    gateways: { id: string; connected: boolean; indexLoaded: boolean }[];
    errors: Record<string, string>;
  };
}

const CHECK_TIMEOUT_MS = 1500;

/**
 * Checks every dependency in parallel, each with a short timeout, so a dead dependency makes
 * health answer quickly with `false` instead of hanging. `discord` means ready to route: a
 * gateway is running, connected and has loaded its trigger index (it says so in the store).
 *
 * @example
 * const health = await checkHealth(deps); // { ok: true, temporal: true, mongo: true, discord: true, … }
 */
export async function checkHealth(deps: ServiceDeps): Promise<Health> {
  const errors: Record<string, string> = {};
  const probe = async (name: string, fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await withTimeout(fn(), CHECK_TIMEOUT_MS);
      return true;
    } catch (error) {
      errors[name] = error instanceof Error ? error.message : String(error);
      return false;
    }
  };
  let gateways: Health['details']['gateways'] = [];
  const [temporal, mongo, discord] = await Promise.all([
    probe('temporal', () =>
      deps.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        deps.temporal.connection.workflowService.getSystemInfo({}),
      ),
    ),
    probe('mongo', async () => {
      const db = deps.mongo.db;
      if (!db || deps.mongo.readyState !== 1) throw new Error('not connected');
      await db.admin().ping();
    }),
    probe('discord', async () => {
      const records = await liveGateways(await openStore(deps.mongo));
      gateways = records.map((g) => ({
        id: g._id,
        connected: g.connected,
        indexLoaded: g.indexLoaded,
      }));
      if (gateways.length === 0) throw new Error('no gateway is running');
      if (!gateways.some((g) => g.connected && g.indexLoaded))
        throw new Error('no gateway is both connected and done loading its triggers');
    }),
  ]);
  return {
    ok: temporal && mongo && discord,
    temporal,
    mongo,
    discord,
    details: {
      ...(deps.storeKind ? { store: deps.storeKind } : {}),
      discord: deps.sandboxUrl ? 'sandbox' : gateways.length > 0 ? 'gateway' : 'none',
      gateways,
      errors,
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
