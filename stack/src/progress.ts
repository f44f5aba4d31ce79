import ora from 'ora';

/** Reports what a long step is doing; `update` shows the latest detail (e.g. a module name). */
export interface StepReporter {
  update(detail: string): void;
}

const HEARTBEAT_MS = 15_000;

/**
 * Runs one provisioning step with visible progress: a spinner with elapsed time on a terminal,
 * and a line every 15 s elsewhere (CI logs), so a cold multi-minute build never looks hung.
 * `quiet` (used by tests) prints only failures.
 */
export async function step<T>(
  title: string,
  run: (reporter: StepReporter) => Promise<T>,
  options: { quiet?: boolean } = {},
): Promise<T> {
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
  let detail = '';
  const quiet = options.quiet === true;
  const tty = process.stderr.isTTY === true && !quiet;
  const spinner = tty ? ora({ text: title, stream: process.stderr }).start() : undefined;
  if (!tty && !quiet) process.stderr.write(`… ${title}\n`);
  const heartbeat = setInterval(
    () => {
      const text = `${title} (${elapsed()})${detail ? ` — ${detail}` : ''}`;
      if (spinner) spinner.text = text;
      else if (!quiet) process.stderr.write(`  still working: ${text}\n`);
    },
    tty ? 1000 : HEARTBEAT_MS,
  );
  try {
    const result = await run({
      update: (d) => {
        detail = d.length > 80 ? `${d.slice(0, 77)}...` : d;
      },
    });
    if (spinner) spinner.succeed(`${title} (${elapsed()})`);
    else if (!quiet) process.stderr.write(`✔ ${title} (${elapsed()})\n`);
    return result;
  } catch (error) {
    if (spinner) spinner.fail(`${title} (${elapsed()})`);
    else if (!quiet) process.stderr.write(`✖ ${title} (${elapsed()})\n`);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
