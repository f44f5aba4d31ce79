import { Type } from '@sinclair/typebox';
import type { PortDeclaration } from './node-kinds.js';

/** The single `out` port of most nodes. */
export const OUT: readonly PortDeclaration[] = Object.freeze([{ id: 'out', label: 'Next' }]);

/**
 * Accent colors of the palette groups.
 *
 * @example
 * ui: { icon: 'send', color: COLORS.discord, fields: {} }
 */
export const COLORS = {
  trigger: '#F59E0B',
  discord: '#5865F2',
  flow: '#64748B',
  data: '#10B981',
  http: '#0EA5E9',
  stripe: '#635BFF',
} as const;

/** Output schema of the guild a member event happened in. */
export function GuildRef() {
  return Type.Object({
    id: Type.String(),
    name: Type.String(),
    memberCount: Type.Integer({ description: 'Members after the event.' }),
  });
}
