/** Discord's CDN, where avatars are served. */
const CDN = 'https://cdn.discordapp.com';

/** What a member's avatar URL is built from: ids and the avatar hashes Discord sends. */
export interface AvatarSource {
  guildId: string;
  userId: string;
  /** The member's server avatar hash, when they set one. */
  memberAvatar?: string | null | undefined;
  /** The user's own avatar hash. */
  userAvatar?: string | null | undefined;
  /** Legacy `#1234` discriminator; `'0'` (or absent) for the current usernames. */
  discriminator?: string | null | undefined;
}

/**
 * The avatar a member shows in a server, as Discord's clients pick it: the server avatar, else
 * the user's avatar, else Discord's default avatar for the user (animated ones as `.gif`).
 *
 * @example
 * memberAvatarUrl({ guildId, userId: '1300000000000000302' });
 * // 'https://cdn.discordapp.com/embed/avatars/<n>.png'
 */
export function memberAvatarUrl(source: AvatarSource): string {
  const { guildId, userId, memberAvatar, userAvatar } = source;
  if (memberAvatar)
    return `${CDN}/guilds/${guildId}/users/${userId}/avatars/${memberAvatar}.${extension(memberAvatar)}`;
  if (userAvatar) return `${CDN}/avatars/${userId}/${userAvatar}.${extension(userAvatar)}`;
  return defaultAvatarUrl(userId, source.discriminator);
}

/**
 * Discord's default avatar of a user: by the id for current usernames, by the discriminator for
 * legacy `name#1234` ones (Discord's rule).
 *
 * @example
 * defaultAvatarUrl('1300000000000000302'); // 'https://cdn.discordapp.com/embed/avatars/2.png'
 */
export function defaultAvatarUrl(userId: string, discriminator?: string | null): string {
  let index = 0;
  const legacy = discriminator !== undefined && discriminator !== null && discriminator !== '0';
  if (legacy && /^\d+$/.test(discriminator)) index = Number(discriminator) % 5;
  else if (/^\d{1,20}$/.test(userId)) index = Number((BigInt(userId) >> 22n) % 6n);
  return `${CDN}/embed/avatars/${index}.png`;
}

function extension(hash: string): string {
  return hash.startsWith('a_') ? 'gif' : 'png';
}
