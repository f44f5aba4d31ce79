import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache.js';
import { downloadAndExtract, fetchJson } from '../download.js';
import { SetupError } from '../errors.js';
import { goBuild } from '../go-build.js';
import { step } from '../progress.js';
import { which } from '../which.js';

/** The Temporal CLI version the project pins (embeds Temporal server 1.29.1). */
export const TEMPORAL_CLI_VERSION = '1.5.1';

export type BinarySource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'download' | 'go install';

/**
 * Finds or provisions the Temporal CLI in this order: `TEMPORAL_CLI_PATH`; `temporal` on PATH;
 * the cached copy; the official release download (as the SDK's `cached-download` does); and,
 * where downloads are impossible but Go is installed,
 * `go install github.com/temporalio/cli/cmd/temporal@v1.5.1` (later tags carry a `replace`
 * directive that `go install` rejects).
 */
export async function resolveTemporalCli(
  options: { quiet?: boolean } = {},
): Promise<{ path: string; source: BinarySource }> {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new SetupError(
        `TEMPORAL_CLI_PATH points at ${explicit}, which does not exist.`,
        'Fix the path or unset TEMPORAL_CLI_PATH to let Guildflow provision the CLI.',
      );
    }
    return { path: explicit, source: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = which('temporal');
  if (onPath) return { path: onPath, source: 'PATH' };
  const cached = join(cacheDir(`temporal-${TEMPORAL_CLI_VERSION}`), 'temporal');
  if (existsSync(cached)) return { path: cached, source: 'cache' };

  let downloadError: Error | undefined;
  try {
    await step(
      `Downloading the Temporal CLI ${TEMPORAL_CLI_VERSION}`,
      async (reporter) => {
        const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
        const platform = process.platform === 'darwin' ? 'darwin' : 'linux';
        const info = await fetchJson<{ archiveUrl: string; fileToExtract: string }>(
          `https://temporal.download/cli/v${TEMPORAL_CLI_VERSION}?arch=${arch}&platform=${platform}&format=tar.gz`,
        );
        await downloadAndExtract(info.archiveUrl, info.fileToExtract, cached, reporter);
      },
      options,
    );
  } catch (error) {
    downloadError = error instanceof Error ? error : new Error(String(error));
  }
  if (!downloadError) return { path: cached, source: 'download' };
  if (!which('go')) {
    throw new SetupError(
      `The Temporal CLI is not installed and could not be downloaded (${downloadError.message}).`,
      'Install Go 1.25+ so Guildflow can build it, install the Temporal CLI yourself, or set TEMPORAL_ADDRESS to an existing server.',
    );
  }
  if (!options.quiet) {
    process.stderr.write(
      `  no download possible (${downloadError.message}); building from the Go module proxy instead — the first build takes several minutes\n`,
    );
  }
  await step(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install`,
    (reporter) =>
      goBuild(
        {
          module: 'github.com/temporalio/cli',
          version: `v${TEMPORAL_CLI_VERSION}`,
          pkg: 'github.com/temporalio/cli/cmd/temporal',
        },
        cached,
        reporter,
      ),
    { quiet: false },
  );
  return { path: cached, source: 'go install' };
}
