import Stripe from 'stripe';
import { SANDBOX_IDS, startSandbox } from '@guildflow/discord-sandbox';
import {
  startTestService,
  type ApiAnswer,
  type ApiRequest,
  type TestService,
} from '@guildflow/engine/testing/service';
import { discordOAuth, discordBotApi } from '@guildflow/discord';
import { testStack } from '@guildflow/stack/testing';

/**
 * One call and its answer, for the OpenAPI contract test.
 *
 * @example
 * { method: 'GET', path: '/api/sandbox', answer: { status: 200, headers, body } }
 */
export interface ContractExchange {
  method: string;
  path: string;
  answer: ApiAnswer;
}

const WEBHOOK_SECRET = 'whsec_contract';

/**
 * Exercises the hosted-use routes — sign-in with Discord, `/api/session`, guild credentials,
 * the sandbox API and the Stripe webhook — on a service wired to a real sandbox, plus one without those settings,
 * and returns every exchange so the contract test checks them against docs/api/openapi.json.
 */
export async function hostedExchanges(): Promise<ContractExchange[]> {
  const exchanges: ContractExchange[] = [];
  const sandbox = await startSandbox({ port: 0 });
  const service = await startTestService({
    sandboxUrl: sandbox.url,
    discordBot: discordBotApi({ apiUrl: sandbox.apiUrl, token: sandbox.token, kind: 'sandbox' }),
    stripeWebhookSecret: WEBHOOK_SECRET,
    // Billing on, against stripe-mock.
    billing: { secretKey: 'sk_test_contract', apiBase: testStack().stripeMockUrl },
    discordOAuth: discordOAuth({
      clientId: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
      apiBase: `${sandbox.url}/api/v10`,
    }),
  });
  const bare = await startTestService({ mongo: service.deps.mongo });
  const call = async (on: TestService, method: string, path: string, request?: ApiRequest) => {
    const answer = await on.api(method, path, request);
    exchanges.push({ method, path, answer });
    return answer;
  };
  // Browser navigations: redirects are answers here, not followed.
  const navigate = async (on: TestService, url: string, cookie?: string) => {
    const response = await fetch(url.startsWith('http') ? url : `${on.url}${url}`, {
      redirect: 'manual',
      headers: cookie ? { Cookie: cookie } : {},
    });
    const text = await response.text();
    const body = (response.headers.get('content-type') ?? '').includes('json')
      ? JSON.parse(text)
      : text;
    const parsed = new URL(response.url);
    exchanges.push({
      method: 'GET',
      path: `${parsed.pathname}${parsed.search}`,
      answer: { status: response.status, headers: response.headers, body },
    });
    return response;
  };
  try {
    const { guild, channels, users } = SANDBOX_IDS;
    // Sign-in: success, cancelled, wrong state, not configured.
    const signIn = async (decision: string) => {
      const start = await navigate(service, '/auth/discord');
      const cookie = start.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const consent = new URL(start.headers.get('location') ?? '');
      if (decision === 'deny') consent.searchParams.set('sandbox_deny', '1');
      else consent.searchParams.set('sandbox_user', decision);
      const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '';
      return { back, cookie };
    };
    const ok = await signIn(users.alice);
    const done = await navigate(service, ok.back, ok.cookie);
    const token = /#token=(.+)$/.exec(done.headers.get('location') ?? '')?.[1] ?? '';
    await navigate(service, ok.back, ok.cookie); // the code is used up: sign_in_failed
    const denied = await signIn('deny');
    await navigate(service, denied.back, denied.cookie);
    await navigate(service, '/auth/discord/callback?code=x&state=y');
    await navigate(bare, '/auth/discord');
    const wrongSecret = await startTestService({
      mongo: service.deps.mongo,
      discordOAuth: discordOAuth({
        clientId: sandbox.oauth.clientId,
        clientSecret: 'wrong',
        apiBase: `${sandbox.url}/api/v10`,
      }),
    });
    try {
      const start = await fetch(`${wrongSecret.url}/auth/discord`, { redirect: 'manual' });
      const consent = new URL(start.headers.get('location') ?? '');
      consent.searchParams.set('sandbox_user', users.alice);
      const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '';
      await navigate(wrongSecret, back, start.headers.getSetCookie()[0]?.split(';')[0]);
    } finally {
      await wrongSecret.close();
    }

    // Recording Stripe objects (the operator only): new, again, another guild's, not an id, a user.
    const objects = (guildId: string, id: string) => `/api/guilds/${guildId}/stripe/objects/${id}`;
    await call(service, 'PUT', objects(guild, 'cus_contract'));
    await call(service, 'PUT', objects(guild, 'cus_contract'));
    await call(service, 'PUT', objects('1300000000000000999', 'cus_contract'));
    await call(service, 'PUT', objects(guild, 'in_contract'));
    await call(service, 'PUT', objects(guild, 'cus_contractuser'), { token });

    // Credentials: stored, a taken name, a bad name, listed, deleted, then unknown.
    const credentials = `/api/guilds/${guild}/credentials`;
    const crm = { name: 'contract_crm', type: 'bearer', value: 'tok_contract' };
    await call(service, 'POST', credentials, { body: crm });
    await call(service, 'POST', credentials, { body: crm });
    await call(service, 'POST', credentials, { body: { ...crm, name: '1bad' } });
    await call(service, 'GET', credentials);
    await call(service, 'DELETE', `${credentials}/contract_crm`);
    await call(service, 'DELETE', `${credentials}/contract_crm`);

    // Billing: on (plan, checkout, a bad plan, portal before and after a customer), and off.
    const billing = `/api/guilds/${guild}/billing`;
    await call(service, 'GET', billing);
    await call(service, 'POST', `/api/guilds/1300000000000000998/billing/portal`);
    await call(service, 'POST', `${billing}/checkout`, { body: { plan: 'gold' } });
    await call(service, 'POST', `${billing}/checkout`, { body: { plan: 'premium' } });
    await call(service, 'POST', `${billing}/portal`);
    await call(bare, 'GET', billing);
    await call(bare, 'POST', `${billing}/checkout`, { body: { plan: 'premium' } });

    // Sessions.
    await call(service, 'GET', '/api/session', { token });
    await call(service, 'GET', '/api/session');
    await call(service, 'POST', '/api/session/end');
    await call(service, 'POST', '/api/session/end', { token });
    await call(service, 'GET', '/api/session', { token });

    // The builder's routes: sign-in methods, guilds, guild data for pickers.
    await call(service, 'GET', '/auth/methods', { token: null });
    await call(bare, 'GET', '/auth/methods', { token: null });
    await call(service, 'GET', '/api/guilds');
    await call(bare, 'GET', '/api/guilds');
    await call(service, 'GET', `/api/guilds/${guild}/discord`);
    await call(service, 'GET', `/api/guilds/${guild}/discord?q=car`);
    await call(service, 'GET', `/api/guilds/${guild}/discord?q=`);
    await call(service, 'GET', '/api/guilds/1300000000000000999/discord');
    await call(bare, 'GET', `/api/guilds/${guild}/discord`);

    // The sandbox API.
    await call(service, 'GET', '/api/sandbox');
    const event = (body: Record<string, unknown>) =>
      call(service, 'POST', '/api/sandbox/events', { body: { guildId: guild, ...body } });
    const joined = await event({ type: 'memberJoined', user: { username: 'zoe' } });
    await event({
      type: 'messageCreated',
      channelId: channels.general,
      userId: users.carol,
      content: 'hi',
    });
    await event({ type: 'nope' });
    await event({ type: 'messageCreated', channelId: '1', userId: users.carol, content: 'hi' });
    await event({
      type: 'messageCreated',
      channelId: channels.welcome,
      userId: users.carol,
      content: 'hi',
    });
    await call(service, 'POST', '/api/sandbox/events', {
      rawBody: 'x',
      headers: { 'Content-Type': 'text/plain' },
    });
    await call(service, 'GET', `/api/sandbox/messages?guildId=${guild}&authors=all`);
    await call(service, 'GET', '/api/sandbox/messages?authors=x');
    await call(service, 'GET', `/api/sandbox/commands?guildId=${guild}`);
    await call(service, 'GET', '/api/sandbox/commands');
    await call(service, 'GET', '/api/sandbox/messages?guildId=1');
    await call(
      service,
      'GET',
      `/api/sandbox/guilds/${guild}/members/${String(joined.body.userId)}`,
    );
    await call(service, 'GET', `/api/sandbox/guilds/${guild}/members/1`);
    await call(service, 'GET', `/api/sandbox/guilds/${guild}/members/x`);
    await call(bare, 'GET', '/api/sandbox');
    await call(bare, 'POST', '/api/sandbox/events', {
      body: { guildId: guild, type: 'memberLeft', userId: users.frank },
    });
    await call(bare, 'GET', '/api/sandbox/messages');
    await call(bare, 'GET', `/api/sandbox/guilds/${guild}/members/${users.alice}`);

    // The Stripe webhook (billing): verified (no guild's customer: nothing applied), bad
    // signature, not configured.
    const payload = JSON.stringify({
      id: 'evt_contract',
      object: 'event',
      type: 'invoice.paid',
      created: 1,
      data: { object: {} },
    });
    const stripe = (on: TestService, signature: string) =>
      call(on, 'POST', '/stripe/webhook', {
        token: null,
        rawBody: payload,
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      });
    await stripe(
      service,
      Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
    );
    await stripe(service, 't=1,v1=00');
    await stripe(bare, 't=1,v1=00');

    // A server's own Stripe account: verified (no graph listens: nothing starts), bad signature,
    // no such credential.
    const accountSecret = 'whsec_contract_guild';
    await call(service, 'POST', `/api/guilds/${guild}/credentials`, {
      body: {
        name: 'shop',
        type: 'stripe',
        value: { secretKey: 'sk_test_contract', webhookSecret: accountSecret },
      },
    });
    const account = (name: string, signature: string) =>
      call(service, 'POST', `/stripe/webhook/guilds/${guild}/${name}`, {
        token: null,
        rawBody: payload,
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      });
    await account(
      'shop',
      Stripe.webhooks.generateTestHeaderString({ payload, secret: accountSecret }),
    );
    await account('shop', 't=1,v1=00');
    await account('nope', 't=1,v1=00');
  } finally {
    await bare.close();
    await service.close();
    await sandbox.close();
  }
  return exchanges;
}
