import type { JsonSchema, ValidationIssue } from '@guildflow/engine/core';
import type { FieldOptions } from '../form-schema.js';

/** What each leaf field of the config form gets (from the `gf` RJSF field). */
export interface LeafProps {
  /** Element ids: the input (labels point at it), its label, help and issues. */
  ids: { input: string; label: string; help: string; issues: string };
  /** The config path (`buttons[0].label`). */
  path: string;
  value: unknown;
  /** Sets the field's value (`undefined` removes it from the config). */
  onChange(value: unknown): void;
  options: FieldOptions;
  schema: JsonSchema;
  label: string;
  required: boolean;
  /** The issues shown at this path (for leaves with parts: those of the parts too). */
  issues: readonly ValidationIssue[];
  /** Ids of the help and issue texts, for `aria-describedby`. */
  describedBy: string | undefined;
}
