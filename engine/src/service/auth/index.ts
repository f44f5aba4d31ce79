/** Sign-in tokens, sessions and tenancy checks of the HTTP API. */
export { authenticate, guildAccess, notFound, GUILD_ID_PATTERN } from './authenticate.js';
export { actorOf, callerOf, mayAccessGuild, type Caller } from './caller.js';
export { createSession, endSession, findSession, SESSION_TTL_MS } from './sessions.js';
export { bearerToken, newToken, safeEqual } from './tokens.js';
