import type { WidgetProps } from '@rjsf/utils';
import type { GuildDiscord } from '../api/queries.js';

/** What the install form's pickers read (through RJSF's form context). */
export interface PickerContext {
  /** The guild's channels, roles and members; undefined while loading or when unavailable. */
  directory: GuildDiscord | undefined;
  /** Why there is no directory (the pickers then take typed ids). */
  problem?: string | undefined;
}

// Channels a message can be posted in: text and announcement channels (and voice text chat).
const POSTABLE = new Set([0, 2, 5, 13]);

function contextOf(props: WidgetProps): PickerContext {
  return (props.registry.formContext ?? { directory: undefined }) as PickerContext;
}

/** A `<select>` of labelled ids, or a text field for the id when the server cannot be read. */
function IdSelect(
  props: WidgetProps & {
    noun: string;
    groups:
      | { label?: string; options: { id: string; label: string; disabled?: boolean }[] }[]
      | undefined;
  },
) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, groups, noun } =
    props;
  const current = typeof value === 'string' ? value : '';
  // An item of a list (`root_hostIds_0`) has no label of its own: name it by its place.
  const item = /_(\d+)$/.exec(id);
  const itemLabel = item
    ? `${noun[0]?.toUpperCase()}${noun.slice(1)} ${Number(item[1]) + 1}`
    : undefined;
  if (!groups)
    return (
      <input
        id={id}
        value={current}
        required={required}
        disabled={disabled || readonly}
        inputMode="numeric"
        placeholder={`${noun} id (digits)`}
        aria-label={itemLabel}
        aria-describedby={`${id}__description`}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        onBlur={() => onBlur(id, current)}
        onFocus={() => onFocus(id, current)}
      />
    );
  const known = groups.some((g) => g.options.some((o) => o.id === current));
  return (
    <select
      id={id}
      value={current}
      required={required}
      disabled={disabled || readonly}
      aria-label={itemLabel}
      aria-describedby={`${id}__description`}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => onBlur(id, current)}
      onFocus={() => onFocus(id, current)}
    >
      <option value="">Choose a {noun}…</option>
      {current && !known ? <option value={current}>{current} (not in this server)</option> : null}
      {groups.map((group, index) =>
        group.label ? (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.id} value={o.id} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : (
          group.options.map((o) => (
            <option key={`${index}-${o.id}`} value={o.id} disabled={o.disabled}>
              {o.label}
            </option>
          ))
        ),
      )}
    </select>
  );
}

/** Picks a channel the bot can post in, grouped by category. */
export function ChannelWidget(props: WidgetProps) {
  const directory = contextOf(props).directory;
  const groups = directory
    ? (() => {
        const categories = new Map(
          directory.channels.filter((c) => c.type === 4).map((c) => [c.id, c.name]),
        );
        const byParent = new Map<string, { id: string; label: string }[]>();
        for (const channel of directory.channels) {
          if (!POSTABLE.has(channel.type)) continue;
          const key = channel.parentId ?? '';
          byParent.set(key, [
            ...(byParent.get(key) ?? []),
            { id: channel.id, label: `#${channel.name}` },
          ]);
        }
        return [...byParent].map(([parent, options]) =>
          parent ? { label: categories.get(parent) ?? 'Other', options } : { options },
        );
      })()
    : undefined;
  return <IdSelect {...props} noun="channel" groups={groups} />;
}

/** Picks a role; roles an integration owns cannot be given to anyone, so they are shown greyed. */
export function RoleWidget(props: WidgetProps) {
  const directory = contextOf(props).directory;
  const groups = directory
    ? [
        {
          options: directory.roles.map((role) => ({
            id: role.id,
            label: role.managed ? `@${role.name} (managed by an integration)` : `@${role.name}`,
            disabled: role.managed,
          })),
        },
      ]
    : undefined;
  return <IdSelect {...props} noun="role" groups={groups} />;
}

/** Picks a member by display name. */
export function MemberWidget(props: WidgetProps) {
  const directory = contextOf(props).directory;
  const groups = directory
    ? [
        {
          options: directory.members.map((member) => ({
            id: member.id,
            label:
              member.displayName === member.username
                ? `@${member.username}`
                : `${member.displayName} (@${member.username})`,
          })),
        },
      ]
    : undefined;
  return <IdSelect {...props} noun="member" groups={groups} />;
}
