import { ariaDescribedByIds, type RegistryWidgetsType, type WidgetProps } from '@rjsf/utils';
import { EntityCombobox } from './fields/entity-picker.js';
import { ENTITY_NOUN, type EntityKind } from './fields/entity-options.js';
import './config-panel.css';

/**
 * The config panel's searchable channel, role and member pickers as RJSF widgets, for forms
 * outside the panel (a template's install settings): they read the guild's data from the
 * `GuildDiscordProvider` around the form, store the id, and keep an id typed by hand (the only
 * way when the server cannot be read). No expressions: such settings hold ids.
 *
 * @example
 * <GuildDiscordProvider value={state}><Form widgets={GUILD_PICKER_WIDGETS} … /></GuildDiscordProvider>
 */
export const GUILD_PICKER_WIDGETS: RegistryWidgetsType = {
  channel: pickerWidget('channel'),
  role: pickerWidget('role'),
  member: pickerWidget('member'),
};

function pickerWidget(kind: EntityKind) {
  function GuildPickerWidget(props: WidgetProps) {
    const { id, value, onChange } = props;
    // An item of a list (`root_hostIds_0`) has no label of its own: name it by its place.
    const item = props.hideLabel ? /_(\d+)$/.exec(id) : null;
    const noun = ENTITY_NOUN[kind];
    const label = item
      ? `${noun[0]?.toUpperCase()}${noun.slice(1)} ${Number(item[1]) + 1}`
      : props.label;
    return (
      <EntityCombobox
        kind={kind}
        id={id}
        label={label}
        unlabelled={item !== null}
        value={typeof value === 'string' ? value : ''}
        onChange={(next) => onChange(typeof next === 'string' && next !== '' ? next : undefined)}
        describedBy={ariaDescribedByIds(id)}
        invalid={(props.rawErrors?.length ?? 0) > 0}
        required={props.required}
        expressions={false}
      />
    );
  }
  return GuildPickerWidget;
}
