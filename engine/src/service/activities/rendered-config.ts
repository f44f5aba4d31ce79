import { ApplicationFailure } from '@temporalio/common';
import {
  ERROR_TYPES,
  checkConfig,
  configValidator,
  isExprSchema,
  pointerToPath,
  type ConfigIssue,
  type ConfigOf,
  type NodeDeclaration,
} from '../../core/index.js';

/** ajv's error object, as far as these messages read it (the engine compiles with ajv 8). */
interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: { title?: unknown };
}

const TEMPLATE_TITLE = 'Expression';

/**
 * What a connector adds to the rendered-config check: issues of its own (Discord's 6,000
 * characters across a message's embeds), who sets the limits and what the config is for, as
 * the refusal says them.
 */
export interface RenderedConfigRules {
  /** Checks beyond the declaration, run once the declaration's own pass. */
  extraIssues?: (config: Record<string, unknown>) => ConfigIssue[];
  /** Who sets the size limits, in messages: `Discord allows at most 256`. */
  limitsBy?: string;
  /** The end of `The <title> node's config <refusal>: …`. */
  refusal?: string;
}

/**
 * Checks a node's RENDERED config (templates resolved) before the executor acts: the
 * declaration's schema as the engine compiled it, with no template branch left open (a value
 * that is still a `{{ … }}` where the declaration wants an id, number or duration is refused,
 * as `resolvedConfigSchema` would), the declaration's cross-field `check`, then the
 * connector's `extraIssues`. Throws a non-retryable `InvalidConfig` failure listing every
 * problem; returns the config typed otherwise.
 *
 * @example
 * const config = validateRenderedConfig(getNodeType('data.get')!, input.config);
 */
export function validateRenderedConfig<D extends NodeDeclaration>(
  declaration: D,
  config: unknown,
  rules: RenderedConfigRules = {},
): ConfigOf<D> {
  const issues = renderedConfigIssues(declaration, config, rules);
  if (issues.length > 0) {
    const list = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    throw ApplicationFailure.create({
      type: ERROR_TYPES.invalidConfig,
      message: `The ${declaration.title} node's config ${rules.refusal ?? 'is invalid after rendering'}: ${list.join('; ')}.`,
      nonRetryable: true,
      details: [{ issues }],
    });
  }
  return config as ConfigOf<D>;
}

/**
 * The problems of a rendered config (empty when it can be used), with dotted paths
 * (`embeds[0].title`).
 *
 * @example
 * renderedConfigIssues(getNodeType('discord.reply')!, { content: '' });
 * // [{ path: 'content', message: 'is empty' }, …]
 */
export function renderedConfigIssues(
  declaration: NodeDeclaration,
  config: unknown,
  rules: RenderedConfigRules = {},
): ConfigIssue[] {
  const validate = configValidator(declaration);
  if (!validate(config))
    return readable((validate.errors ?? []) as AjvError[], config, rules.limitsBy ?? 'the node');
  const record = config as Record<string, unknown>;
  const unrendered: ConfigIssue[] = [];
  leftoverTemplates(declaration.config, record, '', unrendered);
  if (unrendered.length > 0) return unrendered;
  const issues = checkConfig(declaration, record).map((i) => ({
    path: pointerToPath(i.path),
    message: i.message,
  }));
  return [...issues, ...(rules.extraIssues?.(record) ?? [])];
}

function readable(errors: readonly AjvError[], config: unknown, limitsBy: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const key = `${path}|${message}`;
    if (!seen.has(key)) issues.push({ path, message });
    seen.add(key);
  };
  // Errors of an expression field's template branch say nothing about the rendered value.
  const relevant = errors.filter((e) => e.parentSchema?.title !== TEMPLATE_TITLE);
  const specific = new Set(
    relevant
      .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
      .map((e) => e.instancePath),
  );
  for (const error of relevant) {
    // A failed "one of these fields" combinator reports each branch's `required` too.
    if (/\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath) && error.keyword === 'required') continue;
    // An expression field's `anyOf` is explained by its value branch's error.
    if (error.keyword === 'anyOf' && specific.has(error.instancePath)) continue;
    const path = pointerToPath(error.instancePath);
    const params = error.params;
    const value = valueAt(config, error.instancePath);
    switch (error.keyword) {
      case 'maxLength':
        add(
          path,
          `is ${lengthOf(value).toLocaleString('en-US')} characters long; ${limitsBy} allows at most ${Number(params.limit).toLocaleString('en-US')}`,
        );
        break;
      case 'minLength':
        add(path, 'is empty');
        break;
      case 'maxItems':
        add(
          path,
          `has ${lengthOf(value)} items; ${limitsBy} allows at most ${String(params.limit)}`,
        );
        break;
      case 'anyOf':
      case 'oneOf': {
        const fields = requiredFields(error.schema);
        if (fields.length > 0)
          add(
            path,
            error.keyword === 'oneOf'
              ? `set exactly one of ${fields.join(', ')}`
              : `set at least one of ${fields.join(', ')}`,
          );
        else add(path, error.message ?? 'is invalid');
        break;
      }
      case 'additionalProperties':
        add(path, `unknown field "${String(params.additionalProperty)}"`);
        break;
      case 'required':
        add(path, `${String(params.missingProperty)} is required`);
        break;
      case 'pattern':
        add(path, `${JSON.stringify(value)} has the wrong format`);
        break;
      case 'enum':
        add(path, `must be one of ${(params.allowedValues as unknown[]).join(', ')}`);
        break;
      default:
        add(path, error.message ?? 'is invalid');
    }
  }
  return issues;
}

/** Expression fields whose rendered value is still a template (`{{ … }}`). */
function leftoverTemplates(
  schema: unknown,
  value: unknown,
  pointer: string,
  out: ConfigIssue[],
): void {
  if (typeof schema !== 'object' || schema === null || value === undefined) return;
  let s = schema as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  if (isExprSchema(s)) {
    if (typeof value === 'string' && value.includes('{{')) {
      out.push({
        path: pointerToPath(pointer),
        message: `is still an expression (${value}) after rendering`,
      });
      return;
    }
    s = s.anyOf[0] as typeof s;
  }
  if (s.type === 'object' && s.properties && typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(s.properties))
      leftoverTemplates(child, (value as Record<string, unknown>)[key], `${pointer}/${key}`, out);
  } else if (s.type === 'array' && Array.isArray(value)) {
    value.forEach((element, i) => leftoverTemplates(s.items, element, `${pointer}/${i}`, out));
  }
}

function requiredFields(schema: unknown): string[] {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((branch) => {
    const required = (branch as { required?: unknown }).required;
    return Array.isArray(required) ? required.map(String) : [];
  });
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : 0;
}
