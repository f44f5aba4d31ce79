/**
 * The activity policy the hand-written baseline uses for both actions, written out as a
 * hand-written workflow would. The interpreter bench checks it equals the catalog's policy of
 * `discord.sendMessage` and `discord.addRole`, so both sides schedule identical activities.
 * Pure constants: this file is bundled into the workflow sandbox.
 */
export const HANDWRITTEN_POLICY = {
  startToCloseTimeout: '30s',
  retry: {
    maximumAttempts: 5,
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [
      'InvalidConfig',
      'MissingPermissions',
      'UnknownResource',
      'InvalidRequest',
      'BlockedDestination',
      'HttpClientError',
      'ResponseTooLarge',
      'NotConfigured',
      'StripeRequestError',
    ],
  },
} as const;
