import type { ValidationIssue } from '@guildflow/engine/core';
import type { ConfigForm } from './form-schema.js';

/** A config path as segments: `buttons[0].label` → `['buttons', 0, 'label']`. */
export type PathSegments = (string | number)[];

/**
 * A config path in the notation of validation issues (`buttons[0].label`).
 *
 * @example
 * formatPath(['embeds', 0, 'fields', 1, 'name']); // 'embeds[0].fields[1].name'
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The segments of a config path (numbers in brackets become indexes).
 *
 * @example
 * parsePath('buttons[0].label'); // ['buttons', 0, 'label']
 */
export function parsePath(path: string): PathSegments {
  const segments: PathSegments = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/**
 * The config path an issue points at (`nodes[3].config.content` → `content`; the config itself
 * → `''`), or undefined when it is about the node rather than its config (unreachable…).
 *
 * @example
 * issueConfigPath({ path: 'nodes[1].config.buttons[0].label', … }); // 'buttons[0].label'
 */
export function issueConfigPath(issue: Pick<ValidationIssue, 'path'>): string | undefined {
  const match = /^nodes\[\d+\]\.config(?:\.(.*))?$/.exec(issue.path);
  if (!match) return undefined;
  return match[1] ?? '';
}

/**
 * The paths the form shows a field for: the config's properties, the items of lists RJSF lays
 * out and their leaves. A leaf of ours (an entity picker, the button editor) stands for
 * everything below it.
 *
 * @example
 * fieldPaths(form, { buttons: [{ label: 'Hi' }] }); // Set { '', 'channelId', …, 'buttons' }
 */
export function fieldPaths(form: ConfigForm, config: unknown): Set<string> {
  const paths = new Set<string>(['']);
  const visit = (schema: unknown, ui: unknown, value: unknown, path: PathSegments) => {
    paths.add(formatPath(path));
    const u = (ui ?? {}) as Record<string, unknown>;
    if (u['ui:field']) return;
    const s = (schema ?? {}) as { properties?: Record<string, unknown>; items?: unknown };
    if (s.properties) {
      for (const [key, child] of Object.entries(s.properties)) {
        const childValue = isRecord(value) ? value[key] : undefined;
        visit(child, u[key], childValue, [...path, key]);
      }
    } else if (s.items && Array.isArray(value)) {
      value.forEach((item, i) => visit(s.items, u.items, item, [...path, i]));
    }
  };
  visit(form.schema, form.uiSchema, config, []);
  return paths;
}

/**
 * Where each issue of a node is shown: under the deepest field the form shows for its path;
 * issues about the node itself, or about a path no field shows, under `''` (the panel's top).
 *
 * @example
 * assignIssues(issues, fieldPaths(form, config)).get('content'); // the issues of the text
 */
export function assignIssues(
  issues: readonly ValidationIssue[],
  paths: ReadonlySet<string>,
): Map<string, ValidationIssue[]> {
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const target = shownAt(issueConfigPath(issue), paths);
    const list = byPath.get(target);
    if (list) list.push(issue);
    else byPath.set(target, [issue]);
  }
  return byPath;
}

/**
 * The path where a config path is shown: itself or its deepest shown ancestor.
 *
 * @example
 * shownAt('buttons[2].customId', new Set(['', 'buttons'])); // 'buttons'
 */
export function shownAt(path: string | undefined, paths: ReadonlySet<string>): string {
  if (path === undefined) return '';
  const segments = parsePath(path);
  for (let n = segments.length; n > 0; n--) {
    const candidate = formatPath(segments.slice(0, n));
    if (paths.has(candidate)) return candidate;
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
