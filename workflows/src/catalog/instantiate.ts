import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  parseDuration,
  readableErrors,
  withoutReservedNames,
  type GraphDocument,
} from '@guildflow/engine/core';
import type { InstantiateResult, VarIssue } from '@guildflow/engine/service';
import type { ParameterSchema, Template } from './define.js';

/**
 * Why a template could not be instantiated: no such template, or vars that do not fit its
 * parameters (`issues` names each var and says why).
 *
 * @example
 * try { instantiate('welcome', {}); } catch (e) { if (e instanceof TemplateError) console.log(e.issues); }
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly code: 'unknown_template' | 'invalid_vars',
    message: string,
    readonly issues: VarIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Instantiation over a list of templates: `tryInstantiate` answers a result (what the engine
 * service's `TemplateCatalog` wants), `instantiate` returns the main document and
 * `instantiateAll` every document, or throw.
 *
 * @example
 * const { instantiate } = instantiator([welcome]);
 * const doc = instantiate('welcome', { welcomeChannelId: '1300000000000000101', newcomerRoleId: '1300000000000000201' });
 */
export function instantiator(templates: readonly Template[]) {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const ajv = varsAjv();
  const validators = new Map<string, ValidateFunction>();

  const tryInstantiate = (templateId: string, vars: unknown): InstantiateResult => {
    const template = byId.get(templateId);
    if (!template) return { ok: false, error: 'unknown_template' };
    let validate = validators.get(templateId);
    if (!validate) {
      validate = ajv.compile(template.parameters);
      validators.set(templateId, validate);
    }
    // A copy: ajv fills defaults in place, and the caller's object is not ours to change.
    const filled: unknown = vars === undefined ? {} : structuredClone(vars);
    if (!validate(filled))
      return {
        ok: false,
        error: 'invalid_vars',
        issues: issuesOf(validate.errors ?? [], template),
      };
    // The values only ever land in `vars`: configs read them as `{{ vars.x }}`, which prints a
    // value as data, so a var holding "{{ … }}" is never evaluated. Own data properties only,
    // and never a reserved name, even from a parameter schema that would let one through. Each
    // graph gets the vars its own document declares.
    const values = filled as Record<string, unknown>;
    const graphs = template.graphs.map((doc): GraphDocument => {
      const own = Object.fromEntries(
        Object.keys(doc.vars).map((name) => [
          name,
          Object.hasOwn(values, name) ? values[name] : doc.vars[name],
        ]),
      );
      return { ...structuredClone(doc), vars: withoutReservedNames(structuredClone(own)) };
    });
    return { ok: true, graph: graphs[0] as GraphDocument, graphs };
  };

  const instantiateAll = (templateId: string, vars: unknown): GraphDocument[] => {
    const result = tryInstantiate(templateId, vars);
    if (result.ok) return result.graphs;
    if (result.error === 'unknown_template')
      throw new TemplateError('unknown_template', `There is no template "${templateId}".`);
    throw new TemplateError(
      'invalid_vars',
      `The vars do not fit the template "${templateId}": ${result.issues.map((i) => i.message).join('; ')}.`,
      result.issues,
    );
  };

  const instantiate = (templateId: string, vars: unknown): GraphDocument =>
    instantiateAll(templateId, vars)[0] as GraphDocument;

  return { tryInstantiate, instantiate, instantiateAll };
}

/**
 * What a widget means beyond its pattern, or undefined when the value is fine.
 *
 * @example
 * widgetProblem('timezone', 'Mars/Olympus'); // 'must be an IANA time zone such as Europe/Berlin'
 */
export function widgetProblem(widget: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined; // type and required report these
  switch (widget) {
    case 'duration':
      try {
        return parseDuration(value) > 0 ? undefined : 'must be longer than 0';
      } catch {
        return 'must be a duration such as 30m, 2h, 1d or 1w';
      }
    case 'timezone':
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: value });
        return undefined;
      } catch {
        return 'must be an IANA time zone such as Europe/Berlin';
      }
    case 'datetime':
      return isRealDate(value) ? undefined : 'must be a date such as 2025-12-24T18:00:00Z';
    default:
      return undefined;
  }
}

// Date.parse rolls 2025-02-30 over to March: check the calendar parts themselves.
function isRealDate(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!parts) return true;
  const [year, month, day, hour = '0', minute = '0'] = parts.slice(1).map((p) => p ?? '0');
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60
  );
}

function varsAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, verbose: true });
  ajv.addKeyword({
    keyword: 'x-widget',
    schemaType: 'string',
    errors: true,
    validate: keywordCheck('x-widget', widgetProblem),
  });
  ajv.addKeyword({
    keyword: 'x-maxDuration',
    schemaType: 'string',
    errors: true,
    validate: keywordCheck('x-maxDuration', (max, value) => {
      if (typeof value !== 'string') return undefined;
      try {
        return parseDuration(value) <= parseDuration(max) ? undefined : `must be at most ${max}`;
      } catch {
        return undefined; // x-widget reports a duration it cannot read
      }
    }),
  });
  return ajv;
}

type KeywordCheck = ((schema: string, value: unknown) => boolean) & {
  errors?: Partial<ErrorObject>[];
};

// Ajv reads a custom keyword's errors from the validating function itself.
function keywordCheck(
  keyword: string,
  problem: (schema: string, value: unknown) => string | undefined,
): KeywordCheck {
  const check: KeywordCheck = (schema, value) => {
    const message = problem(schema, value);
    check.errors = message ? [{ keyword, message, params: { [keyword]: schema } }] : [];
    return message === undefined;
  };
  return check;
}

/** One issue per var path (the first problem found), in the shared wording of validation errors. */
function issuesOf(errors: ErrorObject[], template: Template): VarIssue[] {
  const issues = new Map<string, VarIssue>();
  const readable = readableErrors(errors, {
    root: 'vars',
    describe: (error) => widgetProblemOf(error, template),
  });
  for (const { path, message } of readable) {
    const full = path ? `vars.${path}` : 'vars';
    if (!issues.has(full))
      issues.set(full, { var: /^[^.[]*/.exec(path)?.[0] ?? '', path: full, message });
  }
  return [...issues.values()];
}

const ID_KINDS: Partial<Record<string, string>> = {
  channel: 'channel',
  category: 'category',
  role: 'role',
  member: 'user',
};

/** A var holding a Discord id, duration, date, cron or a pattern with `examples`: say what it must look like. */
function widgetProblemOf(error: ErrorObject, template: Template): string | undefined {
  if (error.keyword !== 'pattern') return undefined;
  const name = error.instancePath.split('/').filter(Boolean)[0] ?? '';
  const schema: ParameterSchema | undefined = template.parameters.properties[name];
  const widget =
    schema?.type === 'array'
      ? (schema.items as ParameterSchema | undefined)?.['x-widget']
      : schema?.['x-widget'];
  const kind = widget ? ID_KINDS[widget] : undefined;
  if (kind) return `must be a Discord ${kind} id (digits only), not ${JSON.stringify(error.data)}`;
  if (widget === 'duration') return 'must be a duration such as 30m, 2h, 1d or 1w';
  if (widget === 'datetime') return 'must be a date such as 2025-12-24T18:00:00Z';
  if (widget === 'cron')
    return 'must be a five-field cron expression such as "0 9 * * MON", or @weekly';
  // Any other pattern: show what fits (a time "09:00") rather than "has an invalid format".
  const examples = schema?.examples;
  if (Array.isArray(examples) && examples.length > 0)
    return `must be written like ${examples.map((e) => JSON.stringify(e)).join(' or ')}, not ${JSON.stringify(error.data)}`;
  return undefined;
}
