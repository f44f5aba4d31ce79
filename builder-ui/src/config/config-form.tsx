import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { formValidator } from '../ui/rjsf-validator.js';
import type { ConfigForm as ConfigFormShape } from './form-schema.js';
import { GfField } from './gf-field.js';
import { CONFIG_TEMPLATES } from './templates.js';

const FIELDS = { gf: GfField };
// RJSF must never write values by itself: no defaults, no items to reach `minItems`.
const NO_DEFAULTS = {
  arrayMinItems: { populate: 'never' as const },
  emptyObjectFields: 'skipDefaults' as const,
  constAsDefaults: 'never' as const,
};

/**
 * Removes `undefined` entries from objects (a cleared field leaves no key behind).
 *
 * @example
 * pruneUndefined({ a: 1, b: undefined }); // { a: 1 }
 */
export function pruneUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneUndefined);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = pruneUndefined(v);
  return out;
}

/**
 * The RJSF form of a node's config: laid out from the schema, every leaf one of our fields,
 * no validation of its own (the panel shows validateGraph's issues), no submit.
 *
 * @example
 * <ConfigForm form={configForm(type)} config={node.config} onChange={setConfig} />
 */
export function ConfigForm(props: {
  form: ConfigFormShape;
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>): void;
}) {
  return (
    <Form
      tagName="div"
      schema={props.form.schema as RJSFSchema}
      uiSchema={props.form.uiSchema}
      formData={props.config}
      validator={formValidator}
      fields={FIELDS}
      templates={CONFIG_TEMPLATES}
      onChange={(event) =>
        props.onChange(pruneUndefined(event.formData ?? {}) as Record<string, unknown>)
      }
      noHtml5Validate
      showErrorList={false}
      experimental_defaultFormStateBehavior={NO_DEFAULTS}
    />
  );
}
