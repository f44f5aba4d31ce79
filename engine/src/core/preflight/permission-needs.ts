import type { NodeDeclaration } from '../catalog/define-node.js';
import type { DiscordPermission, PermissionRule } from '../catalog/discord/permissions.js';
import { getNodeType } from '../catalog/registry.js';
import type { GraphDocument } from '../graph/schema.js';

/**
 * A permission the bot needs for one node: where (a literal channel id, or the whole guild when
 * the node acts guild-wide or its channel is an expression known only at run time).
 *
 * @example
 * const need: PermissionNeed = { nodeId: 'post', permissions: ['SendMessages'], field: '/channelId', channelId: '1300…' };
 */
export interface PermissionNeed {
  nodeId: string;
  nodeType: string;
  permissions: DiscordPermission[];
  /** The config field naming the channel (JSON pointer), when the need is in a channel. */
  field?: string;
  /** The channel, when the field holds a literal id; undefined: checked guild-wide. */
  channelId?: string;
}

const isExpression = (value: unknown) => typeof value === 'string' && value.includes('{{');

/** Whether a rule's `when` holds for a config; undefined when an expression makes it unknown. */
function applies(rule: PermissionRule, d: NodeDeclaration, config: Record<string, unknown>) {
  for (const [field, expected] of Object.entries(rule.when ?? {})) {
    const schema = d.config.properties[field] as { default?: unknown } | undefined;
    const value = config[field] ?? schema?.default;
    if (isExpression(value)) return false;
    if (expected === true ? value === undefined : value !== expected) return false;
  }
  return true;
}

/**
 * The Discord permissions each node of a graph needs, from its type's `requires` declaration:
 * rules whose `when` holds (unknown → not counted), in the channel the node names when that is
 * a literal id, else guild-wide; a rule whose channel field is unset (a DM) needs nothing.
 *
 * @example
 * permissionNeeds(doc); // [{ nodeId: 'give', nodeType: 'discord.addRole', permissions: ['ManageRoles'] }]
 */
export function permissionNeeds(doc: GraphDocument): PermissionNeed[] {
  const needs: PermissionNeed[] = [];
  for (const node of doc.nodes) {
    const d = getNodeType(node.type);
    if (!d?.requires) continue;
    for (const rule of d.requires.permissions) {
      if (!applies(rule, d, node.config)) continue;
      const need: PermissionNeed = {
        nodeId: node.id,
        nodeType: node.type,
        permissions: [...rule.permissions],
      };
      if (rule.channelField) {
        const channel = node.config[rule.channelField];
        if (channel === undefined) continue;
        need.field = `/${rule.channelField}`;
        if (typeof channel === 'string' && !isExpression(channel)) need.channelId = channel;
      }
      needs.push(need);
    }
  }
  return needs;
}
