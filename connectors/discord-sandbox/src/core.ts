import type { SandboxState } from './state.js';
import type { Dispatcher } from './types.js';

/**
 * What route handlers and event injection share: the state and the gateway to announce changes.
 *
 * @example
 * function handler(core: Core) { core.gateway.dispatch('GUILD_MEMBER_ADD', data, scope); }
 */
export interface Core {
  state: SandboxState;
  gateway: Dispatcher;
  /** Interaction tokens stop working after this long (Discord: 15 minutes). */
  interactionTokenTtlMs: number;
  /** When set, an interaction not acknowledged within this many ms is unknown (Discord: 3 s). */
  interactionAckDeadlineMs: number | null;
}
