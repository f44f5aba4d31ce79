import { Type } from '@sinclair/typebox';
import { CREDENTIAL_NAME_PATTERN } from '../credential-name.js';
import type { ConfigIssue } from '../define-node.js';
import { Expr, issueIf } from '../schemas.js';

/** A Stripe object id with its prefix (`cus_…`, `sub_…`, `price_…`), or a template. */
export function StripeId(prefix: string, description: string) {
  return Expr(Type.String({ pattern: `^${prefix}_[A-Za-z0-9]{1,250}$` }), {
    description,
    examples: [`${prefix}_1234567890abcdef`],
  });
}

/** Stripe metadata: up to 50 string keys (≤ 40 characters) and values (≤ 500 characters). */
export function Metadata() {
  return Type.Record(
    Type.String({ minLength: 1, maxLength: 40 }),
    Type.String({ maxLength: 500 }),
    {
      maxProperties: 50,
      description: 'Key-value pairs stored on the Stripe object (e.g. the Discord user id).',
    },
  );
}

/** A credential given by a graph var: exactly `{{ vars.<name> }}` (how a template's installer names it). */
const VARS_REFERENCE = /^\{\{\s*vars\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$/;

/**
 * The `credential` field of every Stripe action: the name of the server's stored credential of
 * type `stripe` (its own Stripe account's keys) — never the service's billing key. A name, or a
 * graph var holding one (`{{ vars.stripeCredential }}`, so a template's installer can name it);
 * no other expression, so a run's payload can never choose the account ({@link credentialIssues}).
 */
export function StripeCredential() {
  return Expr(Type.String({ pattern: CREDENTIAL_NAME_PATTERN }), {
    description:
      'Name of this server’s stored `stripe` credential (its own Stripe account, docs/stripe.md), or `{{ vars.<name> }}` holding that name. Not the key.',
    examples: ['shop'],
  });
}

/** The UI hint of the credential field (shared by the Stripe actions). */
export const CREDENTIAL_FIELD = { credential: { placeholder: 'shop' } } as const;

/**
 * Refuses a credential expression other than a graph var: the account a step charges or reads
 * is the author's choice, never the payload's.
 *
 * @example
 * credentialIssues({ credential: '{{ trigger.body.account }}' }).length; // 1
 */
export function credentialIssues(config: { credential?: unknown }): ConfigIssue[] {
  const value = config.credential;
  return issueIf(
    typeof value === 'string' && value.includes('{{') && !VARS_REFERENCE.test(value),
    '/credential',
    'The credential is the name of a stored credential, or exactly {{ vars.<name> }}: other expressions could let a run pick the Stripe account.',
  );
}
