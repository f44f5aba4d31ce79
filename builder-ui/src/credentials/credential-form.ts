import { ApiError } from '../api/client.js';
import type { CredentialBody, CredentialType } from '../api/credential-queries.js';

/** One input of a credential type's value: its key in `value` (`''`: the value is the text). */
export interface ValueField {
  key: string;
  label: string;
  /** Secrets are password inputs; the rest (a user name, a header name) plain text. */
  secret: boolean;
  hint?: string;
  placeholder?: string;
}

/** Each type's words and value fields (DESIGN.md, Credentials; the API's `CredentialBody`). */
export const CREDENTIAL_TYPES: Record<
  CredentialType,
  { label: string; description: string; fields: ValueField[] }
> = {
  bearer: {
    label: 'Bearer token',
    description: 'Sent as Authorization: Bearer <token>.',
    fields: [{ key: '', label: 'Token', secret: true }],
  },
  basic: {
    label: 'Basic auth',
    description: 'A user name and password, sent as HTTP Basic authentication.',
    fields: [
      { key: 'username', label: 'User name', secret: false, hint: 'Without “:”.' },
      { key: 'password', label: 'Password', secret: true },
    ],
  },
  header: {
    label: 'Header',
    description: 'Any header the API asks for, such as an API key.',
    fields: [
      { key: 'header', label: 'Header name', secret: false, placeholder: 'X-Api-Key' },
      { key: 'value', label: 'Header value', secret: true },
    ],
  },
  stripe: {
    label: 'Stripe account',
    description: 'This server’s own Stripe account, for the Stripe actions and trigger.',
    fields: [
      { key: 'secretKey', label: 'Secret key', secret: true, hint: 'sk_live_…, sk_test_… or rk_…' },
      {
        key: 'webhookSecret',
        label: 'Webhook signing secret',
        secret: true,
        hint: 'whsec_…, from the webhook endpoint you added in Stripe.',
      },
    ],
  },
};

/** The add form's state: a name, a type and the texts typed for that type's fields. */
export interface CredentialDraft {
  name: string;
  type: CredentialType;
  values: Record<string, string>;
}

/** The request body for a draft (only the chosen type's fields). */
export function credentialBody(draft: CredentialDraft): CredentialBody {
  const fields = CREDENTIAL_TYPES[draft.type].fields;
  const value =
    draft.type === 'bearer'
      ? (draft.values[''] ?? '')
      : Object.fromEntries(fields.map((f) => [f.key, draft.values[f.key] ?? '']));
  return { name: draft.name.trim(), type: draft.type, value } as CredentialBody;
}

/** A refusal placed where it belongs: by field (`name`, `value`, `value.password`…) or the form. */
export interface PlacedErrors {
  fields: Record<string, string>;
  form: string | null;
}

/**
 * Places the API's refusal at its fields: `400 invalid_request` details name `body.<field>`,
 * `409 conflict` is about the name; anything else is the form's.
 *
 * @example
 * placeErrors(new ApiError(409, 'conflict', '…'), { name: 'crm', type: 'bearer', values: {} });
 * // { fields: { name: 'A credential named “crm” already exists: …' }, form: null }
 */
export function placeErrors(error: unknown, draft: CredentialDraft): PlacedErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError)) return { fields: {}, form: message };
  // The service's words name its API route; here the way out is on this page.
  if (error.status === 409)
    return {
      fields: {
        name: `A credential named “${draft.name.trim()}” already exists: pick another name, or delete that one first to replace it.`,
      },
      form: null,
    };
  const labels = new Map<string, string>([
    ['name', 'Name'],
    ...CREDENTIAL_TYPES[draft.type].fields.map((f): [string, string] => [
      f.key ? `value.${f.key}` : 'value',
      f.label,
    ]),
  ]);
  const fields: Record<string, string> = {};
  let unplaced = false;
  if (error.status === 400 && Array.isArray(error.details)) {
    for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
      const field = String(issue.path ?? '').replace(/^body\.?/, '');
      const label = labels.get(field);
      if (label && typeof issue.message === 'string')
        fields[field] ??= sentence(field, label, issue.message);
      else unplaced = true;
    }
  }
  return {
    fields,
    form: Object.keys(fields).length === 0 || unplaced ? message : null,
  };
}

/**
 * The API's rule as a sentence beside its field, named as the form names it: "secretKey must
 * be…" reads "Secret key must be…", "must start with a letter" reads "Name must start…".
 */
function sentence(field: string, label: string, message: string): string {
  const key = field.split('.').pop() ?? field;
  const rule = message.startsWith(`${key} `) ? message.slice(key.length + 1) : message;
  const text = `${label} ${rule}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The id of a field's input, from its key (`value.password` → `gf-credential-value-password`). */
export const inputId = (field: string) => `gf-credential-${field.replace(/\./g, '-')}`;
