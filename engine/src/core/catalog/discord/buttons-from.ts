import { Type } from '@sinclair/typebox';
import { isReservedName } from '../../graph/names.js';
import type { ConfigIssue } from '../define-node.js';
import { Expr, StringEnum, isTemplate } from '../schemas.js';
import { DISCORD_LIMITS } from './limits.js';

const { buttons: MAX_BUTTONS, buttonLabel: MAX_LABEL, customId: MAX_CUSTOM_ID } = DISCORD_LIMITS;

/** The name of a property of each item: a plain identifier (`label`, `roleId`). */
function KeyName(description: string) {
  return Type.String({ pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$', maxLength: 64, description });
}

/**
 * Schema of `buttonsFrom`: one button per element of a list (the list is usually one
 * expression, e.g. `{{ vars.roles }}`, which renders to the list itself).
 */
export const ButtonsFromSchema = Type.Object(
  {
    // Any value, so that the check (not the schema) says what is wrong with each item.
    items: Expr(Type.Unknown(), {
      description:
        'The list of objects to make buttons from, usually one expression giving it, e.g. `{{ vars.roles }}`.',
    }),
    label: KeyName('The property of each item holding its button label, e.g. `label`.'),
    id: KeyName(
      'The property of each item that ends its custom id (after the prefix), e.g. `roleId`.',
    ),
    customIdPrefix: Type.String({
      maxLength: MAX_CUSTOM_ID,
      description: 'Start of every custom id, e.g. `rolemenu:{{ vars.menuId }}:`.',
    }),
    emoji: Type.Optional(
      KeyName(
        'Optional: the property of each item holding its emoji (items without one get none).',
      ),
    ),
    style: Type.Optional(
      StringEnum(['primary', 'secondary', 'success', 'danger'], { default: 'primary' }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'One button per item of a list of objects: label = item[label], custom id = customIdPrefix + item[id], emoji = item[emoji] when set. They come after `buttons`, filling rows of five; 25 buttons in all. E.g. `{ "items": "{{ vars.roles }}", "label": "label", "id": "roleId", "emoji": "emoji", "customIdPrefix": "rolemenu:{{ vars.menuId }}:" }` with roles `[{ "label": "Gamer", "roleId": "123", "emoji": "🎮" }, …]` gives a button "🎮 Gamer" with custom id `rolemenu:roles:123` for each.',
  },
);

/** A button built from one item (the shape of a `buttons` entry). */
export interface BuiltButton {
  label: string;
  customId: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  emoji?: string;
}

/** What {@link buttonsFromItems} made: the buttons, and the problems naming the item index. */
export interface ButtonsFromResult {
  buttons: BuiltButton[];
  issues: ConfigIssue[];
}

/**
 * The buttons `buttonsFrom` describes once its `items` are a list (rendered, or written as a
 * literal list): label = item[label], customId = customIdPrefix + item[id], emoji = item[emoji]
 * when set. `before` is how many buttons the `buttons` field already holds (all together stay
 * within 25). Nothing is built (and nothing reported) while `items` is still an expression; a
 * prefix still to render gives custom ids with its `{{ }}` (their length is checked once rendered).
 *
 * @example
 * buttonsFromItems({ items: [{ label: 'Gamer', roleId: '12' }], label: 'label', id: 'roleId', customIdPrefix: 'rm:' });
 * // { buttons: [{ label: 'Gamer', customId: 'rm:12' }], issues: [] }
 */
export function buttonsFromItems(spec: unknown, before = 0): ButtonsFromResult {
  const buttons: BuiltButton[] = [];
  const issues: ConfigIssue[] = [];
  if (typeof spec !== 'object' || spec === null) return { buttons, issues };
  const s = spec as Record<string, unknown>;
  for (const key of ['label', 'id', 'emoji'] as const) {
    if (typeof s[key] === 'string' && isReservedName(s[key]))
      issues.push({
        path: `/buttonsFrom/${key}`,
        message: `"${s[key]}" cannot name a property of the items (__proto__, constructor and prototype are reserved).`,
      });
  }
  if (issues.length > 0 || isTemplate(s.items)) return { buttons, issues };
  const { label, id, emoji } = s;
  if (typeof label !== 'string' || typeof id !== 'string') return { buttons, issues };
  if (!Array.isArray(s.items)) {
    if (s.items !== undefined)
      issues.push({
        path: '/buttonsFrom/items',
        message: `buttonsFrom.items is not a list (it is ${describe(s.items)}); give a list of objects, e.g. {{ vars.roles }}.`,
      });
    return { buttons, issues };
  }
  const prefix = typeof s.customIdPrefix === 'string' ? s.customIdPrefix : '';
  const style = typeof s.style === 'string' ? (s.style as BuiltButton['style']) : undefined;
  const items = s.items as unknown[];
  if (before + items.length > MAX_BUTTONS)
    issues.push({
      path: '/buttonsFrom/items',
      message: `buttonsFrom.items has ${items.length} items: with the ${before} other button(s) that is ${before + items.length} buttons; Discord allows at most ${MAX_BUTTONS} (5 rows of 5).`,
    });
  items.forEach((item, i) => {
    const path = `/buttonsFrom/items/${i}`;
    const problem = (message: string) => issues.push({ path, message: `Item ${i}: ${message}` });
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return problem('is not an object.');
    const text = ownValue(item, label);
    const key = ownValue(item, id);
    if (typeof text !== 'string' || text.length === 0)
      return problem(
        text === undefined
          ? `has no "${label}" (the button label).`
          : `its "${label}" is not text (the button label).`,
      );
    if (text.length > MAX_LABEL)
      problem(`its label is ${text.length} characters long; Discord allows at most ${MAX_LABEL}.`);
    if ((typeof key !== 'string' && typeof key !== 'number') || key === '')
      return problem(`has no "${id}" (the end of its custom id).`);
    const customId = prefix + String(key);
    // A prefix still to render has no known length yet: checked once rendered.
    if (!isTemplate(prefix) && customId.length > MAX_CUSTOM_ID)
      problem(
        `its custom id "${customId}" is ${customId.length} characters long; Discord allows at most ${MAX_CUSTOM_ID}.`,
      );
    const mark = typeof emoji === 'string' ? ownValue(item, emoji) : undefined;
    if (mark !== undefined && mark !== null && mark !== '' && typeof mark !== 'string')
      problem(`its "${String(emoji)}" is not text (the emoji).`);
    buttons.push({
      label: text,
      customId,
      ...(style ? { style } : {}),
      ...(typeof mark === 'string' && mark.trim() !== '' ? { emoji: mark } : {}),
    });
  });
  return { buttons, issues };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text "${value.slice(0, 40)}"`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}

/** An item's own property (never one inherited from Object.prototype). */
function ownValue(item: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(item, key)
    ? (item as Record<string, unknown>)[key]
    : undefined;
}
