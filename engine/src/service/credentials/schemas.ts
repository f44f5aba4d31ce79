import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CREDENTIAL_NAME_PATTERN, StringEnum } from '../../core/index.js';
import type { CredentialType } from '../storage/index.js';

export { CREDENTIAL_NAME_PATTERN };
const CREDENTIAL_NAME = new RegExp(CREDENTIAL_NAME_PATTERN);

/** True when `name` can be a credential's name. */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/** Credentials one guild may hold. */
export const MAX_GUILD_CREDENTIALS = 50;
/** Longest secret text (a token, a password, a header value). */
export const MAX_SECRET_LENGTH = 4096;
/** An HTTP header name (RFC 9110 `token`). */
export const HEADER_NAME_PATTERN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$";

export const CREDENTIAL_TYPES = [
  'bearer',
  'basic',
  'header',
  'stripe',
] as const satisfies readonly CredentialType[];

const secret = (description: string) =>
  Type.String({ minLength: 1, maxLength: MAX_SECRET_LENGTH, description });

/**
 * The `value` each credential type takes; never shown again after it is stored.
 *
 * @example
 * VALUE_SCHEMAS.basic; // { username, password }
 */
export const VALUE_SCHEMAS = {
  bearer: secret('The token, sent as `Authorization: Bearer <token>`.'),
  basic: Type.Object(
    {
      username: Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'Without `:` (Basic auth joins the two with one).',
      }),
      password: Type.String({ maxLength: MAX_SECRET_LENGTH }),
    },
    { additionalProperties: false },
  ),
  header: Type.Object(
    {
      header: Type.String({
        pattern: HEADER_NAME_PATTERN,
        description: 'The header to send, e.g. `X-Api-Key`.',
      }),
      value: secret('The header’s value.'),
    },
    { additionalProperties: false },
  ),
  stripe: Type.Object(
    {
      secretKey: Type.String({
        pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9_]+$',
        maxLength: 512,
        description: 'The guild’s own Stripe secret or restricted key (`sk_…` / `rk_…`).',
      }),
      webhookSecret: Type.String({
        pattern: '^whsec_[A-Za-z0-9_]+$',
        maxLength: 512,
        description: 'The signing secret of the guild’s Stripe webhook endpoint (`whsec_…`).',
      }),
    },
    { additionalProperties: false },
  ),
} satisfies Record<CredentialType, TSchema>;

/** What a credential of each type holds, opened. */
export type CredentialValue<T extends CredentialType = CredentialType> = Static<
  (typeof VALUE_SCHEMAS)[T]
>;

const nameField = Type.String({
  pattern: CREDENTIAL_NAME_PATTERN,
  description:
    'Letters, digits, `_` and `-`, starting with a letter, at most 64 characters; unique in the guild. Graphs refer to it by this name.',
});

/** The body as first read: which type it is, before its value is checked against that type. */
export const CredentialBodyEnvelopeSchema = Type.Object(
  {
    name: Type.String(),
    type: StringEnum(CREDENTIAL_TYPES),
    value: Type.Unknown(),
  },
  { additionalProperties: false },
);

/**
 * Body of `POST /api/guilds/:guildId/credentials`: a name, a type and that type's value.
 *
 * @example
 * { name: 'crm', type: 'bearer', value: 'tok_…' }
 * { name: 'sheets', type: 'header', value: { header: 'X-Api-Key', value: '…' } }
 */
export const CredentialBodySchema = Type.Union(
  CREDENTIAL_TYPES.map((type) =>
    Type.Object(
      { name: nameField, type: Type.Literal(type), value: VALUE_SCHEMAS[type] },
      { additionalProperties: false },
    ),
  ),
  { $id: 'CredentialBody' },
);

/** A stored credential as every answer shows it: never its value. */
export const CredentialSchema = Type.Object(
  {
    name: Type.String(),
    type: StringEnum(CREDENTIAL_TYPES),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When a run last used it (updated at most once a minute); null if never.',
    }),
    webhookUrl: Type.Optional(
      Type.String({
        description:
          'A `stripe` credential only: the endpoint to add in that Stripe account (Developers → Webhooks), whose signing secret is the credential’s `webhookSecret`; its events start the server’s `trigger.stripeEvent` graphs.',
      }),
    ),
  },
  { $id: 'Credential' },
);

/** Answer of `POST …/credentials`. */
export const CredentialCreatedSchema = Type.Object(
  {
    name: Type.String(),
    type: StringEnum(CREDENTIAL_TYPES),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CredentialCreated' },
);

/** Answer of `GET …/credentials`. */
export const CredentialListSchema = Type.Object(
  {
    credentials: Type.Array(Type.Ref('Credential'), {
      description: `The guild’s credentials by name (at most ${MAX_GUILD_CREDENTIALS}); values are write-only.`,
    }),
  },
  { $id: 'CredentialList' },
);
