import type { FieldProps } from '@rjsf/utils';
import type { ReactElement } from 'react';
import { fieldIds, useConfigContext } from './form-context.js';
import { fieldOptions, type FieldKind } from './form-schema.js';
import { formatPath } from './issue-paths.js';
import {
  ColorLeaf,
  DatetimeLeaf,
  JsonLeaf,
  NumberLeaf,
  SelectLeaf,
  TextLeaf,
  TimezoneLeaf,
  ToggleLeaf,
} from './fields/basic-fields.js';
import { ButtonListLeaf } from './fields/button-list.js';
import { EmbedListLeaf } from './fields/embed-list.js';
import { EntityLeaf } from './fields/entity-picker.js';
import { ExpressionLeaf } from './fields/expression-leaf.js';
import { GraphLeaf } from './fields/graph-picker.js';
import { KeyValueLeaf } from './fields/key-value-leaf.js';
import type { LeafProps } from './fields/leaf.js';
import { ListLeaf } from './fields/list-leaf.js';
import { CronLeaf, DurationLeaf } from './fields/schedule-fields.js';

const LEAVES: Record<FieldKind, (props: LeafProps) => ReactElement> = {
  text: TextLeaf,
  expression: ExpressionLeaf,
  number: NumberLeaf,
  select: SelectLeaf,
  toggle: ToggleLeaf,
  entity: EntityLeaf,
  duration: DurationLeaf,
  cron: CronLeaf,
  timezone: TimezoneLeaf,
  datetime: DatetimeLeaf,
  color: ColorLeaf,
  json: JsonLeaf,
  list: ListLeaf,
  keyValue: KeyValueLeaf,
  buttons: ButtonListLeaf,
  embeds: EmbedListLeaf,
  graph: GraphLeaf,
};

/**
 * The one RJSF field of the config form (`ui:field: 'gf'`): picks the leaf component the
 * uiSchema names and gives it the value, the path, ids for its label and help, and its issues.
 *
 * @example
 * <Form fields={{ gf: GfField }} … />
 */
export function GfField(props: FieldProps) {
  const options = fieldOptions(props.uiSchema);
  const { issuesAt } = useConfigContext();
  if (!options) return null;
  const path = formatPath(props.fieldPathId.path);
  const ids = fieldIds(path);
  const issues = issuesAt(path);
  const hasHelp = Boolean(props.schema.description || options.help);
  const describedBy = [hasHelp ? ids.help : '', issues.length > 0 ? ids.issues : '']
    .filter(Boolean)
    .join(' ');
  const Leaf = LEAVES[options.kind];
  const title = (props.uiSchema as { 'ui:title'?: string } | undefined)?.['ui:title'];
  return (
    <Leaf
      ids={ids}
      path={path}
      value={props.formData}
      onChange={(value) => props.onChange(value, props.fieldPathId.path)}
      options={options}
      schema={props.schema}
      label={title ?? props.name}
      required={props.required ?? false}
      issues={issues}
      describedBy={describedBy || undefined}
    />
  );
}
