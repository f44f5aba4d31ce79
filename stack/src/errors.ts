/**
 * A provisioning failure whose message ends with one sentence saying what to do.
 * The start command prints only the message (no stack) for these.
 *
 * @example
 * throw new SetupError('Port 7233 is taken.', 'Set GUILDFLOW_TEMPORAL_PORT to a free port.');
 */
export class SetupError extends Error {
  constructor(
    problem: string,
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem} ${remedy}`, options);
    this.name = 'SetupError';
  }
}
