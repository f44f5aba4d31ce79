import { ApplicationFailure } from '@temporalio/common';
import {
  ERROR_TYPES,
  checkConfig,
  configValidator,
  isExprSchema,
  issueClause,
  pointerToPath,
  readableErrors,
  type ConfigIssue,
  type ConfigOf,
  type NodeDeclaration,
} from '../../core/index.js';

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
 */
export function validateRenderedConfig<D extends NodeDeclaration>(
  declaration: D,
  config: unknown,
  rules: RenderedConfigRules = {},
): ConfigOf<D> {
  const issues = renderedConfigIssues(declaration, config, rules);
  if (issues.length > 0) {
    const list = issues.map(issueClause);
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
    return readableErrors(validate.errors ?? [], {
      data: config,
      rendered: true,
      ...(rules.limitsBy === undefined ? {} : { limitsBy: rules.limitsBy }),
    });
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
        message: `${fieldOf(pointer)} is still an expression (${value}) after rendering`,
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

/** The name of the field a pointer ends in (array indexes skipped). */
function fieldOf(pointer: string): string {
  return (
    pointer
      .split('/')
      .filter((part) => part !== '' && !/^\d+$/.test(part))
      .pop() ?? 'the value'
  );
}
