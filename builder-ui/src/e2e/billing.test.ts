import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import {
  STRIPE_TEST_SECRET,
  deliverStripeEvent,
  stripeEvent,
} from '@guildflow/engine/testing/stripe';
import { testStack } from '@guildflow/stack/testing';
import { startE2E, type E2E, type Tab } from './harness.js';

// The hosted service's billing screens in Chromium against the real stack with billing on:
// the service's Stripe account is stripe-mock, and Stripe's own pages (Checkout) — the one part
// on the internet — answer with a stand-in page. The upgrade itself arrives as Stripe would
// send it: a signed `checkout.session.completed` to /stripe/webhook.

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E({
    service: {
      billing: { secretKey: 'sk_test_guildflowE2E', apiBase: testStack().stripeMockUrl },
      stripeWebhookSecret: STRIPE_TEST_SECRET,
    },
  });
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

describe('billing on (the hosted service)', () => {
  it('shows a Free guild its plan and use, upgrades through Checkout, and shows Premium once Stripe says it is paid', async () => {
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.getByRole('link', { name: /^Plan: Free\./ }).waitFor();
    await nav.getByRole('link', { name: 'Billing' }).click();
    const published = page.getByRole('meter', { name: 'Published graphs' });
    await published.waitFor();
    // Free's limits, as the service's plans say (3 graphs, 1,000 runs a month).
    expect(await published.getAttribute('max')).toBe('3');
    const runs = page.getByRole('meter', { name: 'Runs this period' });
    expect(await runs.getAttribute('aria-valuetext')).toBe('0 of 1,000');
    await e2e.screenshot(tab, 'billing-free');
    await e2e.expectAccessible(tab, 'the billing page');

    // Stripe Checkout is on the internet: its page is a stand-in; the URL is stripe-mock's.
    await page.route('https://checkout.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Checkout</title><h1>Checkout</h1>' }),
    );
    await page.getByRole('button', { name: 'Upgrade to Premium' }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\//);

    // Stripe tells the service the checkout was paid.
    const guild = await e2e.stack.service.store.guilds.findById(GUILD).lean();
    const customer = guild?.billing?.customerId;
    expect(customer).toMatch(/^cus_/);
    const paid = await deliverStripeEvent(
      e2e.stack.service,
      stripeEvent('checkout.session.completed', {
        id: 'cs_test_e2e',
        object: 'checkout.session',
        customer,
        subscription: 'sub_e2e',
        client_reference_id: GUILD,
        metadata: { guildId: GUILD, plan: 'premium' },
      }),
    );
    expect(paid.body).toMatchObject({ applied: true });

    await page.goto(`/guilds/${GUILD}/billing?checkout=success`);
    await page.getByRole('heading', { name: /^Current plan: Premium/ }).waitFor();
    expect(await published.getAttribute('max')).toBe('25');
    await page.getByRole('link', { name: /^Plan: Premium\./ }).waitFor();
    await e2e.screenshot(tab, 'billing-premium');
    e2e.expectNoErrors(tab);
  });
});
