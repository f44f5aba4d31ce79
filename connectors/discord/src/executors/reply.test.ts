import { InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import type { InteractionRef } from '@guildflow/engine/core';
import { replyExecutor } from './reply.js';

const { channels, roles, users } = SANDBOX_IDS;

describe('discord.reply against the sandbox', () => {
  const h = useHarness();

  /** A slash command, deferred as the trigger router does before the run starts. */
  async function deferredCommand(ephemeral = false): Promise<InteractionRef> {
    const injected = h.sandbox.inject({
      type: 'slashCommand',
      guildId: h.sandbox.guildId,
      channelId: channels.general,
      userId: users.carol,
      name: 'ticket',
    });
    const interaction = {
      id: injected.interactionId ?? '',
      token: injected.interactionToken ?? '',
    };
    await h.deps.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
      },
      auth: false,
    });
    return interaction;
  }

  it('the first reply fills in the deferred response; later replies are follow-ups', async () => {
    const interaction = await deferredCommand();
    const reply = replyExecutor(h.deps);
    const first = await inActivity(() =>
      reply({
        config: { content: 'Ticket opened!', embeds: [{ title: 'Ticket #1' }] },
        context: actionContext({ interaction }),
      }),
    );
    const second = await inActivity(() =>
      reply({
        config: { content: 'Only you see this.', ephemeral: true },
        context: actionContext({ interaction }),
      }),
    );
    expect(first).toEqual({ messageId: expect.any(String) });
    const view = h.sandbox.interaction(interaction.id);
    expect(view?.originalMessageId).toBe(first.messageId);
    expect(view?.followUpMessageIds).toEqual([second.messageId]);
    const messages = h.sandbox.messages({ channelId: channels.general });
    expect(messages.find((m) => m.id === first.messageId)).toMatchObject({
      content: 'Ticket opened!',
      embeds: [{ title: 'Ticket #1' }],
      ephemeral: false,
    });
    expect(messages.find((m) => m.id === second.messageId)).toMatchObject({
      content: 'Only you see this.',
      ephemeral: true,
    });
    expect(h.sandbox.requests({ method: 'POST', path: '/webhooks/:app/:token' })).toHaveLength(2);
  });

  it('echoed member text pings the roles the node lists and no others', async () => {
    const interaction = await deferredCommand();
    const reply = replyExecutor(h.deps);
    const typed = `<@&${roles.moderator}> please`;
    const plain = await inActivity(() =>
      reply({ config: { content: typed }, context: actionContext({ interaction }) }),
    );
    const listed = await inActivity(() =>
      reply({
        config: { content: typed, allowedRoleMentions: [roles.moderator] },
        context: actionContext({ interaction }),
      }),
    );
    const messages = h.sandbox.messages({ channelId: channels.general });
    expect(messages.find((m) => m.id === plain.messageId)?.mentionRoles).toEqual([]);
    expect(messages.find((m) => m.id === listed.messageId)?.mentionRoles).toEqual([
      roles.moderator,
    ]);
  });

  it('a run without an interaction fails with InvalidConfig before any request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        replyExecutor(h.deps)({ config: { content: 'Hi' }, context: actionContext() }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(failure.message).toContain('trigger.slashCommand or trigger.buttonClicked');
    expect(h.sandbox.requests()).toEqual([]);
  });

  it('an unknown or expired interaction token is UnknownResource after one request', async () => {
    const failure = await failureOf(
      inActivity(() =>
        replyExecutor(h.deps)({
          config: { content: 'Too late' },
          context: actionContext({ interaction: { id: '1300000000000009999', token: 'expired' } }),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'UnknownResource', nonRetryable: true });
    expect(failure.message).toContain('the interaction to answer has expired');
    expect(JSON.stringify(failure.details)).not.toContain('expired');
    expect(h.sandbox.requests()).toHaveLength(1);
  });
});
