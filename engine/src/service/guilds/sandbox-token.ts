/**
 * The token of the sandbox's bot when `GUILDFLOW_SANDBOX_TOKEN` is unset (the sandbox's own
 * default; a connector test checks the two stay equal — the engine cannot import the sandbox).
 */
export const SANDBOX_BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.sandbox.guildflow-dev-token';
