import { buttonsFromItems, type ConfigOf, type NodeTypeMap } from '@guildflow/engine/core';
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIMessageComponentEmoji,
} from 'discord.js';

type MessageConfig = ConfigOf<NodeTypeMap['discord.sendMessage']>;

/**
 * One embed as the catalog declares it (flattened `imageUrl`, `thumbnailUrl`, `#RRGGBB` colors).
 */
export type EmbedConfig = NonNullable<MessageConfig['embeds']>[number];

/** One button as the catalog declares it. */
export type ButtonConfig = NonNullable<MessageConfig['buttons']>[number];

/** The `buttonsFrom` field as the catalog declares it (its `items` rendered to a list). */
export type ButtonsFromConfig = NonNullable<MessageConfig['buttonsFrom']>;

/**
 * The message fields every message node shares (`content`, `embeds`, `buttons`, `buttonsFrom`,
 * `allowedRoleMentions`).
 */
export interface MessageFields {
  content?: string | undefined;
  embeds?: readonly EmbedConfig[] | undefined;
  buttons?: readonly ButtonConfig[] | undefined;
  buttonsFrom?: ButtonsFromConfig | undefined;
  allowedRoleMentions?: readonly string[] | undefined;
}

/**
 * The buttons of a message: those of `buttons`, then one per item of `buttonsFrom` (built by
 * the catalog's rule, already checked with the rendered config); undefined when the config has
 * neither field (an edit then leaves the buttons as they are).
 *
 * @example
 * allButtons({ buttonsFrom: { items: [{ n: 'A', k: 1 }], label: 'n', id: 'k', customIdPrefix: 'x:' } });
 * // [{ label: 'A', customId: 'x:1' }]
 */
export function allButtons(fields: MessageFields): ButtonConfig[] | undefined {
  if (fields.buttons === undefined && fields.buttonsFrom === undefined) return undefined;
  const own = fields.buttons ?? [];
  return [...own, ...buttonsFromItems(fields.buttonsFrom, own.length).buttons];
}

/**
 * The JSON body fields for Discord (`content`, `embeds`, `components`, `allowed_mentions`).
 * Fields absent from the config are absent here, so an edit leaves them as they are;
 * `buttons: []` gives `components: []` (removes the buttons).
 *
 * @example
 * messageBody({ content: 'Hi', buttons: [{ label: 'Go', customId: 'go' }] });
 * // { allowed_mentions: { parse: ['users'] }, content: 'Hi', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'go' }] }] }
 */
export function messageBody(fields: MessageFields): {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: 'users'[]; roles?: string[] };
} {
  const roles = [...new Set(fields.allowedRoleMentions ?? [])];
  const buttons = allButtons(fields);
  return {
    // Rendered text may carry what members typed (`<@&role>` in a suggestion): it pings the
    // users it mentions, only the roles the node lists, and never @everyone/@here — whatever
    // the bot's permissions. Edits send it too: Discord re-parses edited text with defaults.
    allowed_mentions: { parse: ['users'], ...(roles.length > 0 ? { roles } : {}) },
    ...(fields.content !== undefined ? { content: fields.content } : {}),
    ...(fields.embeds !== undefined ? { embeds: fields.embeds.map(toApiEmbed) } : {}),
    ...(buttons !== undefined ? { components: buttonRows(buttons) } : {}),
  };
}

/**
 * A catalog embed as Discord's embed object.
 *
 * @example
 * toApiEmbed({ title: 'Hi', color: '#FF0000', imageUrl: 'https://x/y.png' });
 * // { title: 'Hi', color: 16711680, image: { url: 'https://x/y.png' } }
 */
export function toApiEmbed(embed: EmbedConfig): APIEmbed {
  const out: APIEmbed = {};
  if (embed.title !== undefined) out.title = embed.title;
  if (embed.description !== undefined) out.description = embed.description;
  if (embed.url !== undefined) out.url = embed.url;
  if (embed.color !== undefined) out.color = colorOf(embed.color);
  if (embed.author)
    out.author = {
      name: embed.author.name,
      ...(embed.author.url !== undefined ? { url: embed.author.url } : {}),
      ...(embed.author.iconUrl !== undefined ? { icon_url: embed.author.iconUrl } : {}),
    };
  if (embed.fields)
    out.fields = embed.fields.map((f) => ({
      name: f.name,
      value: f.value,
      ...(f.inline !== undefined ? { inline: f.inline } : {}),
    }));
  if (embed.imageUrl !== undefined) out.image = { url: embed.imageUrl };
  if (embed.thumbnailUrl !== undefined) out.thumbnail = { url: embed.thumbnailUrl };
  if (embed.footer)
    out.footer = {
      text: embed.footer.text,
      ...(embed.footer.iconUrl !== undefined ? { icon_url: embed.footer.iconUrl } : {}),
    };
  if (embed.timestamp !== undefined) out.timestamp = new Date(embed.timestamp).toISOString();
  return out;
}

const STYLES: Record<NonNullable<ButtonConfig['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
  link: ButtonStyle.Link,
};

/**
 * Buttons as action rows: a button with `row` goes to that row, the others fill rows of five in
 * order (the catalog's rule); empty rows are dropped. Link buttons carry `url`, the others
 * `custom_id`.
 *
 * @example
 * buttonRows([{ label: 'A', customId: 'a' }, { label: 'Docs', style: 'link', url: 'https://x' }]);
 */
export function buttonRows(
  buttons: readonly ButtonConfig[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows = new Map<number, APIButtonComponent[]>();
  buttons.forEach((button, i) => {
    const row = button.row ?? Math.floor(i / 5);
    const list = rows.get(row) ?? [];
    list.push(toApiButton(button));
    rows.set(row, list);
  });
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, components]) => ({ type: ComponentType.ActionRow, components }));
}

function toApiButton(button: ButtonConfig): APIButtonComponent {
  const emoji = button.emoji !== undefined ? emojiOf(button.emoji) : undefined;
  const common = {
    type: ComponentType.Button as const,
    label: button.label,
    ...(emoji ? { emoji } : {}),
    ...(button.disabled !== undefined ? { disabled: button.disabled } : {}),
  };
  if (button.style === 'link') return { ...common, style: ButtonStyle.Link, url: button.url ?? '' };
  return {
    ...common,
    style: STYLES[button.style ?? 'primary'] as Exclude<
      ButtonStyle,
      ButtonStyle.Link | ButtonStyle.Premium
    >,
    custom_id: button.customId ?? '',
  };
}

/**
 * A `#RRGGBB` or numeric color as Discord's integer.
 *
 * @example
 * colorOf('#5865F2'); // 5793266
 */
export function colorOf(color: number | string): number {
  return typeof color === 'number' ? color : Number.parseInt(color.slice(1), 16);
}

/**
 * A unicode emoji, `name:id`, or `<:name:id>` / `<a:name:id>` as a component emoji.
 *
 * @example
 * emojiOf('🎉'); // { name: '🎉' }
 * emojiOf('party:123'); // { name: 'party', id: '123' }
 */
export function emojiOf(text: string): APIMessageComponentEmoji {
  const custom = /^<?(a)?:?([\w~-]+):(\d+)>?$/.exec(text.trim());
  if (custom?.[2] && custom[3])
    return { name: custom[2], id: custom[3], ...(custom[1] ? { animated: true } : {}) };
  return { name: text.trim() };
}

/**
 * An emoji as the reaction routes take it: the unicode emoji or `name:id`, URL-encoded.
 *
 * @example
 * reactionEmoji('🎉'); // '%F0%9F%8E%89'
 * reactionEmoji('<:party:123>'); // 'party%3A123'
 */
export function reactionEmoji(text: string): string {
  const emoji = emojiOf(text);
  return encodeURIComponent(emoji.id ? `${emoji.name ?? '_'}:${emoji.id}` : (emoji.name ?? ''));
}
