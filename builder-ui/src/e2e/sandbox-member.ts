import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import type { GatewayHarness } from '@guildflow/discord/testing/gateway';
import { eventually } from '@guildflow/engine/testing/service';

/**
 * A member joins the sandbox server through the API (as the sandbox page does); answers once a
 * welcome graph has greeted them in #welcome and given them the Newcomer role — what a person
 * checks after publishing one. Fails, naming what never came, when either does not happen.
 */
export async function joinAndExpectWelcome(
  stack: GatewayHarness,
  guildId: string,
  username: string,
): Promise<{ userId: string; welcome: string; member: { username: string; roles: string[] } }> {
  const api = (method: string, path: string, body?: unknown) =>
    stack.service.api(method, path, body === undefined ? {} : { body });
  const joined = await api('POST', '/api/sandbox/events', {
    guildId,
    type: 'memberJoined',
    user: { username },
  });
  const userId = joined.body.userId as string;
  const welcome = await eventually(async () => {
    const { body } = await api(
      'GET',
      `/api/sandbox/messages?guildId=${guildId}&channelId=${SANDBOX_IDS.channels.welcome}`,
    );
    return (body as { content: string }[]).find((m) => m.content.includes(`<@${userId}>`));
  }, 'the welcome message');
  const member = await eventually(async () => {
    const { body } = await api('GET', `/api/sandbox/guilds/${guildId}/members/${userId}`);
    const roles = body.roles as string[];
    return roles.includes(SANDBOX_IDS.roles.newcomer)
      ? { username: body.username as string, roles }
      : undefined;
  }, 'the Newcomer role');
  return { userId, welcome: welcome.content, member };
}
