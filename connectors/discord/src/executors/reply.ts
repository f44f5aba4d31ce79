import { ApplicationFailure } from '@temporalio/activity';
import { ERROR_TYPES } from '@guildflow/engine/core';
import { MessageFlags, Routes, type APIMessage } from 'discord.js';
import { discordCall } from '../errors/classify.js';
import { messageBody } from '../payloads/message.js';
import { attemptInfo, defineExecutor } from './define.js';

/**
 * `discord.reply`: answers the interaction that started the run (a slash command or a button
 * click) through the interaction webhook, `POST /webhooks/{applicationId}/{token}?wait=true`.
 *
 * The trigger router acknowledges every interaction with a deferred response within Discord's
 * 3 seconds, before the run starts; the first follow-up then fills in that "thinking…" message
 * (Discord's rule), and every later reply of the run is a new follow-up message — as the
 * declaration says. `ephemeral` sets the ephemeral flag on follow-ups; the first reply keeps the
 * visibility the deferral chose (so the router should defer ephemerally when the graph's first
 * reply is ephemeral).
 *
 * The interaction (id and token) comes from `context.interaction`, which the interpreter fills in
 * for runs started by an interaction; a run without one fails with a non-retryable
 * `InvalidConfig`. Tokens live 15 minutes: a later reply is an `UnknownResource` error.
 *
 * Idempotency: interaction webhooks take no nonce. A retry after a 429 or 5xx never posts twice
 * (Discord did not create the message); only an answer lost after Discord created the message
 * (a timeout, a reset connection) can make a retried attempt post a second follow-up.
 *
 * @example
 * await replyExecutor(deps)({ config: { content: 'Done!', ephemeral: true }, context: { ...context, interaction } });
 * // { messageId }
 */
export const replyExecutor = defineExecutor(
  'discord.reply',
  async ({ config, context }, { rest, applicationId }) => {
    const interaction = context.interaction;
    if (!interaction)
      throw ApplicationFailure.create({
        type: ERROR_TYPES.invalidConfig,
        message:
          'Reply answers the slash command or button click that started the run, and this run has none: start the graph with trigger.slashCommand or trigger.buttonClicked, or use Send message instead.',
        nonRetryable: true,
      });
    const { signal } = attemptInfo(context);
    const message = await discordCall(
      {
        doing: 'reply to the interaction that started the run',
        permissions: 'Send Messages in that channel',
      },
      () =>
        rest.post(Routes.webhook(applicationId, interaction.token), {
          body: {
            ...messageBody(config),
            ...(config.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
          },
          query: new URLSearchParams({ wait: 'true' }),
          auth: false,
          signal,
        }) as Promise<APIMessage>,
    );
    return { messageId: message.id };
  },
);
