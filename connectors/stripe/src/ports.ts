/**
 * What the Stripe executors need from outside, as ports the worker injects (the engine never
 * imports this connector, nor this connector the store's internals):
 * - a guild's credentials by name — the `stripe` credential holds its own account's keys;
 * - the record of which guild owns which Stripe object.
 */

/** A guild's `stripe` credential, opened: its own Stripe account. */
export interface StripeAccountCredential {
  type: 'stripe';
  secretKey: string;
  webhookSecret: string;
}

/** A stored credential of another type (bearer, basic, header): never a Stripe account. */
export interface OtherCredential {
  type: 'bearer' | 'basic' | 'header';
}

/**
 * Where the executors find a guild's credentials by name (the credentials store). Undefined
 * when the guild has no credential of that name.
 */
export interface CredentialSource {
  resolve(
    guildId: string,
    name: string,
  ): Promise<StripeAccountCredential | OtherCredential | undefined>;
}

/**
 * Which guild owns which Stripe object (the `stripe_objects` collection): every object a step
 * creates is recorded for its guild; every id a step reads or changes is checked first.
 */
export interface StripeOwnership {
  /** Records `objectId` as the guild's (idempotent for the same guild). */
  record(guildId: string, objectId: string): Promise<void>;
  /** Throws a non-retryable `stripe_object_not_owned` failure unless the guild owns it. */
  assertOwned(guildId: string, objectId: string): Promise<void>;
}
