/**
 * Structured logs of the service: one JSON object per line on stderr, so they can be shipped
 * and queried. Never pass secrets or tokens in `fields`.
 *
 * @example
 * log('warn', 'audit.write_failed', { graphId, error: String(error) });
 */
export function log(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
): void {
  if (process.env.GUILDFLOW_LOG === 'silent') return;
  process.stderr.write(
    `${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`,
  );
}

/**
 * The message of an unknown thrown value.
 *
 * @example
 * log('error', 'x.failed', { error: messageOf(error) });
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
