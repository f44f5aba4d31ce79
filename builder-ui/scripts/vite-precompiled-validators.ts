import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The core module the build replaces. */
const COMPILED_SCHEMAS_MODULE = /engine\/src\/core\/validation\/compiled-schemas\.ts$/;
const GENERATOR = fileURLToPath(new URL('./precompiled-validators.ts', import.meta.url));

/**
 * In production builds, the engine core's compiled-schemas module becomes one whose validators
 * were compiled at build time (scripts/precompiled-validators.ts): the service's CSP forbids
 * ajv's run-time code generation in the browser. The generator runs in its own Node process
 * (with tsx), as it loads the TypeScript engine core. The dev server has no CSP and keeps
 * compiling at run time.
 *
 * @example
 * defineConfig({ plugins: [react(), precompiledValidators()] });
 */
export function precompiledValidators(): Plugin {
  let source: string | undefined;
  return {
    name: 'guildflow-precompiled-validators',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!COMPILED_SCHEMAS_MODULE.test(id.split('?')[0] ?? '')) return null;
      source ??= execFileSync(process.execPath, ['--import', 'tsx', GENERATOR], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: source, moduleType: 'js' };
    },
  };
}
