import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';

/** Hints for the settings the install form takes as text, by their `x-widget`. */
const PLACEHOLDERS: Record<string, string> = {
  duration: 'e.g. 10m, 2h, 7d',
  cron: 'e.g. 0 9 * * 1 (Mondays at 9:00)',
  timezone: 'e.g. Europe/Paris',
  datetime: 'e.g. 2030-12-24T18:00:00Z',
  url: 'https://…',
};
/** `x-widget` values drawn by the form's own pickers (the rest are text fields). */
const PICKERS = new Set(['channel', 'role', 'member']);

type Parameter = {
  type?: string;
  title?: string;
  'x-widget'?: string;
  items?: Parameter;
  properties?: Record<string, Parameter>;
  enum?: unknown[];
  uniqueItems?: boolean;
};

function uiOf(parameter: Parameter): UiSchema {
  const widget = parameter['x-widget'];
  if (parameter.type === 'object' && parameter.properties)
    return Object.fromEntries(
      Object.entries(parameter.properties).map(([name, p]) => [name, uiOf(p)]),
    );
  // A set of choices (weekdays): tick boxes in a row rather than a list of drop-downs.
  if (parameter.type === 'array' && parameter.items?.enum && parameter.uniqueItems)
    return { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } };
  if (parameter.type === 'array' && parameter.items) {
    const items = uiOf(parameter.items);
    // RJSF would label a picker of a list `Hosts-1`: the picker names it by its place (`Member 1`).
    // The lists are sets (hosts, moderators, reward steps): no buttons to reorder them.
    // Several lists in one form: each "+ Add" says which list it adds to.
    const addLabel = parameter.title ? `Add to ${parameter.title}` : undefined;
    return {
      'ui:options': { orderable: false, ...(addLabel ? { addLabel } : {}) },
      items: PICKERS.has(parameter.items['x-widget'] ?? '')
        ? { ...items, 'ui:label': false }
        : items,
    };
  }
  if (!widget) return {};
  if (PICKERS.has(widget)) return { 'ui:widget': widget };
  if (widget === 'textarea') return { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
  return PLACEHOLDERS[widget] ? { 'ui:placeholder': PLACEHOLDERS[widget] } : {};
}

/**
 * The RJSF ui schema of a template's parameters: channel, role and member settings become
 * pickers (also inside lists and list entries), text areas stay text areas, sets of choices are
 * tick boxes, durations, crons and time zones get an example; the form's own submit button is
 * hidden (the dialog has one).
 *
 * @example
 * installUiSchema(template.parameters); // { welcomeChannelId: { 'ui:widget': 'channel' }, … }
 */
export function installUiSchema(parameters: Record<string, unknown>): UiSchema {
  const properties = (parameters.properties ?? {}) as Record<string, Parameter>;
  return {
    ...Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, uiOf(p)])),
    'ui:submitButtonOptions': { norender: true },
  };
}

/**
 * The parameters as RJSF draws them: without `examples` (the sandbox's ids, which would read as
 * suggestions in any other server) and without conditional branches (`if`/`then`/`else`,
 * `oneOf`, `anyOf`: "a timeout step needs a duration"), which RJSF would have to evaluate while
 * drawing; the service checks them on install and its messages are shown under the fields.
 */
export function installSchema(parameters: Record<string, unknown>): RJSFSchema {
  const { examples: _examples, ...schema } = parameters;
  return withoutBranches(schema) as RJSFSchema;
}

const BRANCHES = new Set(['if', 'then', 'else', 'oneOf', 'anyOf']);

function withoutBranches(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBranches);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !BRANCHES.has(key))
      .map(([key, inner]) => [key, key === 'default' ? inner : withoutBranches(inner)]),
  );
}

/** One problem of the install's `vars`, as the API lists it (`invalid_vars`). */
interface VarIssue {
  var?: string;
  message?: string;
}

/**
 * The API's `invalid_vars` details as RJSF errors under each setting (the service is the one
 * that validates installs).
 *
 * @example
 * varErrors([{ var: 'welcomeChannelId', path: 'body.vars.welcomeChannelId', message: 'must match pattern' }]);
 * // { welcomeChannelId: { __errors: ['must match pattern'] } }
 */
export function varErrors(details: unknown): ErrorSchema {
  const errors: Record<string, { __errors: string[] }> = {};
  for (const issue of Array.isArray(details) ? (details as VarIssue[]) : []) {
    const name = issue.var || '';
    const message = issue.message ?? 'is not valid';
    if (name) (errors[name] ??= { __errors: [] }).__errors.push(message);
  }
  return errors as ErrorSchema;
}

/**
 * The required settings left empty, as RJSF errors: checked before sending, so the common
 * slip never reaches the service (which checks everything else).
 *
 * @example
 * missingRequired({ required: ['welcomeChannelId'] }, {}); // { welcomeChannelId: { __errors: ['Choose a value: it is required.'] } }
 */
export function missingRequired(
  parameters: Record<string, unknown>,
  vars: Record<string, unknown>,
): ErrorSchema | undefined {
  const required = Array.isArray(parameters.required) ? (parameters.required as string[]) : [];
  const missing = required.filter((name) => {
    const value = vars[name];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
  if (missing.length === 0) return undefined;
  return Object.fromEntries(
    missing.map((name) => [name, { __errors: ['Choose a value: it is required.'] }]),
  ) as ErrorSchema;
}
