import { catalogJson } from '@guildflow/engine/core';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Billing, BillingOn, Limits } from '../api/billing-queries.js';
import { TOKEN_KEY } from '../api/client.js';
import { Layout } from '../app/layout.js';
import { rename } from '../editor/document-edits.js';
import { GraphListPage } from '../graphs/graph-list-page.js';
import { welcomeGraph } from '../testing/editor-fixtures.js';
import { renderEditor } from '../testing/render-editor.js';
import { ToastProvider } from '../ui/index.js';
import { BillingPage, browser } from './billing-page.js';
import { day } from './billing-words.js';

beforeEach(() => localStorage.setItem(TOKEN_KEY, 'gfa_test'));
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const limits = (published: number | null, runs: number | null): Limits => ({
  publishedGraphs: published,
  runsPerMonth: runs,
  minScheduleIntervalSeconds: 900,
  runRetentionDays: 7,
  maxTimeCompression: 10,
});
const plans: BillingOn['plans'] = [
  { id: 'free', name: 'Free', priceMonthly: null, limits: limits(3, 1000) },
  {
    id: 'premium',
    name: 'Premium',
    priceMonthly: { amount: 900, currency: 'usd' },
    limits: limits(25, 50_000),
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    priceMonthly: { amount: 4900, currency: 'usd' },
    limits: limits(null, null),
  },
];
const free: BillingOn = {
  billing: 'on',
  plan: 'free',
  planName: 'Free',
  status: 'active',
  limits: limits(3, 1000),
  usage: {
    publishedGraphs: 3,
    runsThisPeriod: 412,
    periodStart: '2026-12-01T00:00:00.000Z',
    periodEnd: '2027-01-01T00:00:00.000Z',
  },
  plans,
  disabledGraphs: [],
};

/**
 * The service for guild g1: session, guilds, graphs, catalog, and the billing routes as the
 * billing helper's API answers them; records the POSTs.
 */
function serve(billing: Billing | 'missing') {
  const posts: { path: string; body: unknown }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    if (request.method === 'POST') {
      const text = await request.text();
      posts.push({ path, body: text ? (JSON.parse(text) as unknown) : undefined });
      if (path.endsWith('/billing/checkout'))
        return json({ url: 'https://checkout.stripe.com/c/pay/cs_test_1' });
      if (path.endsWith('/billing/portal'))
        return json({ url: 'https://billing.stripe.com/p/session/test_1' });
    }
    if (path === '/api/session')
      return json({ kind: 'admin', user: null, guildIds: null, expiresAt: null });
    if (path === '/api/guilds')
      return json({ guilds: [{ id: 'g1', name: 'Guild One', botPresent: true }] });
    if (path === '/api/catalog') return json(catalogJson());
    if (path === '/api/guilds/g1/graphs') return json({ graphs: [] });
    if (path === '/api/guilds/g1/runs/latest') return json({ runs: [] });
    if (path === '/api/guilds/g1/billing' && billing !== 'missing') return json(billing);
    return json({ error: { code: 'not_found', message: `No route ${path}` } }, 404);
  }) as typeof fetch;
  return posts;
}

/** The signed-in frame with a page of the guild in it (as the app routes it). */
function open(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A data router, as the app's: the frame reads the navigation state.
  const router = createMemoryRouter(
    [
      {
        element: <Layout />,
        children: [
          { path: '/guilds/:guildId/graphs', element: <GraphListPage /> },
          { path: '/guilds/:guildId/billing', element: <BillingPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe('billing off (self-hosted)', () => {
  for (const answer of [
    { billing: 'off', plan: 'self-hosted', limits: null } as const,
    'missing' as const,
  ])
    it(`shows nothing about plans (${answer === 'missing' ? 'a service without the route' : 'billing "off"'})`, async () => {
      serve(answer);
      open('/guilds/g1/graphs');
      await screen.findByRole('heading', { name: 'No graphs yet' });
      const nav = screen.getByRole('navigation', { name: 'Main' });
      await waitFor(() =>
        expect(within(nav).getByRole('link', { name: 'Credentials' })).toBeTruthy(),
      );
      // Give the billing read time to answer before looking for what it would add.
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(within(nav).queryByRole('link', { name: 'Billing' })).toBeNull();
      expect(screen.queryByRole('link', { name: /^Plan:/ })).toBeNull();
      expect(document.body.textContent).not.toMatch(/Published:|Free|Upgrade/);
    });
});

describe('billing on (hosted)', () => {
  it('shows the plan in the header and the published graphs against the limit, with the way to more', async () => {
    serve(free);
    open('/guilds/g1/graphs');
    const badge = await screen.findByRole('link', { name: 'Plan: Free. Open plan and billing' });
    expect(badge.getAttribute('href')).toBe('/guilds/g1/billing');
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Billing',
      }),
    ).toBeTruthy();
    const line = await screen.findByText(/^Published: 3 of 3 on the Free plan\./);
    expect(line.textContent).toContain('The limit is reached');
    expect(within(line).getByRole('link', { name: 'upgrade' }).getAttribute('href')).toBe(
      '/guilds/g1/billing',
    );
  });

  it('says a failed payment in the badge with the date to fix it by', async () => {
    serve({
      ...free,
      plan: 'premium',
      planName: 'Premium',
      status: 'past_due',
      graceEndsAt: '2026-12-10T00:00:00.000Z',
    });
    open('/guilds/g1/billing');
    const text = `Payment failed — fix by ${day('2026-12-10T00:00:00.000Z')}`;
    expect(
      await screen.findByRole('link', { name: `Plan: ${text}. Open plan and billing` }),
    ).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      `Update the payment method by ${day('2026-12-10T00:00:00.000Z')}`,
    );
  });

  it('shows the use this period as labelled meters, the plans, and upgrades through Stripe Checkout', async () => {
    const posts = serve(free);
    const went: string[] = [];
    browser.go = (url) => went.push(url);
    const user = open('/guilds/g1/billing');
    const graphs = await screen.findByRole('meter', { name: 'Published graphs' });
    expect(graphs.getAttribute('value')).toBe('3');
    expect(graphs.getAttribute('max')).toBe('3');
    expect(graphs.getAttribute('aria-valuetext')).toBe('3 of 3');
    const runs = screen.getByRole('meter', { name: 'Runs this period' });
    expect(runs.getAttribute('aria-valuetext')).toBe('412 of 1,000');
    expect(screen.getByText('limit reached', { exact: false })).toBeTruthy();

    const comparison = screen.getByRole('region', { name: 'Plans' });
    expect(within(comparison).getByText('$9.00 a month')).toBeTruthy();
    expect(
      within(comparison).getByRole('row', { name: /Published graphs 3 25 Unlimited/ }),
    ).toBeTruthy();
    // Free has no portal yet (nothing paid): only upgrades.
    expect(screen.queryByRole('button', { name: 'Manage billing' })).toBeNull();
    expect(within(comparison).queryByRole('button', { name: 'Upgrade to Free' })).toBeNull();
    await user.click(within(comparison).getByRole('button', { name: 'Upgrade to Premium' }));
    await waitFor(() => expect(went).toEqual(['https://checkout.stripe.com/c/pay/cs_test_1']));
    expect(posts).toEqual([{ path: '/api/guilds/g1/billing/checkout', body: { plan: 'premium' } }]);
  });

  it('opens the portal, lists invoices and the graphs a downgrade turned off', async () => {
    const posts = serve({
      ...free,
      plan: 'premium',
      planName: 'Premium',
      limits: limits(25, 50_000),
      renewsAt: '2027-01-01T00:00:00.000Z',
      invoices: [
        {
          id: 'in_1',
          number: 'GF-0001',
          status: 'paid',
          amountPaid: 900,
          currency: 'usd',
          createdAt: '2026-12-01T00:00:00.000Z',
          url: 'https://invoice.stripe.com/i/in_1',
        },
      ],
      disabledGraphs: [{ graphId: 'graph9', name: 'Giveaway' }],
    });
    const went: string[] = [];
    browser.go = (url) => went.push(url);
    const user = open('/guilds/g1/billing');
    expect(
      await screen.findByText(`renews ${day('2027-01-01T00:00:00.000Z')}`, { exact: false }),
    ).toBeTruthy();
    const off = screen.getByRole('region', { name: 'Graphs turned off by the plan change' });
    expect(within(off).getByRole('link', { name: 'Giveaway' }).getAttribute('href')).toBe(
      '/guilds/g1/graphs/graph9',
    );
    const invoices = screen.getByRole('region', { name: 'Invoices' });
    expect(within(invoices).getByRole('link', { name: 'GF-0001' }).getAttribute('href')).toBe(
      'https://invoice.stripe.com/i/in_1',
    );
    expect(within(invoices).getByText('$9.00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Upgrade to Premium' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Upgrade to Enterprise' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(went).toEqual(['https://billing.stripe.com/p/session/test_1']));
    // From a paid plan, Upgrade goes to the portal too: a second Checkout would charge twice.
    await user.click(screen.getByRole('button', { name: 'Upgrade to Enterprise' }));
    await waitFor(() => expect(went).toHaveLength(2));
    expect(posts.map((p) => p.path)).toEqual([
      '/api/guilds/g1/billing/portal',
      '/api/guilds/g1/billing/portal',
    ]);
  });
});

describe('a refusal because of the plan', () => {
  it('shows the 402 message in the editor with a link to upgrade, instead of a generic failure', async () => {
    const message =
      'This server has 3 published graphs, the most the Free plan allows: upgrade on the billing page, or turn one off first.';
    const { store } = renderEditor(welcomeGraph(), { saveDelayMs: 60_000 });
    const inner = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === 'POST' && request.url.endsWith('/publish'))
        return json({ error: { code: 'plan_limit', message } }, 402);
      return inner(request);
    }) as typeof fetch;
    act(() => store.getState().edit((d) => rename(d, 'Welcome v2')));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain(`Not published: ${message}`);
    expect(
      within(notice).getByRole('link', { name: 'See plans and upgrade' }).getAttribute('href'),
    ).toBe('/guilds/g1/billing');
  });
});
