import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file is stack/src/services.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Entry points of the Node services `npm start` runs, relative to the repo root. */
export const serviceEntries = {
  sandbox: 'connectors/discord-sandbox/src/main.ts',
  engine: 'server/src/api-main.ts',
  worker: 'workers/src/main.ts',
  gateway: 'connectors/discord/src/main.ts',
} as const;

/** Node arguments that run a TypeScript entry through tsx's loader (no build step). */
export function tsxArgs(entry: string): string[] {
  return ['--import', 'tsx', join(repoRoot, entry)];
}

/** True when the service's entry point exists in this checkout. */
export function hasService(name: keyof typeof serviceEntries): boolean {
  return existsSync(join(repoRoot, serviceEntries[name]));
}
