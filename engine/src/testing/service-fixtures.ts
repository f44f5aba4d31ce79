import type { GraphDocument } from '../core/index.js';
import type { ActionInput } from '../interpreter/contract.js';
import { graph } from './graph-fixture.js';

const CHANNEL = '123456789012345678';

/**
 * A valid manual graph that sends one message (its content names the version under test).
 *
 * @example
 * await service.api('POST', '/api/guilds/1/graphs', { body: sendGraph('v1') });
 */
export function sendGraph(content = 'hello', name = 'Send a message'): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.manual'],
        ['send', 'discord.sendMessage', { channelId: CHANNEL, content }],
      ],
      [['t', 'out', 'send']],
    ),
    name,
  };
}

/**
 * A valid manual graph that waits `duration` before sending `content` — a run that stays
 * running while a test publishes another version.
 */
export function delayGraph(duration: string, content: string): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.manual'],
        ['wait', 'flow.delay', { duration }],
        ['send', 'discord.sendMessage', { channelId: CHANNEL, content }],
      ],
      [
        ['t', 'out', 'wait'],
        ['wait', 'out', 'send'],
      ],
    ),
    name: 'Delayed message',
  };
}

/**
 * A well-formed graph that cannot be published: its message node has no channel.
 *
 * @example
 * const { body } = await service.api('POST', path, { body: invalidDraft() }); // body.issues[0].code === 'invalid_config'
 */
export function invalidDraft(): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.manual'],
        ['send', 'discord.sendMessage', { content: 'hi' }],
      ],
      [['t', 'out', 'send']],
    ),
    name: 'Unfinished',
  };
}

/**
 * A valid graph started by an inbound webhook.
 *
 * @example
 * const { body } = await service.api('POST', path, { body: webhookGraph() }); // body.webhook.secret
 */
export function webhookGraph(): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.webhook'],
        ['send', 'discord.sendMessage', { channelId: CHANNEL, content: '{{ trigger.body.text }}' }],
      ],
      [['t', 'out', 'send']],
    ),
    name: 'From a webhook',
  };
}

/**
 * A valid manual graph whose action always fails (for failed-run tests, with a stub that throws).
 */
export function failingGraph(): GraphDocument {
  return {
    ...graph(
      [
        ['t', 'trigger.manual'],
        ['kick', 'discord.kickMember', { userId: CHANNEL }],
      ],
      [['t', 'out', 'kick']],
    ),
    name: 'Always fails',
  };
}

/**
 * A `discord.sendMessage` stub for `recordingActivities`: answers like the executor, with a
 * message id named after the run and the configured channel.
 */
export const sentMessage = {
  output: (i: ActionInput) => ({
    messageId: `m-${i.context.runId}`,
    channelId: String(i.config.channelId),
  }),
};
