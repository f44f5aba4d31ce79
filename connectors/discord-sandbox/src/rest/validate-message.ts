import { DiscordErrors, FormErrors } from '../errors.js';
import { parseAllowedMentions } from '../mentions.js';
import type { MessageContent } from '../messaging.js';

/** A validated message body (create, edit, or interaction response). */
export interface MessageBody extends MessageContent {
  nonce?: string | number;
  enforceNonce: boolean;
  tts?: boolean;
  messageReference?: {
    message_id: string;
    channel_id?: string;
    guild_id?: string;
    fail_if_not_exists?: boolean;
  };
}

type Path = Array<string | number>;

const MAX = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
};
const MAX_ROWS = 5;
const MAX_PER_ROW = 5;
/** Message flag that switches to components v2, whose layout the sandbox stores unchecked. */
const COMPONENTS_V2 = 1 << 15;

function tooLong(errors: FormErrors, path: Path, max: number): void {
  errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

function required(errors: FormErrors, path: Path): void {
  errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
}

function checkString(
  errors: FormErrors,
  path: Path,
  value: unknown,
  max: number,
  isRequired = false,
): number {
  if (value === undefined || value === null) {
    if (isRequired) required(errors, path);
    return 0;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return 0;
  }
  if (isRequired && !value.trim()) required(errors, path);
  if (value.length > max) tooLong(errors, path, max);
  return value.length;
}

/** Checks one embed; returns its character count towards the 6000 total. */
function checkEmbed(errors: FormErrors, path: Path, embed: unknown): number {
  if (!embed || typeof embed !== 'object' || Array.isArray(embed)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return 0;
  }
  const e = embed as Record<string, unknown>;
  let size = checkString(errors, [...path, 'title'], e.title, MAX.title);
  size += checkString(errors, [...path, 'description'], e.description, MAX.description);
  if (
    e.color !== undefined &&
    e.color !== null &&
    (!Number.isInteger(e.color) || (e.color as number) < 0 || (e.color as number) > 0xffffff)
  ) {
    errors.add(
      [...path, 'color'],
      'NUMBER_TYPE_MAX',
      'int value should be less than or equal to 16777215.',
    );
  }
  const footer = e.footer as Record<string, unknown> | undefined;
  if (footer)
    size += checkString(errors, [...path, 'footer', 'text'], footer.text, MAX.footer, true);
  const author = e.author as Record<string, unknown> | undefined;
  if (author)
    size += checkString(errors, [...path, 'author', 'name'], author.name, MAX.author, true);
  if (e.fields !== undefined) {
    if (!Array.isArray(e.fields))
      errors.add([...path, 'fields'], 'BASE_TYPE_LIST', 'Must be an array.');
    else {
      if (e.fields.length > MAX.fields) tooLong(errors, [...path, 'fields'], MAX.fields);
      e.fields.forEach((field: unknown, i) => {
        const f = (field ?? {}) as Record<string, unknown>;
        size += checkString(errors, [...path, 'fields', i, 'name'], f.name, MAX.fieldName, true);
        size += checkString(errors, [...path, 'fields', i, 'value'], f.value, MAX.fieldValue, true);
      });
    }
  }
  return size;
}

function checkComponents(errors: FormErrors, components: unknown[]): void {
  if (components.length > MAX_ROWS) tooLong(errors, ['components'], MAX_ROWS);
  const customIds = new Set<string>();
  components.forEach((row, r) => {
    const rowObj = (row ?? {}) as Record<string, unknown>;
    if (rowObj.type !== 1) {
      errors.add(
        ['components', r, 'type'],
        'UNION_TYPE_CHOICES',
        'Value of field "type" must be one of (1,).',
      );
      return;
    }
    const children = rowObj.components;
    if (!Array.isArray(children) || children.length === 0) {
      errors.add(
        ['components', r, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${MAX_PER_ROW} in length.`,
      );
      return;
    }
    if (children.length > MAX_PER_ROW)
      tooLong(errors, ['components', r, 'components'], MAX_PER_ROW);
    children.forEach((child: unknown, c) => {
      const path: Path = ['components', r, 'components', c];
      const comp = (child ?? {}) as Record<string, unknown>;
      if (comp.type === 2) {
        const style = comp.style;
        if (!Number.isInteger(style) || (style as number) < 1 || (style as number) > 6) {
          errors.add(
            [...path, 'style'],
            'BASE_TYPE_CHOICES',
            'Value must be one of (1, 2, 3, 4, 5, 6).',
          );
        }
        checkString(errors, [...path, 'label'], comp.label, 80);
        if (style === 5) checkString(errors, [...path, 'url'], comp.url, 512, true);
        else if (style !== 6)
          checkString(errors, [...path, 'custom_id'], comp.custom_id, 100, true);
      } else if ([3, 5, 6, 7, 8].includes(comp.type as number)) {
        checkString(errors, [...path, 'custom_id'], comp.custom_id, 100, true);
      } else {
        errors.add(
          [...path, 'type'],
          'UNION_TYPE_CHOICES',
          'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
        );
      }
      if (typeof comp.custom_id === 'string') {
        if (customIds.has(comp.custom_id))
          errors.add(
            [...path, 'custom_id'],
            'COMPONENT_CUSTOM_ID_DUPLICATED',
            'Component custom id cannot be duplicated',
          );
        customIds.add(comp.custom_id);
      }
    });
  });
}

/**
 * Validates a message body the way Discord does: field errors become one 50035 Invalid Form Body,
 * and a create with nothing to show is 50006 Cannot send an empty message.
 */
export function parseMessageBody(raw: unknown, mode: 'create' | 'edit'): MessageBody {
  if (raw === undefined || raw === null) raw = {};
  const errors = new FormErrors();
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    errors.throwIfAny();
  }
  const body = raw as Record<string, unknown>;
  const out: MessageBody = { enforceNonce: body.enforce_nonce === true };
  if (body.content !== undefined && body.content !== null) {
    checkString(errors, ['content'], body.content, MAX.content);
    if (typeof body.content === 'string') out.content = body.content;
  } else if (mode === 'edit' && body.content === null) out.content = '';
  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds)) errors.add(['embeds'], 'BASE_TYPE_LIST', 'Must be an array.');
    else {
      if (body.embeds.length > MAX.embeds) tooLong(errors, ['embeds'], MAX.embeds);
      const total = body.embeds.reduce(
        (sum: number, embed: unknown, i) => sum + checkEmbed(errors, ['embeds', i], embed),
        0,
      );
      if (total > MAX.total)
        errors.add(
          ['embeds'],
          'MAX_EMBED_SIZE_EXCEEDED',
          `Embed size exceeds maximum size of ${MAX.total}`,
        );
      out.embeds = body.embeds;
    }
  }
  if (body.flags !== undefined && body.flags !== null) {
    if (!Number.isInteger(body.flags))
      errors.add(['flags'], 'NUMBER_TYPE_COERCE', `Value "${String(body.flags)}" is not int.`);
    else out.flags = body.flags as number;
  }
  if (body.components !== undefined && body.components !== null) {
    if (!Array.isArray(body.components))
      errors.add(['components'], 'BASE_TYPE_LIST', 'Must be an array.');
    else {
      if (!((out.flags ?? 0) & COMPONENTS_V2)) checkComponents(errors, body.components);
      out.components = body.components;
    }
  }
  if (body.nonce !== undefined && body.nonce !== null) {
    const n = body.nonce;
    if (typeof n === 'string' && n.length <= 25) out.nonce = n;
    else if (typeof n === 'number' && Number.isInteger(n)) out.nonce = n;
    else if (typeof n === 'string') tooLong(errors, ['nonce'], 25);
    else errors.add(['nonce'], 'BASE_TYPE_STRING', 'Must be a string or an integer.');
  }
  if (body.tts !== undefined) out.tts = body.tts === true;
  const allowedMentions = parseAllowedMentions(errors, body.allowed_mentions);
  if (allowedMentions) out.allowedMentions = allowedMentions;
  const ref = body.message_reference as Record<string, unknown> | undefined | null;
  if (ref) {
    if (typeof ref.message_id !== 'string') required(errors, ['message_reference', 'message_id']);
    else
      out.messageReference = {
        message_id: ref.message_id,
        fail_if_not_exists: ref.fail_if_not_exists !== false,
      };
  }
  errors.throwIfAny();
  if (mode === 'create') {
    const hasContent = (out.content ?? '').trim().length > 0;
    const hasEmbeds = (out.embeds?.length ?? 0) > 0;
    const hasComponents = (out.components?.length ?? 0) > 0;
    const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents && !hasStickers && !body.poll)
      throw DiscordErrors.emptyMessage();
  }
  return out;
}
