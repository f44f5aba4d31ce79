import type { GuildDiscord } from '../guild-discord.js';
import { textOf } from '../fields/values.js';
import { DiscordText } from './discord-text.js';
import { buttonRows, messageLimits, type LimitUse } from './message-limits.js';
import './message-preview.css';

/** The node types whose message the panel previews. */
export const PREVIEWED_TYPES: ReadonlySet<string> = new Set([
  'discord.sendMessage',
  'discord.reply',
  'discord.editMessage',
]);

type Embed = Record<string, unknown>;
type Button = Record<string, unknown>;

/**
 * How the message of a send, reply or edit node looks in Discord (text with mentions by
 * name, embeds, buttons; expressions as placeholders), and how close it is to Discord's limits.
 *
 * @example
 * <MessagePreview config={node.config} guild={guildData} />
 */
export function MessagePreview({
  config,
  guild,
  edited,
}: {
  config: Readonly<Record<string, unknown>>;
  guild: GuildDiscord | undefined;
  edited?: boolean;
}) {
  const content = textOf(config.content);
  const embeds = Array.isArray(config.embeds) ? (config.embeds as Embed[]) : [];
  const buttons = Array.isArray(config.buttons) ? (config.buttons as Button[]) : [];
  const limits = messageLimits(config);
  const empty = content === '' && embeds.length === 0 && buttons.length === 0;
  return (
    <section className="gf-preview" aria-labelledby="gf-preview-title">
      <h3 id="gf-preview-title" className="gf-preview-heading">
        Preview
      </h3>
      <Limits limits={limits} />
      <div className="gf-preview-message">
        <div className="gf-preview-avatar" aria-hidden="true">
          G
        </div>
        <div className="gf-preview-body">
          <p className="gf-preview-author">
            <span className="gf-preview-name">Guildflow</span>
            <span className="gf-preview-bot">APP</span>
            <span className="gf-preview-stamp">Today at 12:00{edited ? ' (edited)' : ''}</span>
          </p>
          {empty ? (
            <p className="gf-preview-placeholder">
              Write a text or add an embed to see the message.
            </p>
          ) : null}
          {content !== '' ? <DiscordText text={content} guild={guild} /> : null}
          {embeds.map((embed, i) => (
            <EmbedPreview key={i} embed={embed ?? {}} guild={guild} />
          ))}
          <ButtonRows buttons={buttons} />
          {config.ephemeral === true ? (
            <p className="gf-preview-ephemeral">Only you can see this</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function Limits({ limits }: { limits: LimitUse[] }) {
  const notable = limits.filter((l) => l.level !== 'ok');
  return (
    <div className="gf-preview-limits">
      <ul aria-label="Discord limits">
        {limits.map((l) => (
          <li key={l.what} className={`gf-config-counter gf-config-counter--${l.level}`}>
            {l.what}: {l.atLeast ? '≥ ' : ''}
            {l.used.toLocaleString('en-US')} / {l.max.toLocaleString('en-US')}
          </li>
        ))}
      </ul>
      <p role="status" className="gf-preview-limit-status">
        {notable.length === 0
          ? ''
          : notable
              .map((l) =>
                l.level === 'over'
                  ? `${l.what} is over Discord’s limit of ${l.max.toLocaleString('en-US')}.`
                  : `${l.what} is close to Discord’s limit of ${l.max.toLocaleString('en-US')}.`,
              )
              .join(' ')}
      </p>
    </div>
  );
}

function colorOf(color: unknown): string | undefined {
  if (typeof color === 'number') return `#${color.toString(16).padStart(6, '0')}`;
  return typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : undefined;
}

/**
 * One embed as Discord draws it (colour bar, author, title, description, fields, footer), in the
 * config's shape (`imageUrl`, `thumbnailUrl`); the sandbox transcript maps Discord's to it.
 */
export function EmbedPreview({ embed, guild }: { embed: Embed; guild: GuildDiscord | undefined }) {
  const author = (embed.author ?? {}) as Record<string, unknown>;
  const footer = (embed.footer ?? {}) as Record<string, unknown>;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  const color = colorOf(embed.color);
  return (
    <div className="gf-preview-embed" style={color ? { borderLeftColor: color } : undefined}>
      <div className="gf-preview-embed-main">
        {author.name ? (
          <p className="gf-preview-embed-author">
            <DiscordText text={textOf(author.name)} guild={guild} />
          </p>
        ) : null}
        {embed.title ? (
          <div
            className={`gf-preview-embed-title${embed.url ? ' gf-preview-embed-title--link' : ''}`}
          >
            <DiscordText text={textOf(embed.title)} guild={guild} />
          </div>
        ) : null}
        {embed.description ? <DiscordText text={textOf(embed.description)} guild={guild} /> : null}
        {fields.length > 0 ? (
          <div className="gf-preview-fields">
            {fields.map((field, i) => (
              <div
                key={i}
                className={`gf-preview-field${field?.inline === true ? ' gf-preview-field--inline' : ''}`}
              >
                <div className="gf-preview-field-name">
                  <DiscordText text={textOf(field?.name)} guild={guild} />
                </div>
                <DiscordText text={textOf(field?.value)} guild={guild} />
              </div>
            ))}
          </div>
        ) : null}
        {embed.imageUrl ? (
          // Images are not fetched here (they may be expressions, and the builder loads only its own files).
          <p className="gf-preview-image">Image: {textOf(embed.imageUrl)}</p>
        ) : null}
        {footer.text || embed.timestamp ? (
          <p className="gf-preview-footer">
            {textOf(footer.text)}
            {footer.text && embed.timestamp ? ' • ' : ''}
            {embed.timestamp
              ? String(embed.timestamp).includes('{{')
                ? 'time of sending'
                : textOf(embed.timestamp)
              : ''}
          </p>
        ) : null}
      </div>
      {embed.thumbnailUrl ? (
        <div
          className="gf-preview-thumb"
          title={textOf(embed.thumbnailUrl)}
          aria-label="Thumbnail"
          role="img"
        />
      ) : null}
    </div>
  );
}

function ButtonRows({ buttons }: { buttons: Button[] }) {
  if (buttons.length === 0) return null;
  const rows = buttonRows(buttons);
  const byRow = new Map<number, { button: Button; index: number }[]>();
  buttons.forEach((button, index) => {
    const row = rows[index] ?? 0;
    byRow.set(row, [...(byRow.get(row) ?? []), { button: button ?? {}, index }]);
  });
  return (
    <div className="gf-preview-components">
      {[...byRow.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([row, entries]) => (
          <div
            key={row}
            className={`gf-preview-row${entries.length > 5 ? ' gf-preview-row--over' : ''}`}
            aria-label={`Row ${row + 1}`}
            role="group"
          >
            {entries.map(({ button, index }) => {
              const style = typeof button.style === 'string' ? button.style : 'primary';
              return (
                <span
                  key={index}
                  className={`gf-preview-button gf-preview-button--${style}${button.disabled === true ? ' gf-preview-button--disabled' : ''}`}
                >
                  {button.emoji ? <span aria-hidden="true">{textOf(button.emoji)} </span> : null}
                  {textOf(button.label) || 'Button'}
                  {style === 'link' ? <span aria-label="(opens a link)"> ↗</span> : null}
                </span>
              );
            })}
          </div>
        ))}
    </div>
  );
}
