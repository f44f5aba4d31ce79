import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import './provided.js';

/**
 * Addresses of the test stack started by the global setup (Temporal, the store, stripe-mock), plus a database name unique to the
 * calling test file so files never see each other's data.
 */
export function testStack(): {
  temporalAddress: string;
  mongoUri: string;
  storeKind: string;
  dataDir: string;
  /** stripe-mock's base URL: pass it as the Stripe API base (`STRIPE_API_BASE`). */
  stripeMockUrl: string;
} {
  const base = inject('mongoUri');
  const url = new URL(base);
  url.pathname = `/gf_test_${randomUUID().slice(0, 8)}`;
  return {
    temporalAddress: inject('temporalAddress'),
    mongoUri: url.toString(),
    storeKind: inject('storeKind'),
    dataDir: inject('testDataDir'),
    stripeMockUrl: inject('stripeMockUrl'),
  };
}
