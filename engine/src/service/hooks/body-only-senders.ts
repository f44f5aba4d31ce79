import { log } from '../log.js';
import type { HookState } from './hook-directory.js';

const REPORT_EVERY_MS = 10 * 60_000;
const CAPACITY = 1000;

/**
 * Tells operators which timestamped hooks still get correctly signed body-only deliveries (a
 * sender with the secret that signs the old way — typically a hook stored before timestamps
 * were required): a warning per hook at most every 10 minutes, never the secret or the body.
 *
 * @example
 * if (check.signedBodyOnly) senders.report(hook);
 */
export class BodyOnlySenders {
  private readonly lastReport = new Map<string, number>();

  report(hook: Pick<HookState, 'hookId' | 'graphId' | 'guildId'>, nowMs = Date.now()): void {
    const last = this.lastReport.get(hook.hookId);
    if (last !== undefined && nowMs - last < REPORT_EVERY_MS) return;
    if (this.lastReport.size >= CAPACITY) this.lastReport.clear();
    this.lastReport.set(hook.hookId, nowMs);
    log('warn', 'webhook.timestamp_required', {
      hookId: hook.hookId,
      graphId: hook.graphId,
      guildId: hook.guildId,
      hint: 'The sender signs the body alone; this hook requires X-Guildflow-Timestamp. Update the sender (docs/api/webhooks.md), or switch the hook to body-only signing (replayable): PUT /api/guilds/:guildId/graphs/:graphId/webhook { "signing": "body" }.',
    });
  }
}
