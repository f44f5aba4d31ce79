export { loadSettings, type Settings } from './settings.js';
export { startEmbeddedStack, type EmbeddedStack, type StackOptions } from './stack.js';
export { SetupError } from './errors.js';
export { ManagedProcess, signalGroup } from './process.js';
export { freePort, isPortOpen, waitUntil } from './net.js';
export { step } from './progress.js';
export { cacheDir } from './cache.js';
export {
  SEARCH_ATTRIBUTES,
  RETENTION_DAYS,
  SQLITE_PRAGMAS,
  ensureNamespaceSetup,
  type SqliteMode,
} from './temporal/server.js';
export { exitWithSupervisor } from './watchdog.js';
export {
  BUILDER_DIST,
  builderFingerprint,
  builderIsCurrent,
  ensureBuilderBuilt,
} from './builder-build.js';
