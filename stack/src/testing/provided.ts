// What the global setup hands to every test file through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    mongoUri: string;
    storeKind: 'external' | 'mongodb' | 'ferretdb';
    testDataDir: string;
    /** stripe-mock on loopback, e.g. `http://127.0.0.1:41234`. */
    stripeMockUrl: string;
  }
}
export {};
