import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { credentialSource, stripeOwnership } from '@guildflow/engine/service';
import { testStack } from '@guildflow/stack/testing';
import { createStripeExecutors } from '@guildflow/stripe';
import { validateGraph } from '@guildflow/engine/core';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../index.js';
import { useTemplateHarness } from '../testing/template-harness.js';
import { promoCountdown } from './index.js';

const { channels, roles } = SANDBOX_IDS;
const DAY = 86_400_000;
const unix = (ms: number) => Math.floor(ms / 1000);

describe('promo-countdown template', () => {
  it('is a valid graph: announce, wait, remind, wait, live', () => {
    expect(validateGraph(promoCountdown.graph)).toEqual([]);
    const doc = instantiate('promo-countdown', {
      channelId: channels.general,
      productName: 'Season 2',
      launchAt: '2025-12-24T18:00:00Z',
    });
    expect(validateGraph(doc)).toEqual([]);
    expect(doc.vars).toMatchObject({ remindBefore: '1d', link: '', pingRoleId: '' });
    expect(promoCountdown.graph.nodes.map((n) => n.type)).toEqual([
      'trigger.manual',
      'flow.if',
      'stripe.createPromotionCode',
      'flow.setVariables',
      'discord.sendMessage',
      'flow.delay',
      'discord.sendMessage',
      'flow.delay',
      'flow.if',
      'stripe.deactivatePromotionCode',
      'discord.sendMessage',
    ]);
  });

  describe('on Temporal against the sandbox (time compressed)', () => {
    // The worker's Stripe executors on the harness's store, with stripe-mock as Stripe.
    const stripe = createStripeExecutors({
      credentials: { resolve: (guildId, name) => credentials().resolve(guildId, name) },
      ownership: {
        record: (guildId, id) => stripeOwnership(h.service.deps.mongo).record(guildId, id),
        assertOwned: (guildId, id) =>
          stripeOwnership(h.service.deps.mongo).assertOwned(guildId, id),
      },
      apiBase: testStack().stripeMockUrl,
    });
    const credentials = () => credentialSource(h.service.deps.mongo, 'test-secret-key');
    const h = useTemplateHarness({ activities: stripe });

    it('announces, reminds a day before and says it is live at the launch', async () => {
      const launch = Date.now() + 2 * DAY;
      const launchAt = new Date(launch).toISOString();
      const graph = await h.install('promo-countdown', {
        channelId: channels.general,
        productName: 'Season 2',
        launchAt,
        details: 'New maps!',
        link: 'https://example.com/season-2',
        // A role the bot can ping (mentionable in the sandbox).
        pingRoleId: roles.moderator,
      });
      // A day lasts two seconds: the reminder comes after ~2 s, the launch ~2 s later.
      const run = await h.start(
        graph,
        { type: 'trigger.manual', payload: {} },
        { timeScale: DAY / 2000 },
      );
      const result = await run.result();
      expect(result.status).toBe('completed');
      const messages = h.sandbox.messages({ channelId: channels.general });
      expect(messages.map((m) => m.content)).toEqual([
        `<@&${roles.moderator}> 📣 **Season 2** launches <t:${unix(launch)}:F> (<t:${unix(launch)}:R>)! New maps!`,
        `⏰ Almost there: **Season 2** launches <t:${unix(launch)}:R>!`,
        `<@&${roles.moderator}> 🚀 **Season 2** is live now! https://example.com/season-2`,
      ]);
      // The role is pinged, not just named: the nodes list it in allowedRoleMentions.
      expect(messages.map((m) => m.mentionRoles)).toEqual([
        [roles.moderator],
        [],
        [roles.moderator],
      ]);
      const waits = result.steps.filter((s) => s.nodeId.startsWith('until'));
      expect(waits.map((s) => [s.nodeId, s.status])).toEqual([
        ['untilReminder', 'completed'],
        ['untilLaunch', 'completed'],
      ]);
    });

    it('without the optional vars the messages carry no ping and no link', async () => {
      const graph = await h.install('promo-countdown', {
        channelId: channels.general,
        productName: 'The sale',
        launchAt: new Date(Date.now() - DAY).toISOString(), // already past: no waiting
      });
      const run = await h.start(graph, { type: 'trigger.manual', payload: {} });
      const result = await run.result();
      expect(result.status).toBe('completed');
      // No Stripe credential and coupon: no promotion code is made or ended.
      const stripeSteps = result.steps.filter(
        (s) => s.nodeId === 'promo' || s.nodeId === 'endPromo',
      );
      expect(stripeSteps.filter((s) => s.status !== 'skipped')).toEqual([]);
      const contents = h.sandbox.messages({ channelId: channels.general }).map((m) => m.content);
      expect(contents).toHaveLength(3);
      expect(contents[0]).toMatch(/^📣 \*\*The sale\*\* launches <t:\d+:F> \(<t:\d+:R>\)! $/);
      expect(contents[2]).toBe('🚀 **The sale** is live now!');
    });

    it('with a Stripe credential and a coupon: announces a promotion code and ends it at the launch', async () => {
      const added = await h.service.api('POST', `/api/guilds/${SANDBOX_IDS.guild}/credentials`, {
        body: {
          name: 'shop',
          type: 'stripe',
          value: { secretKey: 'sk_test_promocountdown', webhookSecret: 'whsec_promo' },
        },
      });
      expect([201, 409]).toContain(added.status);
      const graph = await h.install('promo-countdown', {
        channelId: channels.general,
        productName: 'Season 2',
        launchAt: new Date(Date.now() + DAY).toISOString(),
        remindBefore: '12h',
        stripeCredential: 'shop',
        couponId: 'LAUNCH10',
        promoCode: 'SEASON2',
      });
      const run = await h.start(
        graph,
        { type: 'trigger.manual', payload: {} },
        { timeScale: DAY / 2000 },
      );
      const result = await run.result();
      expect(result.status).toBe('completed');
      const promo = result.steps.find((s) => s.nodeId === 'promo');
      const promoId = (promo?.output as { id: string }).id;
      expect(promoId).toMatch(/^promo_/);
      const messages = h.sandbox.messages({ channelId: channels.general }).map((m) => m.content);
      expect(messages[0]).toContain('Use code **SEASON2** before the launch.');
      expect(messages[2]).toBe('🚀 **Season 2** is live now!');
      // Deactivated at the launch, after the reminder and before "it's live".
      const ended = result.steps.find((s) => s.nodeId === 'endPromo');
      expect(ended).toMatchObject({ status: 'completed', output: { id: promoId, active: false } });
      const order = result.steps.map((s) => s.nodeId);
      expect(order.indexOf('endPromo')).toBeGreaterThan(order.indexOf('untilLaunch'));
      expect(order.indexOf('endPromo')).toBeLessThan(order.indexOf('live'));
      // Recorded for the server, so only its graphs may change it.
      const owner = await h.service.store.stripeObjects.findById(promoId).lean();
      expect(owner?.guildId).toBe(SANDBOX_IDS.guild);
      expect(JSON.stringify(result)).not.toContain('sk_test_promocountdown');
    });
  });
});
