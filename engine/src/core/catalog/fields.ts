import { parseDuration } from '../duration.js';
import type { ConfigIssue, NodeDeclaration } from './define-node.js';
import { DURATION_TITLE, isExprSchema, isTemplate } from './schemas.js';

/**
 * How a config field is treated when a node runs: `template` strings are rendered (`{{ }}`
 * expressions resolved), `literal` fields are kept as written, `condition` fields hold a bare
 * expression the node evaluates itself (`flow.if`'s `condition`).
 *
 * @example
 * fieldMode(getNodeType('flow.switch')!, ['cases', '0', 'id']); // 'literal'
 */
export type FieldMode = 'template' | 'literal' | 'condition';

/**
 * The literal config paths of a declaration (dotted, `*` matches any index or key; a path
 * covers everything below it). Everything else accepts `{{ }}` templates.
 *
 * @example
 * literalPaths(getNodeType('trigger.slashCommand')!); // ['name', 'description', 'options']
 */
export function literalPaths(declaration: Pick<NodeDeclaration, 'literal'>): readonly string[] {
  return declaration.literal;
}

/**
 * The mode of the config field at `path` (keys from the config root; indices as numbers or
 * strings, as `renderValue` passes them).
 *
 * @example
 * fieldMode(getNodeType('flow.if')!, ['condition']); // 'condition'
 * fieldMode(getNodeType('discord.sendMessage')!, ['content']); // 'template'
 */
export function fieldMode(
  declaration: Pick<NodeDeclaration, 'literal' | 'conditions'>,
  path: readonly (string | number)[],
): FieldMode {
  if (declaration.literal.some((pattern) => covers(pattern, path))) return 'literal';
  if (declaration.conditions.some((pattern) => covers(pattern, path))) return 'condition';
  return 'template';
}

/**
 * True when the field at `path` is kept literal (never rendered). The interpreter passes this
 * as `renderValue`'s `skip` (together with condition fields).
 */
export function isLiteralField(
  declaration: Pick<NodeDeclaration, 'literal'>,
  path: readonly (string | number)[],
): boolean {
  return declaration.literal.some((pattern) => covers(pattern, path));
}

/**
 * True when the field at `path` holds a bare condition expression (not rendered as a template).
 *
 * @example
 * isConditionField(getNodeType('flow.if')!, ['condition']); // true
 */
export function isConditionField(
  declaration: Pick<NodeDeclaration, 'conditions'>,
  path: readonly (string | number)[],
): boolean {
  return declaration.conditions.some((pattern) => covers(pattern, path));
}

/** True when the dotted pattern is a prefix of the path (`*` matching any one segment). */
function covers(pattern: string, path: readonly (string | number)[]): boolean {
  const segments = pattern.split('.');
  if (path.length < segments.length) return false;
  return segments.every((segment, i) => segment === '*' || segment === String(path[i]));
}

/**
 * The checks of a config beyond its JSON Schema: every literal duration must parse
 * (`parseDuration`: `1 month` is refused), then the declaration's own cross-field `check`.
 * Run it after the config schema accepted the config; paths are JSON pointers into the config.
 *
 * @example
 * checkConfig(getNodeType('discord.timeoutMember')!, { userId: '1', duration: '30d' });
 * // [{ path: '/duration', message: 'A timeout lasts at most 28 days.' }]
 */
export function checkConfig(
  declaration: Pick<NodeDeclaration, 'config' | 'check'>,
  config: Readonly<Record<string, unknown>>,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(declaration.config, config, '', issues);
  if (declaration.check) {
    try {
      issues.push(...declaration.check(config));
    } catch {
      // A check must not fail on configs its schema let through; if it does, the schema
      // errors already describe the problem.
    }
  }
  return issues;
}

function visit(schema: unknown, value: unknown, pointer: string, issues: ConfigIssue[]): void {
  if (typeof schema !== 'object' || schema === null || value === undefined) return;
  let s = schema as {
    title?: unknown;
    type?: unknown;
    properties?: Record<string, unknown>;
    items?: unknown;
  };
  if (isExprSchema(s)) {
    if (isTemplate(value)) return;
    s = s.anyOf[0] as typeof s;
  }
  if (s.title === DURATION_TITLE && typeof value === 'string') {
    try {
      parseDuration(value);
    } catch (error) {
      issues.push({
        path: pointer,
        message: `Not a duration: ${error instanceof Error ? error.message : String(error)}.`,
      });
    }
    return;
  }
  if (
    s.type === 'object' &&
    s.properties &&
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value)
  ) {
    for (const [key, child] of Object.entries(s.properties)) {
      visit(
        child,
        (value as Record<string, unknown>)[key],
        `${pointer}/${escapePointer(key)}`,
        issues,
      );
    }
  } else if (s.type === 'array' && Array.isArray(value)) {
    value.forEach((element, i) => visit(s.items, element, `${pointer}/${i}`, issues));
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
