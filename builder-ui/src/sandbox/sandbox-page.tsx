import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { GuildDiscord } from '../config/guild-discord.js';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  errorMessage,
  useToast,
} from '../ui/index.js';
import {
  useSandbox,
  useSandboxEvent,
  useTranscript,
  type SandboxEvent,
  type SandboxGuild,
} from './sandbox-queries.js';
import { SandboxMembers, type Member } from './sandbox-members.js';
import { SlashCommandForm } from './slash-command-form.js';
import { TranscriptMessageView } from './transcript-message.js';
import '../config/preview/message-preview.css';
import './sandbox.css';

// Text, announcement and forum-less channels a transcript can show (Discord's channel types).
const TEXT_TYPES = new Set([0, 5]);

/**
 * `/guilds/:guildId/sandbox`: the sandbox server as a Discord-like chat — its text channels,
 * what everyone posted (the bot's messages with embeds, buttons and reactions), new messages
 * as they come — and acting as one of its members: join, post, react, click a button. Published
 * graphs and waiting runs react as they would on Discord.
 */
export function SandboxPage() {
  const { guildId = '' } = useParams();
  const sandbox = useSandbox();
  if (sandbox.isPending) return <LoadingState label="Opening the sandbox" />;
  if (sandbox.isError)
    return (
      <main id="main" className="gf-page">
        <ErrorState
          error={sandbox.error}
          title="The sandbox could not be read"
          onRetry={() => void sandbox.refetch()}
        />
      </main>
    );
  const guild = sandbox.data.guilds.find((g) => g.id === guildId);
  if (!guild)
    return (
      <main id="main" className="gf-page">
        <EmptyState title="This server is not a sandbox server">
          The sandbox plays Discord for its own servers only:{' '}
          {sandbox.data.guilds.map((g, i) => (
            <span key={g.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/guilds/${g.id}/sandbox`}>{g.name}</Link>
            </span>
          ))}
          .
        </EmptyState>
      </main>
    );
  return <SandboxView guild={guild} botUserId={sandbox.data.botUserId} />;
}

/**
 * The transcript beside the editor's canvas: the same chat and member acting as the sandbox
 * page, narrowed (channels in a list box, no member list), for the graph's sandbox server.
 */
export function SandboxPanel({ guildId }: { guildId: string }) {
  const sandbox = useSandbox();
  const guild = sandbox.data?.guilds.find((g) => g.id === guildId);
  if (sandbox.isPending) return <LoadingState label="Opening the sandbox" />;
  if (sandbox.isError)
    return <ErrorState error={sandbox.error} title="The sandbox could not be read" />;
  if (!guild) return <p className="gf-muted">This server is not a sandbox server.</p>;
  return <SandboxView guild={guild} botUserId={sandbox.data.botUserId} drawer />;
}

function SandboxView({
  guild,
  botUserId,
  drawer = false,
}: {
  guild: SandboxGuild;
  botUserId: string;
  drawer?: boolean;
}) {
  const channels = guild.channels.filter((c) => TEXT_TYPES.has(c.type));
  const members = (guild.members as Member[]).filter((m) => !m.bot);
  const [channelId, setChannelId] = useState(channels[0]?.id ?? '');
  const [actAs, setActAs] = useState<string | undefined>(members[0]?.id);
  const transcript = useTranscript(guild.id, channelId);
  // Names for mentions from the sandbox itself (read every 2 s): a member who just joined is
  // named at once.
  const names = useMemo(() => lookupOf(guild), [guild]);
  const inject = useSandboxEvent();
  const toast = useToast();
  const [text, setText] = useState('');
  const nameOf = (userId: string) => {
    if (userId === botUserId) return 'Guildflow';
    const member = (guild.members as Member[]).find((m) => m.id === userId);
    return member?.globalName ?? member?.username ?? userId;
  };
  const send = (event: SandboxEvent, done?: () => void) =>
    inject.mutate(event, {
      onSuccess: () => {
        done?.();
        void transcript.refetch();
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  const post = (e: FormEvent) => {
    e.preventDefault();
    if (!actAs || !text.trim()) return;
    send(
      { guildId: guild.id, type: 'messageCreated', channelId, userId: actAs, content: text },
      () => setText(''),
    );
  };
  const channelName = channels.find((c) => c.id === channelId)?.name ?? '';
  const channelPickId = useId();

  const Frame = drawer ? 'section' : 'main';
  return (
    <Frame
      {...(drawer ? { 'aria-label': `Sandbox: ${guild.name}` } : { id: 'main' })}
      className={`gf-sandbox${drawer ? ' is-drawer' : ' gf-page'}`}
    >
      {drawer ? (
        <div className="gf-sandbox-channel-pick">
          <label htmlFor={channelPickId}>Channel</label>
          <select
            id={channelPickId}
            value={channelId}
            onChange={(e) => setChannelId(e.target.value)}
          >
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="gf-page-header">
          <div>
            <h1>Sandbox: {guild.name}</h1>
            <p className="gf-muted">
              A Discord double: what your graphs post shows here, and you can act as its members.
            </p>
          </div>
        </div>
      )}
      <div className="gf-sandbox-layout">
        {drawer ? null : (
          <nav className="gf-sandbox-channels" aria-label="Channels">
            {channels.map((c) => (
              <button
                key={c.id}
                type="button"
                aria-pressed={c.id === channelId}
                className={c.id === channelId ? 'is-current' : undefined}
                onClick={() => setChannelId(c.id)}
              >
                # {c.name}
              </button>
            ))}
          </nav>
        )}
        <section className="gf-sandbox-chat" aria-label={`#${channelName}`}>
          {transcript.isPending ? (
            <LoadingState label="Loading messages" />
          ) : transcript.isError ? (
            <ErrorState error={transcript.error} title="The messages could not be read" />
          ) : transcript.data.length === 0 ? (
            <p className="gf-muted gf-sandbox-empty">No messages in #{channelName} yet.</p>
          ) : (
            <ol
              className="gf-transcript"
              aria-live="polite"
              aria-label={`Messages in #${channelName}`}
            >
              {transcript.data.map((m) => (
                <TranscriptMessageView
                  key={m.id}
                  message={m}
                  author={nameOf(m.authorId)}
                  guild={names}
                  actAs={actAs}
                  onClick={(customId) =>
                    actAs &&
                    send({
                      guildId: guild.id,
                      type: 'buttonClicked',
                      channelId,
                      messageId: m.id,
                      userId: actAs,
                      customId,
                    })
                  }
                  onReact={(emoji) =>
                    actAs &&
                    send({
                      guildId: guild.id,
                      type: 'reactionAdded',
                      channelId,
                      messageId: m.id,
                      userId: actAs,
                      emoji,
                    })
                  }
                />
              ))}
            </ol>
          )}
          <form className="gf-sandbox-composer" onSubmit={post}>
            <label className="gf-visually-hidden" htmlFor="gf-sandbox-text">
              Message to post in #{channelName} as {actAs ? nameOf(actAs) : 'a member'}
            </label>
            <input
              id="gf-sandbox-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={
                actAs ? `Message #${channelName} as ${nameOf(actAs)}` : 'Pick a member first'
              }
              disabled={!actAs}
              maxLength={2000}
            />
            <Button type="submit" variant="primary" disabled={!actAs || !text.trim()}>
              Post
            </Button>
          </form>
          <details className="gf-sandbox-commands">
            <summary>Use a slash command in #{channelName}</summary>
            <SlashCommandForm
              guild={guild}
              actAs={actAs}
              onRun={(name, options) =>
                actAs &&
                send({
                  guildId: guild.id,
                  type: 'slashCommand',
                  channelId,
                  userId: actAs,
                  name,
                  options,
                })
              }
            />
          </details>
        </section>
        <SandboxMembers
          guild={guild}
          members={members}
          actAs={actAs}
          onActAs={setActAs}
          drawer={drawer}
        />
      </div>
    </Frame>
  );
}

/** The sandbox guild as the message renderer's name lookup. */
function lookupOf(guild: SandboxGuild): GuildDiscord {
  return {
    guild: { id: guild.id, name: guild.name },
    channels: guild.channels.map((c) => ({
      id: c.id,
      name: c.name ?? '',
      type: c.type,
      parentId: null,
    })),
    roles: guild.roles.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      color: typeof r.color === 'number' ? r.color : 0,
      managed: false,
      mentionable: false,
    })),
    members: (guild.members as Member[]).map((m) => ({
      id: m.id,
      username: m.username,
      displayName: m.globalName ?? m.username,
    })),
  };
}
