import { EntityCombobox } from './fields/entity-picker.js';
import type { EntityKind } from './fields/entity-options.js';
import { GuildDiscordProvider, useGuildDiscord } from './guild-discord.js';
import './config-panel.css';

/**
 * A channel, role or member picker of a guild outside the config panel (the template installer's
 * parameters): searchable, stores the id, keeps an id typed by hand.
 *
 * @example
 * <GuildPicker guildId={guildId} kind="channel" id="welcomeChannelId" label="Welcome channel" value={v} onChange={setV} />
 */
export function GuildPicker(props: {
  guildId: string;
  kind: EntityKind;
  /** Id of the input (a `<label htmlFor>` names it). */
  id: string;
  label: string;
  value: string;
  onChange(value: string | undefined): void;
  describedBy?: string;
}) {
  const guild = useGuildDiscord(props.guildId);
  return (
    <GuildDiscordProvider
      value={{ data: guild.data, loading: guild.isPending, error: guild.error?.message }}
    >
      <EntityCombobox
        kind={props.kind}
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={(value) => props.onChange(typeof value === 'string' ? value : undefined)}
        describedBy={props.describedBy}
      />
    </GuildDiscordProvider>
  );
}
