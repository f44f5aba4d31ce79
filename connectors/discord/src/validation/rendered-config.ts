import {
  DISCORD_LIMITS,
  type ConfigIssue,
  type ConfigOf,
  type NodeDeclaration,
} from '@guildflow/engine/core';
import {
  renderedConfigIssues as checkRendered,
  validateRenderedConfig as validateRendered,
  type RenderedConfigRules,
} from '@guildflow/engine/service';

/**
 * The engine's rendered-config check (schema with every Discord limit of the catalog, no
 * template left open, the declaration's cross-field `check`) plus Discord's 6,000-character
 * budget across all embeds of one message; messages name Discord as the one setting the limits.
 */
export const DISCORD_CONFIG_RULES: RenderedConfigRules = Object.freeze({
  limitsBy: 'Discord',
  refusal: 'cannot be sent to Discord',
  extraIssues: (config: Record<string, unknown>): ConfigIssue[] => {
    const total = embedsTextLength(config.embeds);
    return total > DISCORD_LIMITS.embedTotal
      ? [
          {
            path: 'embeds',
            message: `the embeds hold ${total.toLocaleString('en-US')} characters of text together; Discord allows ${DISCORD_LIMITS.embedTotal.toLocaleString('en-US')} per message`,
          },
        ]
      : [];
  },
});

/**
 * Checks a Discord node's rendered config before any request (see {@link DISCORD_CONFIG_RULES});
 * throws a non-retryable `InvalidConfig` failure listing every problem.
 */
export function validateRenderedConfig<D extends NodeDeclaration>(
  declaration: D,
  config: unknown,
): ConfigOf<D> {
  return validateRendered(declaration, config, DISCORD_CONFIG_RULES);
}

/** The problems of a Discord node's rendered config (empty when it can be sent). */
export function renderedConfigIssues(declaration: NodeDeclaration, config: unknown): ConfigIssue[] {
  return checkRendered(declaration, config, DISCORD_CONFIG_RULES);
}

/** Characters of text counted against Discord's 6,000 per message, over all embeds. */
function embedsTextLength(embeds: unknown): number {
  if (!Array.isArray(embeds)) return 0;
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let total = 0;
  for (const raw of embeds as Record<string, unknown>[]) {
    const author = raw.author as { name?: unknown } | undefined;
    const footer = raw.footer as { text?: unknown } | undefined;
    total += len(raw.title) + len(raw.description) + len(author?.name) + len(footer?.text);
    if (Array.isArray(raw.fields))
      for (const f of raw.fields as { name?: unknown; value?: unknown }[])
        total += len(f.name) + len(f.value);
  }
  return total;
}
