import { randomBytes } from 'node:crypto';

/**
 * The client secret the sandbox application accepts unless another is configured. The client
 * id is the application id ({@link SANDBOX_IDS}.application), as on Discord.
 */
export const DEFAULT_SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';

/**
 * The OAuth2 scopes the sandbox knows (Discord's names); others are `invalid_scope`.
 *
 * @example
 * KNOWN_SCOPES.includes('guilds'); // true
 */
export const KNOWN_SCOPES = [
  'identify',
  'email',
  'guilds',
  'guilds.join',
  'guilds.members.read',
  'connections',
  'bot',
  'applications.commands',
  'webhook.incoming',
] as const;

/**
 * How the sandbox application is set up for OAuth2.
 *
 * @example
 * await startSandbox({ oauth: { clientSecret: 's3cret', redirectUris: ['https://gf.example/auth/discord/callback'] } });
 */
export interface OAuthOptions {
  /** The application's client secret; {@link DEFAULT_SANDBOX_CLIENT_SECRET} by default. */
  clientSecret?: string;
  /** Registered redirect URIs; any http(s) URI is accepted when omitted (tests use random ports). */
  redirectUris?: string[];
}

/** A code handed out by the authorize page, redeemable once within 10 minutes. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

/** An access token (and the refresh token that renews it). */
export interface TokenGrant {
  userId: string;
  scopes: string[];
  expiresAt: number;
  refreshToken: string;
}

/** Discord: codes live 10 minutes. */
const CODE_TTL_MS = 10 * 60_000;

/**
 * Access tokens live a week, as on Discord (`expires_in` of the token answer).
 *
 * @example
 * grant.expiresAt - Date.now() <= ACCESS_TOKEN_TTL_S * 1000; // true
 */
export const ACCESS_TOKEN_TTL_S = 604_800;

/**
 * The sandbox's OAuth2 grants in memory: authorization codes, access tokens, refresh tokens.
 * Reset with the rest of the sandbox.
 *
 * @example
 * const code = grants.issueCode({ clientId, redirectUri, userId, scopes: ['identify'] });
 * const token = grants.redeemCode(code); // then grants.access(token.accessToken)
 */
export class OAuthGrants {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    readonly redirectUris: readonly string[] | undefined,
  ) {}

  /** True when the application may send users back to this URI. */
  allowsRedirect(uri: string): boolean {
    if (this.redirectUris) return this.redirectUris.includes(uri);
    try {
      return ['http:', 'https:'].includes(new URL(uri).protocol);
    } catch {
      return false;
    }
  }

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>, now = Date.now()): string {
    const code = randomBytes(15).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: now + CODE_TTL_MS });
    return code;
  }

  /** The code's grant, removed (codes are single-use), or undefined when unknown or expired. */
  takeCode(code: string, now = Date.now()): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > now ? grant : undefined;
  }

  issueToken(
    userId: string,
    scopes: string[],
    now = Date.now(),
  ): { accessToken: string; grant: TokenGrant } {
    const accessToken = randomBytes(20).toString('base64url');
    const refreshToken = randomBytes(20).toString('base64url');
    const grant = { userId, scopes, refreshToken, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000 };
    this.tokens.set(accessToken, grant);
    this.refreshTokens.set(refreshToken, accessToken);
    return { accessToken, grant };
  }

  /** Trades a refresh token for a new access token; the old pair stops working. */
  refresh(refreshToken: string): { accessToken: string; grant: TokenGrant } | undefined {
    const accessToken = this.refreshTokens.get(refreshToken);
    const old = accessToken === undefined ? undefined : this.tokens.get(accessToken);
    if (!old || accessToken === undefined) return undefined;
    this.revoke(accessToken);
    return this.issueToken(old.userId, old.scopes);
  }

  /** The live grant of an access token. */
  access(accessToken: string, now = Date.now()): TokenGrant | undefined {
    const grant = this.tokens.get(accessToken);
    return grant && grant.expiresAt > now ? grant : undefined;
  }

  /** Revokes an access or refresh token (and its pair). */
  revoke(token: string): void {
    const accessToken = this.refreshTokens.get(token) ?? token;
    const grant = this.tokens.get(accessToken);
    if (grant) this.refreshTokens.delete(grant.refreshToken);
    this.tokens.delete(accessToken);
  }

  clear(): void {
    this.codes.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
  }
}
