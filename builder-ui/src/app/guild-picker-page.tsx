import { Link } from 'react-router';
import { useGuilds } from '../api/queries.js';
import { Badge, EmptyState, ErrorState, LoadingState } from '../ui/index.js';
import { guildLabel, rememberGuild } from './current-guild.js';
import './guild-picker.css';

/** `/`: the servers the caller can open; picking one opens its graphs. */
export function GuildPickerPage() {
  const guilds = useGuilds();
  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <div>
          <h1>Your servers</h1>
          <p className="gf-muted">Pick a server to see and draw its automations.</p>
        </div>
      </div>
      {guilds.isPending ? (
        <LoadingState label="Loading your servers" />
      ) : guilds.isError ? (
        <ErrorState
          error={guilds.error}
          title="Your servers could not be loaded"
          onRetry={() => void guilds.refetch()}
        />
      ) : (
        <>
          {guilds.data.discordError ? (
            <p className="gf-notice" role="status">
              {guilds.data.discordError}
            </p>
          ) : null}
          {guilds.data.guilds.length === 0 ? (
            <EmptyState title="No servers yet">
              Invite the bot to a server you manage (or run the sandbox with <code>npm start</code>{' '}
              without DISCORD_TOKEN), then reload this page.
            </EmptyState>
          ) : (
            <ul className="gf-guild-grid">
              {guilds.data.guilds.map((guild) => (
                <li key={guild.id}>
                  <Link
                    className="gf-guild-card"
                    to={`/guilds/${guild.id}/graphs`}
                    onClick={() => rememberGuild(guild.id)}
                  >
                    {guild.icon ? (
                      <img src={guild.icon} alt="" width={40} height={40} />
                    ) : (
                      <span className="gf-guild-initial" aria-hidden="true">
                        {guildLabel(guild).slice(0, 1).toUpperCase()}
                      </span>
                    )}
                    <span className="gf-guild-name">{guildLabel(guild)}</span>
                    {guild.botPresent ? null : <Badge tone="warning">Bot not in this server</Badge>}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
