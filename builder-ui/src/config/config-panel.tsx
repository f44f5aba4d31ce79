import {
  scopeAt,
  type GraphDocument,
  type NodeScope,
  type ValidationIssue,
} from '@guildflow/engine/core';
import { useEffect, useMemo, useRef, type JSX } from 'react';
import { ConfigForm } from './config-form.js';
import { ConfigContextProvider, type ConfigContextValue } from './form-context.js';
import { configForm, nodeTypeJson } from './form-schema.js';
import { GuildDiscordProvider, useGuildDiscord } from './guild-discord.js';
import { assignIssues, fieldPaths, issueConfigPath, shownAt } from './issue-paths.js';
import { MessagePreview, PREVIEWED_TYPES } from './preview/message-preview.js';
import { IssueList, withCode } from './templates.js';
import './config-panel.css';

export interface ConfigPanelProps {
  guildId: string;
  /** The whole draft (scope at the node, vars, upstream outputs). */
  document: GraphDocument;
  /** The selected node. */
  nodeId: string;
  /** validateGraph's issues of this node. */
  issues: readonly ValidationIssue[];
  /** A config path to focus, e.g. 'content' or 'buttons[0].label'. */
  focusPath?: string | undefined;
  /** The node's whole new config. */
  onChange(config: Record<string, unknown>): void;
}

const NO_ISSUES: readonly ValidationIssue[] = [];

/**
 * The config panel of the selected node: a form generated from its type's JSON Schema and UI
 * hints, with Discord-aware pickers, expression fields that know what the node can read, the
 * node's validation issues under their fields and, for messages, a Discord-like preview.
 *
 * @example
 * <ConfigPanel guildId={guildId} document={draft} nodeId={selected} issues={issues.filter((i) => i.nodeId === selected)} onChange={setConfig} />
 */
export function ConfigPanel(props: ConfigPanelProps): JSX.Element {
  const { document, nodeId, issues, focusPath, onChange } = props;
  const guild = useGuildDiscord(props.guildId);
  const node = document.nodes.find((n) => n.id === nodeId);
  const type = node ? nodeTypeJson(node.type) : undefined;
  const form = useMemo(() => (type ? configForm(type) : undefined), [type]);
  const config = useMemo(() => (node?.config ?? {}) as Record<string, unknown>, [node]);
  const assigned = useMemo(
    () =>
      form ? assignIssues(issues, fieldPaths(form, config)) : new Map<string, ValidationIssue[]>(),
    [form, config, issues],
  );
  // The scope is computed when a field first asks for it (autocomplete), once per draft.
  const scope = useMemo(() => {
    let cached: { scope: NodeScope | undefined } | undefined;
    return () => (cached ??= { scope: scopeAt(document, nodeId) }).scope;
  }, [document, nodeId]);
  const context = useMemo<ConfigContextValue | undefined>(
    () =>
      type && {
        guildId: props.guildId,
        nodeId,
        node: type,
        config,
        scope,
        issuesAt: (path) => assigned.get(path) ?? NO_ISSUES,
      },
    [type, props.guildId, nodeId, config, scope, assigned],
  );
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusPath === undefined || !form || !root.current) return;
    focusField(root.current, focusPath, fieldPaths(form, config));
    // Only a new request to focus moves the focus, not every edit of the config.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusPath, nodeId, form]);

  if (!node) {
    return (
      <section className="gf-config gf-config--empty" aria-label="Node settings">
        <p>This node is no longer in the graph.</p>
      </section>
    );
  }
  const headingId = `gf-config-title-${node.id}`;
  if (!type || !form || !context) {
    return (
      <section className="gf-config" aria-labelledby={headingId}>
        <h2 id={headingId} className="gf-config-title">
          {node.id}
        </h2>
        <p className="gf-config-issue">
          “{node.type}” is not a node type of this Guildflow, so it cannot be configured here. Its
          settings are kept as they are; replace the node or delete it.
        </p>
        <IssueList issues={issues} />
      </section>
    );
  }
  const top = assigned.get('') ?? NO_ISSUES;
  return (
    <GuildDiscordProvider
      value={{ data: guild.data, loading: guild.isPending, error: guild.error?.message }}
    >
      <ConfigContextProvider value={context}>
        <section ref={root} className="gf-config" aria-labelledby={headingId}>
          <header className="gf-config-header">
            <h2 id={headingId} className="gf-config-title">
              {type.title}
            </h2>
            <p className="gf-config-type">
              <code>{type.type}</code> · id <code>{node.id}</code>
            </p>
            <p className="gf-config-description">{withCode(type.description)}</p>
          </header>
          {top.length > 0 ? (
            <div
              className="gf-config-node-issues"
              role="group"
              aria-label="Problems with this node"
            >
              <IssueList
                issues={top}
                prefix={(issue) => {
                  const path = issueConfigPath(issue);
                  return path ? path : undefined;
                }}
              />
            </div>
          ) : null}
          {Object.keys((form.schema as { properties?: object }).properties ?? {}).length === 0 ? (
            <p className="gf-config-empty">This node has no settings.</p>
          ) : (
            <ConfigForm
              key={`${node.id}:${node.type}`}
              form={form}
              config={config}
              onChange={onChange}
            />
          )}
          {PREVIEWED_TYPES.has(type.type) ? (
            <MessagePreview
              config={config}
              guild={guild.data}
              edited={type.type === 'discord.editMessage'}
            />
          ) : null}
        </section>
      </ConfigContextProvider>
    </GuildDiscordProvider>
  );
}

// In order of preference: an editable control before a button or a focusable container.
const FOCUSABLE = ['input, select, textarea, [contenteditable="true"]', 'button', '[tabindex]'];

/** Focuses the field of a config path (or the closest field the form shows for it). */
function focusField(root: HTMLElement, requested: string, paths: ReadonlySet<string>): void {
  // Accept a validation issue's path too (`nodes[1].config.content`).
  const path = issueConfigPath({ path: requested }) ?? requested;
  const marked = [...root.querySelectorAll<HTMLElement>('[data-config-path]')];
  const find = (p: string) => marked.find((element) => element.dataset.configPath === p);
  const container = find(path) ?? find(shownAt(path, paths));
  const target = container?.matches(FOCUSABLE[0] ?? '')
    ? container
    : FOCUSABLE.map((selector) => container?.querySelector<HTMLElement>(selector)).find(Boolean);
  if (!container || !target) return;
  container.scrollIntoView?.({ block: 'nearest' });
  target.focus();
}
