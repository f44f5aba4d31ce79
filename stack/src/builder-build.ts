import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { SetupError } from './errors.js';
import { step } from './progress.js';
import { repoRoot } from './services.js';

/** Where the built builder is (what the engine service serves). */
export const BUILDER_DIST = join(repoRoot, 'builder-ui', 'dist');
/** The fingerprint of the sources the current build was made from (outside dist: never served). */
const STAMP_FILE = join(repoRoot, 'build', 'builder-ui.stamp');
const LOCK_DIR = join(repoRoot, 'build', 'builder-ui.lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * What the build reads: the builder's sources and config, the engine core it bundles (the
 * validation and catalog run in the browser), and the lock file (library versions). Tests and
 * end-to-end files are not part of the build.
 */
const INPUTS = [
  'builder-ui/index.html',
  'builder-ui/package.json',
  'builder-ui/vite.config.ts',
  'builder-ui/tsconfig.json',
  'builder-ui/bundle-budget.json',
  'builder-ui/public',
  'builder-ui/scripts',
  'builder-ui/src',
  'engine/src/core',
  'package-lock.json',
];
const SKIPPED = /(\.test\.tsx?$)|(\/e2e\/)|(\/testing\/)/;

/**
 * The fingerprint of the builder's sources: the SHA-256 of every input file's path and bytes.
 *
 * @example
 * if (builderFingerprint() !== readStamp()) build();
 */
export function builderFingerprint(root = repoRoot): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    const name = relative(root, path).split('\\').join('/');
    if (SKIPPED.test(name)) return;
    hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) visit(join(root, input));
  return hash.digest('hex');
}

/**
 * True when `builder-ui/dist` was built from the current sources.
 *
 * @example
 * if (!builderIsCurrent()) await ensureBuilderBuilt();
 */
export function builderIsCurrent(): boolean {
  if (!existsSync(join(BUILDER_DIST, 'index.html')) || !existsSync(STAMP_FILE)) return false;
  return readFileSync(STAMP_FILE, 'utf8').trim() === builderFingerprint();
}

/**
 * Builds the builder UI (`npm run build -w builder-ui`, which also checks the bundle budget)
 * when its sources changed since the last build, with progress shown like other provisioning;
 * several callers at once (test files) build once. A failure throws a {@link SetupError} whose
 * last sentence says what to do.
 *
 * @example
 * await ensureBuilderBuilt(); // npm start, the end-to-end tests
 */
export async function ensureBuilderBuilt(
  options: { quiet?: boolean } = {},
): Promise<{ built: boolean }> {
  if (builderIsCurrent()) return { built: false };
  await withLock(async () => {
    // Someone else may have built while we waited.
    if (builderIsCurrent()) return;
    const fingerprint = builderFingerprint();
    await step('Building the builder UI', (reporter) => runBuild(reporter.update), options);
    mkdirSync(join(repoRoot, 'build'), { recursive: true });
    writeFileSync(STAMP_FILE, `${fingerprint}\n`);
  });
  return { built: true };
}

function runBuild(report: (detail: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build', '-w', 'builder-ui'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A test runner's NODE_ENV=test would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' },
    });
    const tail: string[] = [];
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        report(line.trim());
      }
      while (tail.length > 15) tail.shift();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) =>
      reject(
        new SetupError(
          `The builder UI could not be built (${error.message}).`,
          'Check that npm is on PATH, then start again.',
        ),
      ),
    );
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      reject(
        new SetupError(
          `The builder UI did not build:\n${tail.join('\n')}\n`,
          'Run `npm run build -w builder-ui` to see the whole error; fix it (or run `npm ci` if a package is missing) and start again.',
        ),
      );
    });
  });
}

async function withLock(run: () => Promise<void>): Promise<void> {
  mkdirSync(join(repoRoot, 'build'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await run();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
