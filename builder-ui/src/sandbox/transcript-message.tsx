import type { GuildDiscord } from '../config/guild-discord.js';
import { DiscordText } from '../config/preview/discord-text.js';
import { EmbedPreview } from '../config/preview/message-preview.js';
import type { TranscriptMessage } from './sandbox-queries.js';

/** A button of a message as Discord sends it (a component of type 2 in an action row). */
interface ApiButton {
  type: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
  emoji?: { name?: string };
}

const STYLE_CLASS: Record<number, string> = {
  1: 'primary',
  2: 'secondary',
  3: 'success',
  4: 'danger',
  5: 'link',
};

/** Discord's embed shape → the preview's (`image.url` → `imageUrl`, `thumbnail.url` → `thumbnailUrl`). */
function previewEmbed(embed: Record<string, unknown>): Record<string, unknown> {
  const url = (key: string) => (embed[key] as { url?: string } | undefined)?.url;
  return { ...embed, imageUrl: url('image'), thumbnailUrl: url('thumbnail') };
}

/**
 * One message of the sandbox transcript, drawn like Discord: avatar, author (the bot marked
 * APP), time, text with mentions by name, embeds, buttons and reactions. Clicking a button
 * clicks it as `actAs`; clicking a reaction adds it as `actAs`.
 */
export function TranscriptMessageView(props: {
  message: TranscriptMessage;
  author: string;
  guild: GuildDiscord | undefined;
  actAs: string | undefined;
  onClick(customId: string): void;
  onReact(emoji: string): void;
}) {
  const { message, author, guild, actAs } = props;
  const rows = (message.components as { components?: ApiButton[] }[])
    .map((row) => (row.components ?? []).filter((c) => c.type === 2))
    .filter((row) => row.length > 0);
  const time = new Date(message.createdAt);
  return (
    <li className="gf-transcript-message">
      <div className="gf-preview-avatar" aria-hidden="true">
        {author.slice(0, 1).toUpperCase()}
      </div>
      <div className="gf-preview-body">
        <p className="gf-preview-author">
          <span className="gf-preview-name">{author}</span>
          {message.authorIsBot ? <span className="gf-preview-bot">APP</span> : null}
          <time className="gf-preview-stamp" dateTime={message.createdAt}>
            {time.toLocaleTimeString()}
            {message.editedAt ? ' (edited)' : ''}
          </time>
        </p>
        {message.content ? <DiscordText text={message.content} guild={guild} /> : null}
        {(message.embeds as Record<string, unknown>[]).map((embed, i) => (
          <EmbedPreview key={i} embed={previewEmbed(embed)} guild={guild} />
        ))}
        {rows.map((row, r) => (
          <div key={r} className="gf-preview-row" role="group" aria-label={`Buttons, row ${r + 1}`}>
            {row.map((button, i) => {
              const style = STYLE_CLASS[button.style ?? 1] ?? 'primary';
              const label = `${button.emoji?.name ? `${button.emoji.name} ` : ''}${button.label ?? ''}`;
              return style === 'link' ? (
                <span key={i} className="gf-preview-button gf-preview-button--link">
                  {label} ↗
                </span>
              ) : (
                <button
                  key={i}
                  type="button"
                  className={`gf-preview-button gf-preview-button--${style}`}
                  disabled={button.disabled === true || !actAs || !button.custom_id}
                  title={actAs ? undefined : 'Pick a member to act as first'}
                  onClick={() => button.custom_id && props.onClick(button.custom_id)}
                >
                  {label || 'Button'}
                </button>
              );
            })}
          </div>
        ))}
        {message.reactions?.length ? (
          <div className="gf-transcript-reactions" role="group" aria-label="Reactions">
            {message.reactions.map((reaction) => (
              <button
                key={reaction.emoji}
                type="button"
                className={`gf-transcript-reaction${actAs && reaction.userIds.includes(actAs) ? ' is-mine' : ''}`}
                disabled={!actAs}
                aria-label={`${reaction.emoji} ${reaction.userIds.length}, react with it`}
                onClick={() => props.onReact(reaction.emoji)}
              >
                {reaction.emoji} {reaction.userIds.length}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}
