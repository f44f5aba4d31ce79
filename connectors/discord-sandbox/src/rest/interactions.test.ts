import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Guild,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '../seed.js';
import { startSandbox } from '../server.js';
import { control, nextEvent, startWithClient, type Harness } from '../testing/harness.js';

const { guild: guildId, channels, users } = SANDBOX_IDS;

describe('interactions', () => {
  let h: Harness;
  let guild: Guild;
  beforeAll(async () => {
    h = await startWithClient();
    guild = h.client.guilds.cache.get(guildId) as Guild;
    await guild.commands.set([
      {
        name: 'giveaway',
        description: 'Start a giveaway',
        options: [
          { name: 'prize', description: 'What to win', type: 3, required: true },
          { name: 'winners', description: 'How many', type: 4 },
          { name: 'host', description: 'Who hosts', type: 6 },
        ],
      },
    ]);
  });
  afterAll(async () => h?.close());

  it('delivers a slash command with typed options; deferReply → editReply → followUp are recorded', async () => {
    const received = nextEvent<[Interaction]>(h.client, Events.InteractionCreate);
    const { body } = await control<{ interactionId: string; commandRegistered: boolean }>(
      h.sandbox,
      'POST',
      '/sandbox/events',
      {
        guildId,
        type: 'slashCommand',
        channelId: channels.giveaways,
        userId: users.carol,
        name: 'giveaway',
        options: { prize: 'Nitro', winners: 2, host: users.alice },
      },
    );
    expect(body.commandRegistered).toBe(true);
    const [raw] = await received;
    expect(raw.isChatInputCommand()).toBe(true);
    const interaction = raw as ChatInputCommandInteraction;
    expect(interaction.id).toBe(body.interactionId);
    expect(interaction.commandName).toBe('giveaway');
    expect(interaction.options.getString('prize')).toBe('Nitro');
    expect(interaction.options.getInteger('winners')).toBe(2);
    expect(interaction.options.getUser('host')?.username).toBe('alice');
    expect(interaction.user.id).toBe(users.carol);
    expect(interaction.channelId).toBe(channels.giveaways);

    await interaction.deferReply();
    const edited = await interaction.editReply({ content: 'Giveaway for **Nitro** started!' });
    const followUp = await interaction.followUp({
      content: 'Only you can see this',
      flags: MessageFlags.Ephemeral,
    });
    await expect(interaction.reply('again')).rejects.toThrow();
    await expect(
      h.client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
        body: { type: 4, data: { content: 'x' } },
        auth: false,
      }),
    ).rejects.toMatchObject({
      code: 40060,
      status: 400,
    });

    const view = h.sandbox.interaction(interaction.id);
    expect(view).toMatchObject({
      acknowledged: true,
      responseType: 5,
      originalMessageId: edited.id,
      followUpMessageIds: [followUp.id],
    });
    expect(view?.responses.map((r) => r.kind)).toEqual(['callback', 'editOriginal', 'followUp']);
    const fromApi = await control<{ acknowledged: boolean; acknowledgedAt: string }>(
      h.sandbox,
      'GET',
      `/sandbox/interactions/${interaction.id}`,
    );
    expect(fromApi.body.acknowledged).toBe(true);
    const messages = h.sandbox.messages({ channelId: channels.giveaways });
    expect(messages.find((m) => m.id === edited.id)).toMatchObject({
      content: 'Giveaway for **Nitro** started!',
      interactionId: interaction.id,
      flags: 0,
    });
    expect(messages.find((m) => m.id === followUp.id)).toMatchObject({ ephemeral: true });
  });

  it('the first follow-up after a deferral fills in the deferred message', async () => {
    const received = nextEvent<[ChatInputCommandInteraction]>(h.client, Events.InteractionCreate);
    h.sandbox.inject({
      type: 'slashCommand',
      guildId,
      channelId: channels.general,
      userId: users.dave,
      name: 'giveaway',
      options: { prize: 'Cake' },
    });
    const [interaction] = await received;
    await interaction.deferReply();
    const message = await interaction.followUp('Done');
    const view = h.sandbox.interaction(interaction.id);
    expect(view?.originalMessageId).toBe(message.id);
    expect(view?.followUpMessageIds).toEqual([]);
  });

  it('replies ephemerally with type 4 and returns the callback response when asked', async () => {
    const received = nextEvent<[ChatInputCommandInteraction]>(h.client, Events.InteractionCreate);
    h.sandbox.inject({
      type: 'slashCommand',
      guildId,
      channelId: channels.general,
      userId: users.bob,
      name: 'giveaway',
      options: { prize: 'Hat' },
    });
    const [interaction] = await received;
    const response = await interaction.reply({
      content: 'Only for you',
      flags: MessageFlags.Ephemeral,
      withResponse: true,
    });
    expect(response.resource?.message?.content).toBe('Only for you');
    expect(response.resource?.message?.flags.has(MessageFlags.Ephemeral)).toBe(true);
    const view = h.sandbox.interaction(interaction.id);
    expect(view).toMatchObject({
      responseType: 4,
      ephemeral: true,
      originalMessageId: response.resource?.message?.id,
    });
    expect(
      h.sandbox
        .messages({ channelId: channels.general })
        .find((m) => m.id === view?.originalMessageId),
    ).toMatchObject({ ephemeral: true, content: 'Only for you' });
  });

  it('rejects unknown interactions with 10062', async () => {
    await expect(
      h.client.rest.post('/interactions/1/nope/callback', {
        body: { type: 4, data: { content: 'x' } },
        auth: false,
      }),
    ).rejects.toMatchObject({ code: 10062, status: 404 });
  });

  it('delivers button clicks; update() edits the clicked message', async () => {
    const channel = h.client.channels.cache.get(channels.giveaways) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('enter').setLabel('Enter').setStyle(ButtonStyle.Success),
    );
    const message = await channel.send({ content: 'Click to enter', components: [row] });
    const received = nextEvent<[Interaction]>(h.client, Events.InteractionCreate);
    const { body } = await control<{ interactionId: string }>(
      h.sandbox,
      'POST',
      '/sandbox/events',
      {
        guildId,
        type: 'buttonClicked',
        channelId: channels.giveaways,
        messageId: message.id,
        userId: users.erin,
        customId: 'enter',
      },
    );
    const [raw] = await received;
    expect(raw.isButton()).toBe(true);
    const click = raw as ButtonInteraction;
    expect(click.id).toBe(body.interactionId);
    expect(click.customId).toBe('enter');
    expect(click.message.id).toBe(message.id);
    expect(click.user.id).toBe(users.erin);
    await click.update({ content: 'Entered: 1', components: [] });
    expect(
      h.sandbox.messages({ channelId: channels.giveaways }).find((m) => m.id === message.id),
    ).toMatchObject({ content: 'Entered: 1', components: [] });
    expect(h.sandbox.interaction(click.id)).toMatchObject({
      acknowledged: true,
      responseType: 7,
      kind: 'button',
    });

    const missing = await control(h.sandbox, 'POST', '/sandbox/events', {
      guildId,
      type: 'buttonClicked',
      channelId: channels.giveaways,
      messageId: message.id,
      userId: users.erin,
      customId: 'enter',
    });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'unknown_component' } } });
  });

  it('checks slash command options against the registered command', async () => {
    const post = (options: unknown) =>
      control(h.sandbox, 'POST', '/sandbox/events', {
        guildId,
        type: 'slashCommand',
        channelId: channels.general,
        userId: users.carol,
        name: 'giveaway',
        options,
      });
    expect(await post({ winners: 2 })).toMatchObject({
      status: 400,
      body: { error: { code: 'missing_option' } },
    });
    expect(await post({ prize: 'x', colour: 'red' })).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown_option' } },
    });
    expect(await post({ prize: 'x', winners: 1.5 })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body' } },
    });
    const unregistered = await control<{ commandRegistered: boolean }>(
      h.sandbox,
      'POST',
      '/sandbox/events',
      {
        guildId,
        type: 'slashCommand',
        channelId: channels.general,
        userId: users.carol,
        name: 'ping',
      },
    );
    expect(unregistered).toMatchObject({ status: 200, body: { commandRegistered: false } });
  });
});

describe('interaction deadlines', () => {
  it('answers 10062 once the acknowledgement deadline has passed', async () => {
    const sandbox = await startSandbox({ port: 0, interactionAckDeadlineMs: 50 });
    try {
      const { interactionId, interactionToken } = sandbox.inject({
        type: 'slashCommand',
        guildId,
        channelId: channels.general,
        userId: users.carol,
        name: 'ping',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await fetch(
        `${sandbox.apiUrl}/v10/interactions/${interactionId}/${interactionToken}/callback`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 4, data: { content: 'too late' } }),
        },
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ code: 10062, message: 'Unknown interaction' });
    } finally {
      await sandbox.close();
    }
  });
});
