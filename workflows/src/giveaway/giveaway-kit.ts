import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { eventually } from '@guildflow/engine/testing/service';
import { userOf, type PayloadUser, type TemplateHarness } from '../testing/template-harness.js';

const { guild, channels, roles, users } = SANDBOX_IDS;

/** Sandbox members with the roles the sandbox gives them; grace is not in this server. */
export const people = {
  bob: userOf(users.bob, 'bob', [roles.moderator]),
  carol: userOf(users.carol, 'carol', [roles.member]),
  dave: userOf(users.dave, 'dave', [roles.member]),
  erin: userOf(users.erin, 'erin', [roles.newcomer]),
  frank: userOf(users.frank, 'frank', []),
  grace: userOf(SANDBOX_IDS.otherGuild.users.grace, 'grace', []),
};

/** The installer's answers for the tests: Moderators host, Members get one bonus entry. */
export const giveawayVars = {
  hostRoleId: roles.moderator,
  giveawayChannelId: channels.giveaways,
  bonusEntries: [{ roleId: roles.member, extraEntries: 1 }],
  rerollFor: '10h',
  maxRerolls: 1,
  winnerRoleId: roles.newcomer,
};

/**
 * Test steps for the giveaway graphs: clicks routed through the real trigger router (as the
 * gateway does after acknowledging them), and waits for what a run registers.
 */
export function giveawayKit(h: TemplateHarness) {
  let clicks = 0;
  return {
    /** The messages members see in the giveaway channel, in order. */
    posts: () => h.sandbox.messages({ channelId: channels.giveaways }),
    /** Direct messages the bot sent. */
    dms: () => h.sandbox.messages().filter((m) => m.guildId === null),

    /** Clicks a button of a bot message as `who` (a collect window entry or a wait's event). */
    click(who: PayloadUser, messageId: string, customId: string) {
      const id = `${Date.now()}${++clicks}`;
      return h.route({
        kind: 'buttonClicked',
        eventId: id,
        guildId: guild,
        user: who,
        channelId: channels.giveaways,
        messageId,
        customId,
        interaction: { id, token: `token-${id}` },
      });
    },

    /** The open collect window of a run (once it registered it). */
    window: (workflowId: string) =>
      eventually(
        async () =>
          (await h.service.store.collectWindows
            .findOne({ workflowId })
            .lean<{ messageId: string; customId: string }>()) ?? undefined,
        'the giveaway to open its entries',
      ),

    /** The live wait of a run for a button whose custom id starts with `prefix`. */
    waitFor: (workflowId: string, prefix: string) =>
      eventually(
        async () =>
          (await h.service.store.waits
            .findOne({ workflowId, customId: { $regex: `^${prefix}` } })
            .lean<{ messageId: string; customId: string }>()) ?? undefined,
        `the run to wait for ${prefix}`,
      ),
  };
}
