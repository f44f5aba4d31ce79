// What the global setup hands to every test file through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    mongoUri: string;
    storeKind: 'external' | 'mongodb' | 'ferretdb';
    testDataDir: string;
  }
}
export {};
