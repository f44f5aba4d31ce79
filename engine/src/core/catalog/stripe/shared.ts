import { Type } from '@sinclair/typebox';
import { Expr } from '../schemas.js';

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
