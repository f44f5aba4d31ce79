import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SetupError } from './errors.js';
import type { StepReporter } from './progress.js';
import { which } from './which.js';

/** A Go program pinned to one module version, built from the Go module proxy. */
export interface GoTool {
  module: string;
  version: string;
  /** The main package, e.g. `github.com/temporalio/cli/cmd/temporal`. */
  pkg: string;
  /**
   * Files to add to the vendored module before building (generated files the module zip
   * lacks). When set, the tool is built from a throwaway module with `go mod vendor`
   * instead of `go install pkg@version`.
   */
  vendorFiles?: Record<string, string>;
}

/**
 * Builds `tool` and moves the binary to `out` atomically (two builds at once never leave a
 * half-written file). Go's module and build caches make a second build fast. When the
 * checksum database is unreachable the build is retried once with `GOSUMDB=off`, which is safe
 * only because the versions are pinned.
 *
 * @example
 * await goBuild({ module: 'github.com/temporalio/cli', version: 'v1.5.1',
 *   pkg: 'github.com/temporalio/cli/cmd/temporal' }, '/cache/temporal', reporter);
 */
export async function goBuild(tool: GoTool, out: string, reporter: StepReporter): Promise<void> {
  if (!which('go')) {
    throw new SetupError(
      `Building ${tool.pkg}@${tool.version} needs Go (1.25 or newer), which is not installed.`,
      'Install Go from your package manager, or put the program on PATH yourself.',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'guildflow-go-'));
  try {
    try {
      await buildIn(work, tool, {}, reporter);
    } catch (error) {
      if (
        !(error instanceof GoError) ||
        !/verifying|checksum database|sum\.golang/i.test(error.output)
      ) {
        throw error;
      }
      process.stderr.write(
        `  the Go checksum database is unreachable; retrying ${tool.pkg}@${tool.version} with GOSUMDB=off (pinned version)\n`,
      );
      await buildIn(work, tool, { GOSUMDB: 'off' }, reporter);
    }
    mkdirSync(dirname(out), { recursive: true });
    const built = join(work, 'bin', tool.pkg.split('/').pop() ?? 'tool');
    chmodSync(built, 0o755);
    renameSync(built, out);
  } catch (error) {
    if (error instanceof GoError) {
      throw new SetupError(
        `Building ${tool.pkg}@${tool.version} failed:\n${error.output.split('\n').slice(-15).join('\n')}\n`,
        'Check `go env GOPROXY GOSUMDB` and your connection to the Go module proxy, then run the command again.',
      );
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

class GoError extends Error {
  constructor(readonly output: string) {
    super('go command failed');
  }
}

async function buildIn(
  work: string,
  tool: GoTool,
  extraEnv: Record<string, string>,
  reporter: StepReporter,
): Promise<void> {
  const bin = join(work, 'bin');
  const env = { ...process.env, ...extraEnv, GOBIN: bin, GOFLAGS: '-trimpath' };
  if (!tool.vendorFiles) {
    await go(['install', `${tool.pkg}@${tool.version}`], work, env, reporter);
    return;
  }
  // A throwaway module that requires the tool: needed when the module zip lacks generated
  // files (vendorFiles fills them in) or a proxy refuses the version list `go install` reads.
  const mod = join(work, 'mod');
  mkdirSync(mod, { recursive: true });
  writeFileSync(
    join(mod, 'go.mod'),
    `module guildflow.local/build\n\ngo 1.22\n\nrequire ${tool.module} ${tool.version}\n`,
  );
  writeFileSync(
    join(mod, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport _ "${tool.pkg}"\n`,
  );
  await go(['mod', 'tidy'], mod, env, reporter);
  await go(['mod', 'vendor'], mod, env, reporter);
  for (const [path, content] of Object.entries(tool.vendorFiles)) {
    writeFileSync(join(mod, 'vendor', tool.module, path), content);
  }
  reporter.update('compiling');
  await go(
    ['build', '-mod=vendor', '-o', join(bin, tool.pkg.split('/').pop() ?? 'tool'), tool.pkg],
    mod,
    env,
    reporter,
  );
}

function go(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  reporter: StepReporter,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      const lines = text.trim().split('\n');
      const last = lines[lines.length - 1];
      if (last) reporter.update(last.replace(/^go: /, ''));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => reject(new GoError(error.message)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new GoError(output))));
  });
}
