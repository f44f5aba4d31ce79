/**
 * A control-API error, answered as `{ error: { code, message } }` (the API's error shape),
 * unlike Discord-compatible REST errors.
 *
 * @example
 * throw new ControlError(404, 'unknown_channel', `No channel ${id} in guild ${guildId}.`);
 */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** A 400 for a body field that is missing or has the wrong type. @example throw invalid('userId must be a string.') */
export function invalid(message: string): ControlError {
  return new ControlError(400, 'invalid_body', message);
}
