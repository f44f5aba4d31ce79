/**
 * Discord's error bodies: `{ code, message }`, plus a nested `errors` tree for 50035 Invalid Form
 * Body. Route handlers throw {@link DiscordError}; the REST error middleware serialises it with
 * the matching HTTP status, exactly as Discord answers, so discord.js raises `DiscordAPIError`.
 */

/** One leaf of a 50035 error tree, e.g. `{ code: 'BASE_TYPE_MAX_LENGTH', message: '…' }`. */
export interface FormErrorLeaf {
  code: string;
  message: string;
}

/** Discord's nested 50035 tree: field names (or array indexes) down to `_errors` lists. */
export interface FormErrorTree {
  [key: string]: FormErrorTree | FormErrorLeaf[];
}

/**
 * An error answered the way Discord answers it.
 *
 * @example
 * throw new DiscordError(404, 10003, 'Unknown Channel');
 */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrorTree,
  ) {
    super(message);
    this.name = 'DiscordError';
  }

  /** The JSON body Discord sends for this error. */
  toBody(): { code: number; message: string; errors?: FormErrorTree } {
    return this.errors
      ? { code: this.code, message: this.message, errors: this.errors }
      : { code: this.code, message: this.message };
  }
}

/**
 * The Discord errors the sandbox answers with (JSON error codes from Discord's docs).
 *
 * @example
 * throw DiscordErrors.unknownMessage();
 */
export const DiscordErrors = {
  unauthorized: () => new DiscordError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new DiscordError(405, 0, '405: Method Not Allowed'),
  internal: () => new DiscordError(500, 0, '500: Internal Server Error'),
  unknownChannel: () => new DiscordError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new DiscordError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new DiscordError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new DiscordError(404, 10008, 'Unknown Message'),
  unknownRole: () => new DiscordError(404, 10011, 'Unknown Role'),
  unknownUser: () => new DiscordError(404, 10013, 'Unknown User'),
  unknownEmoji: () => new DiscordError(400, 10014, 'Unknown Emoji'),
  unknownWebhook: () => new DiscordError(404, 10015, 'Unknown Webhook'),
  unknownBan: () => new DiscordError(404, 10026, 'Unknown Ban'),
  unknownInteraction: () => new DiscordError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => new DiscordError(404, 10063, 'Unknown application command'),
  alreadyAcknowledged: () =>
    new DiscordError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new DiscordError(403, 50001, 'Missing Access'),
  cannotEditOthers: () =>
    new DiscordError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new DiscordError(400, 50006, 'Cannot send an empty message'),
  nonTextChannel: () => new DiscordError(400, 50008, 'Cannot send messages in a non-text channel'),
  cannotDm: () => new DiscordError(403, 50007, 'Cannot send messages to this user'),
  wrongChannelType: () =>
    new DiscordError(400, 50024, 'Cannot execute action on this channel type'),
  missingPermissions: () => new DiscordError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => new DiscordError(401, 50027, 'Invalid Webhook Token'),
  threadArchived: () => new DiscordError(400, 50083, 'Thread is archived'),
  invalidJson: () => new DiscordError(400, 50109, 'The request body contains invalid JSON.'),
} as const;

/**
 * Collects field errors and throws them together as one 50035, as Discord reports every invalid
 * field of a body at once.
 *
 * @example
 * const errors = new FormErrors();
 * errors.add(['content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
 * errors.throwIfAny(); // throws DiscordError 50035 { errors: { content: { _errors: [...] } } }
 */
export class FormErrors {
  private readonly tree: FormErrorTree = {};
  private count = 0;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const next = node[String(key)];
      if (next && !Array.isArray(next)) {
        node = next;
      } else {
        const created: FormErrorTree = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const leaves = (node._errors as FormErrorLeaf[] | undefined) ?? [];
    leaves.push({ code, message });
    node._errors = leaves;
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  throwIfAny(): void {
    if (this.count > 0) throw this.toError();
  }

  toError(): DiscordError {
    return new DiscordError(400, 50035, 'Invalid Form Body', this.tree);
  }
}

/**
 * A 50035 Invalid Form Body about one field.
 *
 * @example
 * throw formError(['recipient_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
 */
export function formError(
  path: ReadonlyArray<string | number>,
  code: string,
  message: string,
): DiscordError {
  const errors = new FormErrors();
  errors.add(path, code, message);
  return errors.toError();
}
