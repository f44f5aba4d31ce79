import { useState, type FormEvent } from 'react';
import { Button, errorMessage, useToast } from '../ui/index.js';
import { useSandboxEvent, type SandboxGuild } from './sandbox-queries.js';

/** A sandbox member as the control API lists them. */
export type Member = SandboxGuild['members'][number] & {
  bot?: boolean;
  globalName?: string | null;
  timedOutUntil?: string | null;
};

/**
 * The sandbox's members column: who to act as, a member joining (optionally still in
 * membership screening, to try a graph that waits for the rules to be accepted), and — on the
 * full page — the members with their roles, each pending one with an "Accept the rules" button.
 */
export function SandboxMembers(props: {
  guild: SandboxGuild;
  members: Member[];
  actAs: string | undefined;
  onActAs(userId: string | undefined): void;
  drawer: boolean;
}) {
  const { guild, members, actAs, drawer } = props;
  const inject = useSandboxEvent();
  const toast = useToast();
  const [joiner, setJoiner] = useState('');
  const [screening, setScreening] = useState(false);
  const roleName = (roleId: string) => guild.roles.find((r) => r.id === roleId)?.name ?? roleId;

  const join = (e: FormEvent) => {
    e.preventDefault();
    const username = joiner.trim();
    if (!username) return;
    inject.mutate(
      {
        guildId: guild.id,
        type: 'memberJoined',
        user: { username },
        ...(screening ? { pending: true } : {}),
      },
      {
        onSuccess: (result) => {
          setJoiner('');
          if (result.userId) props.onActAs(result.userId);
          toast.success(`${username} joined ${guild.name}.`);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };
  const acceptRules = (member: Member) =>
    inject.mutate(
      { guildId: guild.id, type: 'memberUpdated', userId: member.id, pending: false },
      {
        onSuccess: () =>
          toast.success(`${member.globalName ?? member.username} accepted the rules.`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <aside className="gf-sandbox-members" aria-label="Members">
      <label className="gf-sandbox-actas">
        Act as
        <select value={actAs ?? ''} onChange={(e) => props.onActAs(e.target.value || undefined)}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.globalName ?? m.username}
            </option>
          ))}
        </select>
      </label>
      <form className="gf-sandbox-join" onSubmit={join}>
        <label htmlFor="gf-sandbox-joiner">A new member joins</label>
        <div>
          <input
            id="gf-sandbox-joiner"
            value={joiner}
            onChange={(e) => setJoiner(e.target.value)}
            placeholder="username"
            maxLength={32}
          />
          <Button type="submit" disabled={!joiner.trim()}>
            Join
          </Button>
        </div>
        <label className="gf-sandbox-screening">
          <input
            type="checkbox"
            checked={screening}
            onChange={(e) => setScreening(e.target.checked)}
          />
          Still has to accept the rules
        </label>
      </form>
      {drawer ? null : (
        <>
          <h2>Members ({members.length})</h2>
          <ul className="gf-sandbox-member-list">
            {members.map((m) => (
              <li key={m.id}>
                <span className="gf-sandbox-member-name">{m.globalName ?? m.username}</span>
                {m.timedOutUntil ? (
                  <span className="gf-muted">
                    {' '}
                    timed out until {new Date(m.timedOutUntil).toLocaleString()}
                  </span>
                ) : null}
                {m.roles.length ? (
                  <span className="gf-sandbox-roles">{m.roles.map(roleName).join(', ')}</span>
                ) : null}
                {m.pending ? (
                  <span className="gf-sandbox-pending">
                    <span className="gf-muted">has not accepted the rules</span>
                    <Button
                      size="small"
                      aria-label={`${m.globalName ?? m.username} accepts the rules`}
                      onClick={() => acceptRules(m)}
                    >
                      Accept the rules
                    </Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
