import type { Answer, Operation } from './operation.js';

const CREDENTIALS = '/api/guilds/{guildId}/credentials';
const notFound: Answer = [
  404,
  'Error',
  '`not_found`: a guild you may not manage (never 403), or, for DELETE, no credential by that name.',
];
const storeDown: Answer = [503, 'Error', '`store_unavailable`; nothing was changed.'];

/**
 * The credential routes: a guild's named secrets for `http.request` (`credential: <name>`) and
 * its own Stripe account. Write-only: no answer carries a value (docs/credentials.md).
 */
export const CREDENTIAL_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: CREDENTIALS,
    summary: 'The guild’s credentials (names, types, last use — never values)',
    description:
      'Lists the guild’s credentials by name. A value is never shown again after it is stored: the list says which exist, of which type, when they were added and when a run last used them (`lastUsedAt`, updated at most once a minute).',
    answers: [[200, 'CredentialList', 'The credentials, by name.'], notFound, storeDown],
  },
  {
    method: 'post',
    path: CREDENTIALS,
    summary: 'Store a credential',
    description:
      'Stores a named secret, encrypted at rest with GUILDFLOW_SECRET_KEY. `type` `bearer` takes the token as `value`; `basic` `{ username, password }`; `header` `{ header, value }`; `stripe` `{ secretKey, webhookSecret }` (the guild’s own Stripe account). A name is never overwritten: to replace a secret, DELETE it and add it again (both are audited, without the value). At most 50 per guild. Error messages name fields and rules, never any part of a value.',
    body: 'CredentialBody',
    answers: [
      [201, 'CredentialCreated', 'Stored; the value is not shown again.'],
      [
        400,
        'Error',
        '`invalid_request` (a name outside `^[A-Za-z][A-Za-z0-9_-]{0,63}$`, an unknown type, a value of the wrong shape, a line break in a value) or `limit_reached` (50 credentials already).',
      ],
      notFound,
      [409, 'Error', '`conflict`: the guild has a credential by that name; delete it first.'],
      storeDown,
    ],
  },
  {
    method: 'delete',
    path: `${CREDENTIALS}/{name}`,
    summary: 'Delete a credential',
    description:
      'Removes the credential; runs that name it afterwards fail with `InvalidConfig` until one by that name is added again.',
    answers: [[204, null, 'Deleted.'], notFound, storeDown],
  },
];
