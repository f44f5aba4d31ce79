import { Type } from '@sinclair/typebox';
import type { ConfigIssue } from '../define-node.js';
import { DateTime, Expr, Snowflake, StringEnum, Url, isTemplate } from '../schemas.js';
import { ButtonsFromSchema, buttonsFromItems } from './buttons-from.js';
import { DISCORD_LIMITS } from './limits.js';

export { DISCORD_LIMITS };

/**
 * Schema of one embed (flattened: `imageUrl`, `thumbnailUrl`; `color` is 0xRRGGBB or `#RRGGBB`).
 */
export const EmbedSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: DISCORD_LIMITS.embedTitle })),
    description: Type.Optional(Type.String({ maxLength: DISCORD_LIMITS.embedDescription })),
    url: Type.Optional(Url('Link of the title.')),
    color: Type.Optional(
      Expr(
        Type.Union([
          Type.Integer({ minimum: 0, maximum: 0xffffff }),
          Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' }),
        ]),
        {
          description: 'Side color: a number (0xRRGGBB) or `#RRGGBB`.',
        },
      ),
    ),
    author: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: DISCORD_LIMITS.embedAuthor }),
          url: Type.Optional(Url('Author link.')),
          iconUrl: Type.Optional(Url('Author icon.')),
        },
        { additionalProperties: false },
      ),
    ),
    fields: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: DISCORD_LIMITS.embedFieldName }),
            value: Type.String({ minLength: 1, maxLength: DISCORD_LIMITS.embedFieldValue }),
            inline: Type.Optional(Type.Boolean({ default: false })),
          },
          { additionalProperties: false },
        ),
        { maxItems: DISCORD_LIMITS.embedFields },
      ),
    ),
    imageUrl: Type.Optional(Url('Large image.')),
    thumbnailUrl: Type.Optional(Url('Small image at the top right.')),
    footer: Type.Optional(
      Type.Object(
        {
          text: Type.String({ minLength: 1, maxLength: DISCORD_LIMITS.embedFooter }),
          iconUrl: Type.Optional(Url('Footer icon.')),
        },
        { additionalProperties: false },
      ),
    ),
    timestamp: Type.Optional(DateTime('Time shown in the footer, e.g. `{{ now }}`.')),
  },
  { additionalProperties: false, minProperties: 1 },
);

/**
 * Schema of one button. `link` buttons open `url`; every other style needs a `customId`
 * (what `trigger.buttonClicked` and `flow.waitFor` match). Rows 0–4; without `row`, buttons
 * fill rows of five in order.
 */
export const ButtonSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: DISCORD_LIMITS.buttonLabel }),
    customId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: DISCORD_LIMITS.customId,
        description: 'Sent back when clicked (not for link buttons).',
      }),
    ),
    style: Type.Optional(
      StringEnum(['primary', 'secondary', 'success', 'danger', 'link'], { default: 'primary' }),
    ),
    url: Type.Optional(Url('Link buttons only: the page to open.')),
    emoji: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A unicode emoji or `name:id`.' }),
    ),
    row: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: DISCORD_LIMITS.rows - 1,
        description: 'Row 0–4 (in order of appearance when unset).',
      }),
    ),
    disabled: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

/**
 * The `content`, `embeds`, `buttons` and `allowedRoleMentions` fields shared by the message
 * nodes. Text can carry what members typed, so a message pings the users it mentions but only
 * the roles its node lists (and never @everyone/@here).
 */
export function messageFields() {
  return {
    content: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: DISCORD_LIMITS.content,
        description: 'Message text (up to 2,000 characters), with `{{ }}` expressions.',
      }),
    ),
    embeds: Type.Optional(
      Type.Array(EmbedSchema, { maxItems: DISCORD_LIMITS.embeds, description: 'Up to 10 embeds.' }),
    ),
    buttons: Type.Optional(
      Type.Array(ButtonSchema, {
        maxItems: DISCORD_LIMITS.buttons,
        description: 'Up to 25 buttons in up to 5 rows of 5.',
      }),
    ),
    buttonsFrom: Type.Optional(ButtonsFromSchema),
    allowedRoleMentions: Type.Optional(
      Expr(
        Type.Array(Snowflake('A role this message may ping.'), {
          maxItems: DISCORD_LIMITS.allowedRoleMentions,
        }),
        {
          description:
            'Roles this message may ping (up to 100), e.g. `["{{ vars.staffRoleId }}"]`, or one expression giving a list. Other role mentions in the text, including ones members typed, show as the role but ping nobody. Mentioned users are always pinged; @everyone and @here never.',
        },
      ),
    ),
  };
}

/**
 * UI hints of the message fields.
 *
 * @example
 * ui: { icon: 'send', fields: { ...messageFieldsUi } }
 */
export const messageFieldsUi = {
  content: { widget: 'textarea', placeholder: 'Welcome {{ trigger.member.mention }}!' },
  embeds: { widget: 'embeds' },
  buttons: { widget: 'buttons' },
  buttonsFrom: {
    help: 'One button per item of a list (e.g. {{ vars.roles }}), after the buttons above.',
  },
  allowedRoleMentions: {
    widget: 'list',
    items: 'role',
    help: 'Only these roles are pinged when the text mentions them.',
  },
} as const;

/**
 * Cross-field rules of buttons and embeds: link buttons have a `url` and no `customId`, other
 * buttons a `customId`, custom ids are unique, a row holds at most 5 buttons, and an embed's
 * literal text stays within Discord's 6,000-character total. Buttons of `buttonsFrom` (once its
 * items are a list) follow those of `buttons` and obey the same rules; their problems name the
 * item.
 *
 * @example
 * check: (config) => checkMessage(config)
 */
export function checkMessage(config: Readonly<Record<string, unknown>>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const own = Array.isArray(config.buttons) ? (config.buttons as unknown[]) : [];
  const built = buttonsFromItems(config.buttonsFrom, own.length);
  issues.push(...built.issues);
  const buttons = [...own, ...built.buttons];
  const customIds = new Set<string>();
  const perRow = new Map<number, number>();
  buttons.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const button = raw as { style?: unknown; url?: unknown; customId?: unknown; row?: unknown };
    const path = i < own.length ? `/buttons/${i}` : `/buttonsFrom/items/${i - own.length}`;
    if (button.style === 'link') {
      if (button.url === undefined)
        issues.push({ path: `${path}/url`, message: 'A link button needs a URL.' });
      if (button.customId !== undefined)
        issues.push({
          path: `${path}/customId`,
          message: 'A link button has no custom id (it opens its URL).',
        });
    } else {
      if (button.customId === undefined)
        issues.push({
          path: `${path}/customId`,
          message: 'A button needs a custom id (or the link style and a URL).',
        });
      if (button.url !== undefined)
        issues.push({ path: `${path}/url`, message: 'Only link buttons have a URL.' });
    }
    if (typeof button.customId === 'string' && !isTemplate(button.customId)) {
      if (customIds.has(button.customId))
        issues.push({
          path: `${path}/customId`,
          message: `Custom id "${button.customId}" is used twice in this message.`,
        });
      customIds.add(button.customId);
    }
    const row =
      typeof button.row === 'number' ? button.row : Math.floor(i / DISCORD_LIMITS.buttonsPerRow);
    const count = (perRow.get(row) ?? 0) + 1;
    perRow.set(row, count);
    if (count === DISCORD_LIMITS.buttonsPerRow + 1)
      issues.push({ path: `${path}/row`, message: `Row ${row} has more than 5 buttons.` });
  });
  const embeds = Array.isArray(config.embeds) ? (config.embeds as unknown[]) : [];
  embeds.forEach((embed, i) => {
    if (embedTextLength(embed) > DISCORD_LIMITS.embedTotal) {
      issues.push({
        path: `/embeds/${i}`,
        message: 'The text of an embed is limited to 6,000 characters in total.',
      });
    }
  });
  return issues;
}

function embedTextLength(embed: unknown): number {
  if (typeof embed !== 'object' || embed === null) return 0;
  const e = embed as {
    title?: unknown;
    description?: unknown;
    author?: { name?: unknown };
    footer?: { text?: unknown };
    fields?: unknown;
  };
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let total = len(e.title) + len(e.description) + len(e.author?.name) + len(e.footer?.text);
  if (Array.isArray(e.fields))
    for (const f of e.fields as { name?: unknown; value?: unknown }[])
      total += len(f?.name) + len(f?.value);
  return total;
}

/**
 * Permission names usable in channel permission overwrites (discord.js `PermissionFlagsBits` keys).
 *
 * @example
 * CHANNEL_PERMISSIONS.includes('SendMessages'); // true
 */
export const CHANNEL_PERMISSIONS = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'ReadMessageHistory',
  'AddReactions',
  'AttachFiles',
  'EmbedLinks',
  'UseExternalEmojis',
  'MentionEveryone',
  'ManageMessages',
  'ManageChannels',
  'ManageThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'UseApplicationCommands',
  'Connect',
  'Speak',
] as const;
