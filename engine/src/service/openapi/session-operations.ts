import { type Operation, signInLimited } from './operation.js';

/** Signing in with Discord and the session. */
export const SESSION_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/auth/discord',
    summary: 'Start signing in with Discord',
    description:
      'A browser navigation, not an API call: sets a short-lived HttpOnly SameSite=Lax `state` cookie and redirects to Discord’s consent page (scopes `identify guilds`). See docs/api/README.md, Signing in.',
    public: true,
    answers: [
      [302, null, 'To Discord’s consent page.'],
      signInLimited,
      [
        501,
        'Error',
        '`sign_in_not_configured`: set DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and GUILDFLOW_PUBLIC_URL.',
      ],
    ],
  },
  {
    method: 'get',
    path: '/auth/discord/callback',
    summary: 'Finish signing in with Discord (the redirect URI)',
    description:
      'Where Discord sends the browser back. Checks `state` against the cookie, exchanges the code, reads the user and their guilds (owner, Manage Server or Administrator) and creates a session, then redirects to `/login#token=<session token>`. Failures create no session; browsers (Accept: text/html) get an HTML page, other clients the JSON error.',
    public: true,
    query: [
      { name: 'code', description: 'The authorization code.', schema: { type: 'string' } },
      { name: 'state', description: 'Must match the state cookie.', schema: { type: 'string' } },
      {
        name: 'error',
        description: 'Set by Discord instead of a code, e.g. `access_denied`.',
        schema: { type: 'string' },
      },
    ],
    answers: [
      [302, null, 'Signed in: to `/login#token=…` (the token stays in the fragment).'],
      [
        400,
        'Error',
        '`sign_in_state_mismatch` (not started in this browser, or too old), `sign_in_failed` (code expired or used) or `invalid_request`.',
      ],
      [403, 'Error', '`sign_in_denied`: the user cancelled on Discord.'],
      signInLimited,
      [501, 'Error', '`sign_in_not_configured`.'],
      [
        502,
        'Error',
        '`sign_in_failed`: Discord refused the client credentials or could not be reached.',
      ],
    ],
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'Who the token belongs to',
    answers: [[200, 'Session', 'The admin, or the signed-in user and the guilds they manage.']],
  },
  {
    method: 'post',
    path: '/api/session/end',
    summary: 'Sign out',
    answers: [
      [204, null, 'The session token stops working at once.'],
      [409, 'Error', '`not_a_session`: the admin token cannot be signed out.'],
    ],
  },
];
