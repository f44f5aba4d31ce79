import type { NodeScope, NodeTypeJson, ValidationIssue } from '@guildflow/engine/core';
import { createContext, useContext } from 'react';

/** What every field of the config form may need besides its own value. */
export interface ConfigContextValue {
  guildId: string;
  nodeId: string;
  node: NodeTypeJson;
  /** The node's whole config (a cron field reads its sibling `timezone`). */
  config: Readonly<Record<string, unknown>>;
  /** What the node's expressions can read (computed on demand, from the current draft). */
  scope: () => NodeScope | undefined;
  /** The issues shown at a field path (a leaf of ours gets those of everything below it). */
  issuesAt(path: string): readonly ValidationIssue[];
}

const ConfigContext = createContext<ConfigContextValue | undefined>(undefined);

/** Provides the node being configured to its fields. */
export const ConfigContextProvider = ConfigContext.Provider;

/** The node being configured (only inside a ConfigPanel). */
export function useConfigContext(): ConfigContextValue {
  const value = useContext(ConfigContext);
  if (!value) throw new Error('useConfigContext is used outside a ConfigPanel');
  return value;
}

/**
 * Element ids of a field's parts, from its path: the input, its label, help and issues.
 *
 * @example
 * fieldIds('buttons[0].label').input; // 'gf-config-buttons-0-label'
 */
export function fieldIds(path: string) {
  const base = `gf-config-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '') || 'root'}`;
  return {
    input: base,
    label: `${base}__label`,
    help: `${base}__help`,
    issues: `${base}__issues`,
  };
}
