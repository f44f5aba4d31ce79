/**
 * Discord's message limits the catalog enforces on literal configs.
 *
 * @example
 * DISCORD_LIMITS.content; // 2000
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  buttons: 25,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  timeoutDays: 28,
  deleteMessageSeconds: 604_800,
  allowedRoleMentions: 100,
} as const;
