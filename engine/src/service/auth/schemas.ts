import { Type } from '@sinclair/typebox';

/**
 * `GET /api/session`: who the token belongs to. The admin manages every guild (`guildIds` and
 * `expiresAt` are null); a signed-in user manages the guilds Discord last confirmed.
 *
 * @example
 * { kind: 'user', user: { id: '42', username: 'ana' }, guildIds: ['123'], expiresAt: '2025-01-08T…' }
 */
export const SessionSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('admin'), Type.Literal('user')]),
    user: Type.Union([Type.Object({ id: Type.String(), username: Type.String() }), Type.Null()]),
    guildIds: Type.Union([
      Type.Array(Type.String(), {
        description:
          'Guilds you own or have Manage Server in, as Discord last confirmed (at sign-in, then at least hourly while the session is used).',
      }),
      Type.Null(),
    ]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Session' },
);

/**
 * `GET /auth/methods` (public): how people can sign in to this Guildflow, so the sign-in page
 * offers only what works.
 *
 * @example
 * { link: true, discord: false }
 */
export const SignInMethodsSchema = Type.Object(
  {
    link: Type.Boolean({ description: 'The sign-in link `npm start` prints (always).' }),
    discord: Type.Boolean({ description: 'Sign in with Discord is configured (`/auth/discord`).' }),
  },
  { $id: 'SignInMethods' },
);
