/**
 * The hand-written baseline's workflow bundle, built with `bundleWorkflowCode` (as the worker
 * bundles the interpreter) and cached by a hash of its sources and the SDK version.
 */
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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { cacheDir } from '@guildflow/stack';

const require = createRequire(import.meta.url);
const workflowsPath = fileURLToPath(new URL('./handwritten.ts', import.meta.url));

/**
 * Path and size of the baseline bundle (built on first use, then cached).
 *
 * @example
 * const { codePath } = await handwrittenBundle();
 * await Worker.create({ workflowBundle: { codePath }, … });
 */
export async function handwrittenBundle(): Promise<{
  codePath: string;
  bytes: number;
  cached: boolean;
}> {
  const hash = createHash('sha256');
  hash.update(String((require('@temporalio/worker/package.json') as { version: string }).version));
  const dir = fileURLToPath(new URL('.', import.meta.url));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.ts')) hash.update(readFileSync(join(dir, name)));
  }
  const codePath = join(
    cacheDir('workflow-bundles'),
    `bench-handwritten-${hash.digest('hex').slice(0, 16)}.js`,
  );
  if (existsSync(codePath)) return { codePath, bytes: statSync(codePath).size, cached: true };
  const noop = () => {};
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop },
  });
  mkdirSync(cacheDir('workflow-bundles'), { recursive: true });
  const tmp = `${codePath}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, codePath);
  return { codePath, bytes: Buffer.byteLength(code), cached: false };
}
