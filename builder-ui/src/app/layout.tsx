import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useNavigation, useParams } from 'react-router';
import { useBillingOn } from '../api/billing-queries.js';
import { useGuilds, useSession } from '../api/queries.js';
import { browserEnv } from '../auth/browser-env.js';
import { signOut } from '../auth/sign-in.js';
import { PlanBadge } from '../billing/plan-badge.js';
import { Button } from '../ui/index.js';
import { guildLabel, rememberGuild, useCurrentGuildId } from './current-guild.js';
import './layout.css';

/**
 * The frame of every signed-in page: a skip link, the header (product name, server switcher,
 * the server's pages and Templates, its plan when billing is on, who is signed in, sign out)
 * and the page below it. Pages render their own `<main>`.
 */
export function Layout() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const session = useSession();
  const guilds = useGuilds();
  const { guildId: routeGuildId } = useParams();
  const guildId = useCurrentGuildId(guilds.data?.guilds);
  // The page being left stays until the next one's code has loaded (the editor's chunk).
  const loading = useNavigation().state === 'loading';
  // Hosted only: a self-hosted install answers billing "off" and shows nothing of it.
  const billing = useBillingOn(guildId ?? '');

  useEffect(() => {
    if (routeGuildId) rememberGuild(routeGuildId);
  }, [routeGuildId]);

  const list = guilds.data?.guilds ?? [];
  // A guild opened by URL that the list does not hold (e.g. the bot left) stays selectable.
  const options =
    guildId && !list.some((g) => g.id === guildId)
      ? [...list, { id: guildId, name: null, botPresent: false }]
      : list;
  const who = session.data;
  const leave = async () => {
    await signOut(browserEnv(), who);
    client.clear();
    void navigate('/login', { replace: true, state: { message: 'You are signed out.' } });
  };

  return (
    <div className="gf-app">
      <a
        className="gf-skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          const main = document.querySelector('main');
          main?.setAttribute('tabindex', '-1');
          main?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="gf-app-header">
        <NavLink to="/" className="gf-app-brand">
          Guildflow
        </NavLink>
        <label className="gf-app-guild">
          <span className="gf-visually-hidden">Server</span>
          <select
            value={guildId ?? ''}
            disabled={options.length === 0}
            onChange={(event) => {
              rememberGuild(event.target.value);
              // The gallery stays and installs into the new server; elsewhere, its graphs open.
              if (location.pathname === '/templates')
                void navigate('/templates', { replace: true });
              else void navigate(`/guilds/${event.target.value}/graphs`);
            }}
          >
            {options.length === 0 ? <option value="">No server</option> : null}
            {options.map((guild) => (
              <option key={guild.id} value={guild.id}>
                {guildLabel(guild)}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Main" className="gf-app-nav">
          {guildId ? <NavLink to={`/guilds/${guildId}/graphs`}>Graphs</NavLink> : null}
          {guildId ? <NavLink to={`/guilds/${guildId}/runs`}>Runs</NavLink> : null}
          {guilds.data?.guilds.some((g) => g.id === guildId && g.sandbox) ? (
            <NavLink to={`/guilds/${guildId}/sandbox`}>Sandbox</NavLink>
          ) : null}
          {guildId ? <NavLink to={`/guilds/${guildId}/credentials`}>Credentials</NavLink> : null}
          {guildId && billing ? <NavLink to={`/guilds/${guildId}/billing`}>Billing</NavLink> : null}
          <NavLink to="/templates">Templates</NavLink>
        </nav>
        <div className="gf-app-user">
          {guildId ? <PlanBadge guildId={guildId} /> : null}
          <span
            className="gf-app-who"
            title={who?.kind === 'admin' ? 'The admin token: every server' : undefined}
          >
            {who?.kind === 'admin' ? 'Admin' : (who?.user?.username ?? '')}
          </span>
          <Button size="small" variant="ghost" onClick={() => void leave()}>
            Sign out
          </Button>
        </div>
      </header>
      {loading ? (
        <div className="gf-app-progress" role="progressbar" aria-label="Opening the page" />
      ) : null}
      <div className="gf-app-content">
        <Outlet />
      </div>
    </div>
  );
}
