/**
 * Structured logs of the service: one JSON object per line on stderr, so they can be shipped
 * and queried. Never pass secrets or tokens in `fields`.
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

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
