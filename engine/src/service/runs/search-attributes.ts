import type { TypedSearchAttributes } from '@temporalio/common';
import { SEARCH_ATTRIBUTE_KEYS } from '../../interpreter/contract.js';

/** The run-identifying attributes of a workflow, as read back from Temporal. */
export interface RunAttributes {
  guildId: string | undefined;
  graphId: string | undefined;
  version: number | undefined;
  triggerType: string | undefined;
}

/**
 * Reads a run's search attributes (set by `runSearchAttributes` in contract.ts) from a
 * description or a list entry.
 */
export function readRunAttributes(attributes: TypedSearchAttributes): RunAttributes {
  return {
    guildId: attributes.get(SEARCH_ATTRIBUTE_KEYS.GuildId),
    graphId: attributes.get(SEARCH_ATTRIBUTE_KEYS.GraphId),
    version: attributes.get(SEARCH_ATTRIBUTE_KEYS.GraphVersion),
    triggerType: attributes.get(SEARCH_ATTRIBUTE_KEYS.TriggerType),
  };
}
