import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const require = createRequire(import.meta.url);

/** The interpreter's workflow module: the only workflow code Guildflow runs. */
export const workflowsPath = fileURLToPath(new URL('../interpreter/workflows.ts', import.meta.url));

/**
 * The pure engine core, evaluated once per workflow thread and shared by every workflow instead
 * of once per workflow: the catalog's schemas and the expression language are the bulk of the
 * bundle, and re-evaluating them cost ~5 ms of CPU and ~700 KiB per cached run (bench
 * `interpreter`, `waiting`). The SDK deep-freezes preloaded modules, which is safe because the
 * core holds no per-run state (its only mutable state, the expression parse cache, memoises
 * pure parses).
 */
const preloadModules = [fileURLToPath(new URL('../core/index.ts', import.meta.url))];
/** Bump when the bundling options change (the cache key covers sources, not options). */
const BUNDLE_OPTIONS_VERSION = 'preload-core-1';

/**
 * The interpreter's workflow bundle, built with webpack once and cached by a hash of the
 * workflow sources and the SDK version, so a warm start skips the 10–20 s bundling step.
 *
 * @example
 * const { code } = await workflowBundle(join(dataDir, 'cache'));
 * await Worker.create({ workflowBundle: { code }, … });
 */
export async function workflowBundle(cacheDir: string): Promise<{ code: string; cached: boolean }> {
  const engineSrc = dirname(dirname(workflowsPath));
  const hash = createHash('sha256');
  hash.update(String(require('@temporalio/worker/package.json').version));
  hash.update(BUNDLE_OPTIONS_VERSION);
  for (const dir of ['core', 'interpreter']) hashTree(join(engineSrc, dir), hash);
  const file = join(cacheDir, `workflow-bundle-${hash.digest('hex').slice(0, 16)}.js`);
  if (existsSync(file)) return { code: readFileSync(file, 'utf8'), cached: true };
  const { code } = await bundleWorkflowCode({ workflowsPath, preloadModules, logger: quietLogger });
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  return { code, cached: false };
}

function hashTree(dir: string, hash: ReturnType<typeof createHash>): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) hashTree(path, hash);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      hash.update(path);
      hash.update(readFileSync(path));
    }
  }
}

const noop = () => {};
const quietLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: (message: string) => process.stderr.write(`workflow bundle: ${message}\n`),
  error: (message: string) => process.stderr.write(`workflow bundle: ${message}\n`),
};
