import { execFileSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { StepReporter } from './progress.js';

/**
 * Downloads a `.tar.gz`, extracts one file from it and moves it to `out`. Throws on any network
 * problem; callers treat that as "no internet here" and try the next way.
 *
 * @example
 * await downloadAndExtract(archiveUrl, 'temporal', '/cache/temporal', reporter);
 */
export async function downloadAndExtract(
  url: string,
  fileInArchive: string,
  out: string,
  reporter: StepReporter,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'guildflow-dl-'));
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
    if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    let received = 0;
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      const mb = (received / 1e6).toFixed(1);
      reporter.update(total ? `${mb} of ${(total / 1e6).toFixed(1)} MB` : `${mb} MB`);
    });
    const archive = join(work, 'archive.tar.gz');
    await pipeline(body, createWriteStream(archive));
    execFileSync('tar', ['-xzf', archive, '-C', work, fileInArchive]);
    mkdirSync(dirname(out), { recursive: true });
    chmodSync(join(work, fileInArchive), 0o755);
    renameSync(join(work, fileInArchive), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Fetches JSON with a short timeout (used for download metadata). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
