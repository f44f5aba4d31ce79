import { Type, type TSchema } from '@sinclair/typebox';
import { issueClause } from '../../core/index.js';
import { ApiError } from '../errors.js';
import { check } from '../http/validate.js';
import {
  isDuplicateKey,
  withKeyLock,
  type CredentialRecord,
  type CredentialType,
  type SecretBox,
  type Store,
} from '../storage/index.js';
import {
  isCredentialName,
  CredentialBodyEnvelopeSchema,
  MAX_GUILD_CREDENTIALS,
  VALUE_SCHEMAS,
  type CredentialValue,
} from './schemas.js';

/** A credential as the API shows it (never its value). */
export interface CredentialView {
  name: string;
  type: CredentialType;
  createdAt: string;
  lastUsedAt: string | null;
  /** A `stripe` credential's webhook endpoint (see `stripeWebhookUrl`). */
  webhookUrl?: string;
}

/** A checked `POST …/credentials` body. */
export interface NewCredential {
  name: string;
  type: CredentialType;
  value: CredentialValue;
}

// Header values and tokens travel in HTTP headers: a line break there would split the request.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;
// Each value checked as `{ value }`, so problems are reported at `body.value…`; built once,
// since `check` compiles a validator per schema object.
const valueBody = (type: CredentialType): TSchema =>
  Type.Object({ value: VALUE_SCHEMAS[type] }, { additionalProperties: true });
const VALUE_BODIES: Record<CredentialType, TSchema> = {
  bearer: valueBody('bearer'),
  basic: valueBody('basic'),
  header: valueBody('header'),
  stripe: valueBody('stripe'),
};

/**
 * Checks a create body: the envelope, the name, then the value against its type's schema.
 * Error messages name fields and rules only — never any part of the value sent.
 */
export function checkCredentialBody(body: unknown): NewCredential {
  const envelope = check(CredentialBodyEnvelopeSchema, body, 'body');
  if (!isCredentialName(envelope.name))
    throw invalid(
      'body.name',
      'must start with a letter and hold only letters, digits, `_` and `-` (at most 64 characters), e.g. `crm_token`',
    );
  checkValue(envelope.type, envelope.value);
  const value = envelope.value as CredentialValue;
  const texts: [string, string][] =
    typeof value === 'string'
      ? [['body.value', value]]
      : Object.entries(value).map(([key, text]) => [`body.value.${key}`, String(text)]);
  for (const [path, text] of texts)
    if (CONTROL.test(text))
      throw invalid(path, 'must not contain line breaks or control characters');
  if (envelope.type === 'basic' && (value as CredentialValue<'basic'>).username.includes(':'))
    throw invalid(
      'body.value.username',
      'must not contain `:` (Basic auth joins user and password with it)',
    );
  return { name: envelope.name, type: envelope.type, value };
}

// ajv says "has an invalid format" for a pattern; these say which format.
const FORMATS: Record<string, string> = {
  'body.value.header':
    "must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), e.g. X-Api-Key",
  'body.value.secretKey': 'must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…)',
  'body.value.webhookSecret': 'must be a Stripe webhook signing secret (whsec_…)',
};

function checkValue(type: CredentialType, value: unknown): void {
  try {
    check(VALUE_BODIES[type], { value }, 'body');
  } catch (error) {
    if (!(error instanceof ApiError) || !Array.isArray(error.details)) throw error;
    const issues = (error.details as { path: string; message: string }[]).map((issue) => {
      const format = FORMATS[issue.path];
      return format && issue.message.endsWith('has an invalid format')
        ? { path: issue.path, message: `${issue.path.split('.').pop()} ${format}` }
        : issue;
    });
    throw new ApiError(
      400,
      'invalid_request',
      `The request body is invalid: ${issues.map(issueClause).join('; ')}. A ${type} credential's value is ${VALUE_SHAPES[type]}.`,
      issues,
    );
  }
}

const VALUE_SHAPES: Record<CredentialType, string> = {
  bearer: 'the token (a string)',
  basic: '{ username, password }',
  header: '{ header, value }',
  stripe: '{ secretKey, webhookSecret }',
};

function invalid(path: string, rule: string): ApiError {
  const field = path.replace(/^body\./, '');
  return new ApiError(400, 'invalid_request', `The request body is invalid: ${field} ${rule}.`, [
    { path, message: rule },
  ]);
}

/** What is sealed: the value bound to its guild, name and type. */
interface SealedCredential {
  guildId: string;
  name: string;
  type: CredentialType;
  value: CredentialValue;
}

/**
 * Stores a new credential, its value sealed; 409 when the name is taken (delete it first), 400
 * past the per-guild cap. Serialised per guild in this process so the cap holds.
 */
export async function createCredential(
  store: Store,
  box: Pick<SecretBox, 'seal'>,
  guildId: string,
  input: NewCredential,
  createdBy: string,
): Promise<CredentialRecord> {
  return withKeyLock(`credentials:${guildId}`, async () => {
    const count = await store.credentials.countDocuments({ guildId });
    if (count >= MAX_GUILD_CREDENTIALS)
      throw new ApiError(
        400,
        'limit_reached',
        `This guild already holds ${MAX_GUILD_CREDENTIALS} credentials, the most it may; delete one it no longer uses first.`,
      );
    const sealed: SealedCredential = {
      guildId,
      name: input.name,
      type: input.type,
      value: input.value,
    };
    const record: CredentialRecord = {
      _id: `${guildId}:${input.name}`,
      guildId,
      name: input.name,
      type: input.type,
      valueCipher: box.seal(JSON.stringify(sealed)),
      createdAt: new Date(),
      createdBy,
      lastUsedAt: null,
    };
    try {
      await store.credentials.create(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ApiError(
        409,
        'conflict',
        `This guild already has a credential named "${input.name}". Credentials are never overwritten: DELETE /api/guilds/${guildId}/credentials/${input.name} first, then add it again.`,
      );
    }
    return record;
  });
}

/**
 * Opens a stored credential's value; throws when the key cannot open it or the sealed guild,
 * name or type differ from the document's (a cipher moved between documents).
 */
export function openCredential(
  box: Pick<SecretBox, 'open'>,
  record: Pick<CredentialRecord, 'guildId' | 'name' | 'type' | 'valueCipher'>,
): CredentialValue {
  const sealed = JSON.parse(box.open(record.valueCipher)) as SealedCredential;
  if (
    sealed.guildId !== record.guildId ||
    sealed.name !== record.name ||
    sealed.type !== record.type
  )
    throw new Error('The sealed credential belongs to another guild, name or type.');
  return sealed.value;
}

/**
 * The endpoint a guild adds in its own Stripe account for the `stripe` credential `name`.
 *
 * @example
 * stripeWebhookUrl('https://gf.example', '123', 'shop'); // 'https://gf.example/stripe/webhook/guilds/123/shop'
 */
export function stripeWebhookUrl(base: string, guildId: string, name: string): string {
  return `${base}/stripe/webhook/guilds/${guildId}/${encodeURIComponent(name)}`;
}

/** A guild's credentials, by name; `base` is the public origin the webhook URLs are built on. */
export async function listCredentials(
  store: Store,
  guildId: string,
  base: string,
): Promise<CredentialView[]> {
  const records = await store.credentials
    .find({ guildId }, { valueCipher: 0 })
    .sort({ name: 1 })
    .lean<Omit<CredentialRecord, 'valueCipher'>[]>();
  return records.map((r) => ({
    name: r.name,
    type: r.type,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
    ...(r.type === 'stripe' ? { webhookUrl: stripeWebhookUrl(base, guildId, r.name) } : {}),
  }));
}
