import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { credentialSource, enterCollect, stripeOwnership } from '@guildflow/engine/service';
import { eventually } from '@guildflow/engine/testing/service';
import { testStack } from '@guildflow/stack/testing';
import { createStripeExecutors } from '@guildflow/stripe';
import { describe, expect, it } from 'vitest';
import { useTemplateHarness, userOf } from '../testing/template-harness.js';

const { channels, users, guild } = SANDBOX_IDS;
const DAY = 86_400_000;

describe('promo-countdown at the launch: promotion code and giveaway (time compressed)', () => {
  // The worker's Stripe executors on the harness's store, with stripe-mock as Stripe.
  const stripe = createStripeExecutors({
    credentials: { resolve: (guildId, name) => credentials().resolve(guildId, name) },
    ownership: {
      record: (guildId, id) => stripeOwnership(h.service.deps.mongo).record(guildId, id),
      assertOwned: (guildId, id) => stripeOwnership(h.service.deps.mongo).assertOwned(guildId, id),
    },
    apiBase: testStack().stripeMockUrl,
  });
  const credentials = () => credentialSource(h.service.deps.mongo, 'test-secret-key');
  const h = useTemplateHarness({ activities: stripe });

  it('with a Stripe credential and a coupon: announces a promotion code and ends it at the launch', async () => {
    const added = await h.service.api('POST', `/api/guilds/${guild}/credentials`, {
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
      offsets: ['12h'],
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
    expect(messages).toHaveLength(3);
    // The announcement and the reminder carry the code.
    expect(messages[0]).toContain('Use code **SEASON2** before the launch.');
    expect(messages[1]).toMatch(/^⏰ \*\*Season 2\*\* launches .* Use code \*\*SEASON2\*\*/);
    expect(messages[2]).toBe('🚀 **Season 2** is live now!');
    // Deactivated at the launch, after the last wait and before "it's live".
    const ended = result.steps.find((s) => s.nodeId === 'endPromo');
    expect(ended).toMatchObject({ status: 'completed', output: { id: promoId, active: false } });
    const order = result.steps.map((s) => s.nodeId);
    expect(order.indexOf('endPromo')).toBeGreaterThan(order.indexOf('untilLaunch'));
    expect(order.indexOf('endPromo')).toBeLessThan(order.indexOf('live'));
    // Recorded for the server, so only its graphs may change it.
    const owner = await h.service.store.stripeObjects.findById(promoId).lean();
    expect(owner?.guildId).toBe(guild);
    expect(JSON.stringify(result)).not.toContain('sk_test_promocountdown');
  });

  it('a launch giveaway: an Enter button at T-0, the clicks collected, the winners drawn', async () => {
    const graph = await h.install('promo-countdown', {
      channelId: channels.general,
      productName: 'Season 2',
      launchAt: new Date(Date.now() + 2000).toISOString(),
      giveawayPrize: 'A season pass',
      giveawayDuration: '1h',
      giveawayWinners: 2,
    });
    // An hour lasts 5 seconds: the entries stay open that long.
    const run = await h.start(graph, { type: 'trigger.manual', payload: {} }, { timeScale: 720 });
    const window = await eventually(
      async () =>
        (await h.service.store.collectWindows
          .findOne({ workflowId: run.workflowId })
          .lean<{ messageId: string; customId: string | null }>()) ?? undefined,
      'the launch giveaway to open its entries',
    );
    const [, live, post] = h.sandbox.messages({ channelId: channels.general });
    expect(live?.content).toBe('🚀 **Season 2** is live now!');
    expect(post?.id).toBe(window.messageId);
    expect(post?.content).toMatch(
      /^🎉 \*\*Launch giveaway: A season pass\*\*\nClick \*\*Enter\*\* to take part! 2 winner\(s\) will be drawn <t:\d+:R>\.$/,
    );
    expect(JSON.stringify(post?.components)).toContain(`"custom_id":"${window.customId}"`);
    const entrants = [userOf(users.carol, 'carol'), userOf(users.dave, 'dave')];
    for (const user of [...entrants, entrants[0]!])
      await enterCollect(h.service.store, {
        guildId: guild,
        messageId: window.messageId,
        customId: window.customId ?? '',
        user,
      });

    expect((await run.result()).status).toBe('completed');
    const messages = h.sandbox.messages({ channelId: channels.general });
    expect(messages.map((m) => m.content).slice(2)).toEqual([
      '🎉 **Launch giveaway: A season pass**\nEntries are closed: 2 entered.',
      expect.stringMatching(
        /^🏆 Congratulations <@\d+> <@\d+>! You won \*\*A season pass\*\* \(out of 2 entries\)\.$/,
      ),
    ]);
    expect(messages[2]?.components).toEqual([]);
    const winners = [...(messages[3]?.content.matchAll(/<@(\d+)>/g) ?? [])].map((m) => m[1]);
    expect(winners.sort()).toEqual([users.carol, users.dave].sort());
  });
});
