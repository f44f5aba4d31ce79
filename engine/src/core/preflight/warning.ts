/**
 * Warning codes preflight gives before publishing (docs/api/README.md, Preflight). The graph-only
 * ones come from the core; the others need the guild and come from the service.
 */
export type PreflightCode =
  | 'bot_missing_permission'
  | 'role_above_bot'
  | 'channel_not_text'
  | 'message_may_exceed_limit'
  | 'reply_after_interaction_window';

/**
 * One preflight warning: what may go wrong at run time, on which node and field, and what to do.
 * `field` is a JSON pointer into the node's config (`/content`, `/embeds/0/description`).
 *
 * @example
 * const w: PreflightWarning = { code: 'role_above_bot', severity: 'warning', nodeId: 'give', field: '/roleId', message: '…' };
 */
export interface PreflightWarning {
  code: PreflightCode;
  severity: 'warning';
  nodeId?: string;
  field?: string;
  message: string;
}
