/**
 * What an executor was doing when Discord refused, so the error message can say what to do.
 * Every field is optional; the classifier falls back to generic wording.
 *
 * @example
 * const site: CallSite = {
 *   doing: 'post in channel 1300000000000000105',
 *   permissions: 'View Channel and Send Messages there',
 * };
 */
export interface CallSite {
  /** The action in words, after "Guildflow's bot could not …" (`post in channel 123`). */
  doing: string;
  /** The permission(s) that would fix a 50013, after "give it …". */
  permissions?: string;
  /** Extra advice for a 50013 (role hierarchy, owner, …). */
  permissionHint?: string;
  /** What each "unknown …" code means here, overriding {@link UNKNOWN_RESOURCES}. */
  unknown?: Partial<Record<number, string>>;
}

/**
 * Discord's "unknown resource" JSON error codes and what to tell the user about each.
 *
 * @example
 * UNKNOWN_RESOURCES[10003]; // 'the channel does not exist (or Guildflow's bot cannot see it)'
 */
export const UNKNOWN_RESOURCES: Readonly<Record<number, string>> = Object.freeze({
  10003: "the channel does not exist (or Guildflow's bot cannot see it): check the channel id",
  10004: "the server does not exist or Guildflow's bot is no longer in it",
  10007: 'the user is not a member of this server (any more): check the user id',
  10008: 'the message does not exist (any more): check the message and channel ids',
  10011: 'the role does not exist: check the role id',
  10013: 'the user does not exist: check the user id',
  10014: 'the emoji is unknown: use a unicode emoji or `name:id` of an emoji of this server',
  10015:
    'the interaction to answer has expired (Discord allows 15 minutes) or was never acknowledged',
  10026: 'the user is not banned',
  10062: 'the interaction to answer has expired (Discord allows 15 minutes)',
  50027: 'the interaction to answer has expired (Discord allows 15 minutes)',
});

/**
 * Codes refused as invalid requests, with advice (the rest get Discord's own message).
 *
 * @example
 * INVALID_REQUESTS[50006]; // 'the message would be empty: …'
 */
export const INVALID_REQUESTS: Readonly<Record<number, string>> = Object.freeze({
  30005: 'the server has reached its maximum number of roles',
  30010: 'the message has reached its maximum number of reactions',
  30013: 'the server has reached its maximum number of channels',
  40060: 'the interaction was already answered',
  50005: 'Discord only lets a bot edit messages it sent itself',
  50006: 'the message would be empty: give it content, embeds or buttons',
  50008: 'the channel is not a text channel',
  50024: 'this action does not work on that kind of channel',
  50083: 'the thread is archived',
});

/**
 * "Guildflow's bot lacks permission to …: give it … there." for a 50013/50001/403.
 *
 * @example
 * permissionMessage({ doing: 'post in channel 1', permissions: 'Send Messages there' });
 * // "Guildflow's bot lacks permission to post in channel 1: give it Send Messages there."
 */
export function permissionMessage(site: CallSite | undefined, code: number): string {
  const doing = site?.doing ?? 'do this';
  if (code === 50007)
    return `Discord refused to ${doing}: the user does not accept direct messages from this server's members (or shares no server with the bot).`;
  if (code === 50001)
    return `Guildflow's bot cannot ${doing}: it has no access there — give it View Channel (and check the channel's permission overwrites).`;
  const fix = site?.permissions ? `: give it ${site.permissions}` : '';
  const hint = site?.permissionHint ? ` ${site.permissionHint}` : '';
  return `Guildflow's bot lacks permission to ${doing}${fix}.${hint}`;
}

/** "Could not …: the channel does not exist …" for a 404 / 10xxx. */
export function unknownMessage(site: CallSite | undefined, code: number, fallback: string): string {
  const what = site?.unknown?.[code] ?? UNKNOWN_RESOURCES[code] ?? fallback;
  return `Could not ${site?.doing ?? 'do this'}: ${what}.`;
}

/** "Discord refused to …: <reason>" for 400s (50035 and friends). */
export function invalidMessage(site: CallSite | undefined, code: number, discord: string): string {
  const known = INVALID_REQUESTS[code];
  const detail = known ?? discord.replace(/\s*\n\s*/g, '; ');
  return `Discord refused to ${site?.doing ?? 'do this'}: ${detail}.`;
}
