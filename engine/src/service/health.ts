import type { ServiceDeps } from './deps.js';

/** `GET /api/health` body: one boolean per dependency, `ok` when all are up. */
export interface Health {
  ok: boolean;
  temporal: boolean;
  mongo: boolean;
  discord: boolean;
  details: { store?: string; discord: 'sandbox' | 'gateway' | 'none'; errors: Record<string, string> };
}

const CHECK_TIMEOUT_MS = 1500;

/**
 * Checks every dependency in parallel, each with a short timeout, so a dead dependency makes
 * health answer quickly with `false` instead of hanging.
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
    deps.sandboxUrl
      ? probe('discord', async () => {
          const response = await fetch(`${deps.sandboxUrl}/sandbox/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
          if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
        })
      : Promise.resolve(false),
  ]);
  return {
    ok: temporal && mongo && discord,
    temporal,
    mongo,
    discord,
    details: { ...(deps.storeKind ? { store: deps.storeKind } : {}), discord: deps.sandboxUrl ? 'sandbox' : 'none', errors },
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
