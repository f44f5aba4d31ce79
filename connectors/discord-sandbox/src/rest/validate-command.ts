import { FormErrors } from '../errors.js';

type Path = Array<string | number>;

/** Discord's rule for chat-input command and option names (lower-case only). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** A validated command body. */
export interface CommandBody {
  name: string;
  type: number;
  description: string;
  options: unknown[];
  defaultMemberPermissions: string | null;
  nsfw: boolean;
  raw: Record<string, unknown>;
}

function checkName(errors: FormErrors, path: Path, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  } else if (chatInput && (!NAME.test(name) || name !== name.toLowerCase())) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkDescription(errors: FormErrors, path: Path, description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkOptions(errors: FormErrors, path: Path, options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) return errors.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
  if (options.length > 25)
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((raw: unknown, i) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const here = [...path, i];
    if (!Number.isInteger(o.type) || (o.type as number) < 1 || (o.type as number) > 11) {
      errors.add(
        [...here, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).',
      );
    }
    checkName(errors, [...here, 'name'], o.name, true);
    checkDescription(errors, [...here, 'description'], o.description);
    if (typeof o.name === 'string') {
      if (names.has(o.name))
        errors.add(
          [...here, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      names.add(o.name);
    }
    if (o.type === 1 || o.type === 2) checkOptions(errors, [...here, 'options'], o.options);
    else if (o.required === true && optionalSeen) {
      errors.add(
        [...here, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    } else if (o.required !== true) optionalSeen = true;
    if (Array.isArray(o.choices) && o.choices.length > 25)
      errors.add([...here, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  });
}

/**
 * Validates one application command as Discord does (names, descriptions, option order and
 * limits), adding errors under `path` (an index for bulk overwrites).
 */
export function parseCommand(errors: FormErrors, path: Path, input: unknown): CommandBody | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return null;
  }
  const raw = input as Record<string, unknown>;
  const type = (raw.type as number | undefined) ?? 1;
  if (![1, 2, 3, 4].includes(type))
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4).');
  checkName(errors, [...path, 'name'], raw.name, type === 1);
  if (type === 1) {
    checkDescription(errors, [...path, 'description'], raw.description);
    checkOptions(errors, [...path, 'options'], raw.options);
  }
  const perms = raw.default_member_permissions;
  return {
    name: typeof raw.name === 'string' ? raw.name : '',
    type,
    description: typeof raw.description === 'string' ? raw.description : '',
    options: Array.isArray(raw.options) ? raw.options : [],
    defaultMemberPermissions: perms === undefined || perms === null ? null : String(perms),
    nsfw: raw.nsfw === true,
    raw,
  };
}
