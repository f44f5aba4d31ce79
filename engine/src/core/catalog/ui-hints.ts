/** Hints the builder's config form reads; never consulted at run time. */

/**
 * Config form widgets the builder knows. Fields without a widget get the default input for
 * their JSON Schema type.
 */
export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'toggle'
  | 'select'
  | 'channel'
  | 'category'
  /** A text channel or a category (a parent: `discord.createChannel`'s `parentId`). */
  | 'channelOrCategory'
  | 'role'
  | 'member'
  | 'message'
  | 'emoji'
  | 'duration'
  | 'datetime'
  | 'cron'
  | 'timezone'
  | 'json'
  | 'expression'
  | 'condition'
  | 'url'
  | 'keyValue'
  | 'list'
  | 'embeds'
  | 'buttons'
  | 'cases'
  | 'commandOptions'
  | 'permissionOverwrites'
  | 'variables'
  | 'graph'
  | 'color';

/** UI hints of one config field. */
export interface FieldUi {
  widget?: Widget;
  /** For a `list` field: the widget of each element (e.g. `role` for a list of role ids). */
  items?: Widget;
  placeholder?: string;
  help?: string;
}

/**
 * UI hints of a node type: palette icon (a short icon name the builder maps), accent color
 * and per-field hints.
 */
export interface NodeUi<K extends string = string> {
  icon: string;
  color?: string;
  /** Hints by config field name; a name the config does not declare does not compile. */
  fields: Readonly<Partial<Record<K, FieldUi>>>;
}
