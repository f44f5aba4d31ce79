import Ajv from 'ajv';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ERROR_TYPES,
  NODE_DECLARATIONS,
  NODE_GROUPS,
  catalog,
  catalogJson,
  checkConfig,
  cronProblem,
  fieldMode,
  getNodeType,
  inputsOf,
  isLiteralField,
  isTrigger,
  listNodeTypes,
  literalPaths,
  portsOf,
  resolvedConfigSchema,
  toJsonSchema,
  type ActionExecutor,
  type ConfigOf,
  type NodeDeclaration,
  type NodeTypeMap,
  type OutputOf,
} from './index.js';

/** Every public type id of the node catalog (docs/nodes.md): ids never change. */
const PUBLIC_TYPES = {
  trigger: [
    'trigger.memberJoined',
    'trigger.memberLeft',
    'trigger.memberUpdated',
    'trigger.messageCreated',
    'trigger.reactionAdded',
    'trigger.reactionRemoved',
    'trigger.buttonClicked',
    'trigger.slashCommand',
    'trigger.memberCountReached',
    'trigger.schedule',
    'trigger.webhook',
    'trigger.stripeEvent',
    'trigger.manual',
  ],
  action: [
    'discord.sendMessage',
    'discord.editMessage',
    'discord.deleteMessage',
    'discord.readMessages',
    'discord.reply',
    'discord.addRole',
    'discord.removeRole',
    'discord.timeoutMember',
    'discord.kickMember',
    'discord.banMember',
    'discord.createChannel',
    'discord.archiveChannel',
    'discord.addReaction',
    'data.get',
    'data.set',
    'data.increment',
    'data.stats',
    'data.top',
    'http.request',
    'stripe.getCustomer',
    'stripe.createCustomer',
    'stripe.getSubscription',
    'stripe.cancelSubscription',
    'stripe.createCheckoutSession',
    'stripe.createPromotionCode',
    'stripe.deactivatePromotionCode',
  ],
  control: [
    'flow.if',
    'flow.switch',
    'flow.delay',
    'flow.waitFor',
    'flow.collect',
    'flow.pickRandom',
    'flow.forEach',
    'flow.join',
    'flow.setVariables',
    'flow.runGraph',
    'flow.stop',
  ],
} as const;

/** The public contract (docs/nodes.md): config fields and output names that never change. */
const PUBLIC_FIELDS: Record<string, { config: string[]; output: string[] }> = {
  'trigger.memberJoined': {
    config: [],
    output: [
      'member.id',
      'member.username',
      'member.mention',
      'guild.id',
      'guild.name',
      'guild.memberCount',
    ],
  },
  'trigger.memberLeft': {
    config: [],
    output: [
      'member.id',
      'member.username',
      'member.mention',
      'guild.id',
      'guild.name',
      'guild.memberCount',
    ],
  },
  'trigger.memberUpdated': {
    config: ['change', 'roleId'],
    output: [
      'member.id',
      'member.username',
      'member.mention',
      'member.roles',
      'member.avatarUrl',
      'member.pending',
      'guild.id',
      'guild.name',
      'guild.memberCount',
      'rolesAdded',
      'rolesRemoved',
      'screeningPassed',
    ],
  },
  'trigger.messageCreated': {
    config: ['channelId', 'contains', 'pattern', 'includeBots'],
    output: [
      'message.id',
      'message.channelId',
      'message.content',
      'author.id',
      'author.username',
      'author.mention',
    ],
  },
  'trigger.buttonClicked': {
    config: ['customIdPrefix'],
    output: ['user', 'channelId', 'messageId', 'customId'],
  },
  'trigger.slashCommand': {
    config: ['name', 'description', 'options'],
    output: ['user', 'channelId', 'command', 'options'],
  },
  'trigger.webhook': { config: [], output: ['body', 'query', 'headers'] },
  'trigger.manual': { config: ['samplePayload'], output: [] },
  'discord.sendMessage': {
    config: ['channelId', 'userId', 'content', 'embeds', 'buttons'],
    output: ['messageId', 'channelId'],
  },
  'discord.readMessages': {
    config: ['channelId', 'limit'],
    output: ['messages', 'count'],
  },
  'discord.reply': { config: ['content', 'ephemeral'], output: ['messageId'] },
  'discord.addRole': { config: ['userId', 'roleId', 'reason'], output: [] },
  'discord.removeRole': { config: ['userId', 'roleId', 'reason'], output: [] },
  'discord.timeoutMember': { config: ['userId', 'duration', 'reason'], output: ['until'] },
  'discord.kickMember': { config: ['userId', 'reason'], output: [] },
  'discord.banMember': { config: ['userId', 'reason'], output: [] },
  'flow.if': { config: ['condition'], output: [] },
  'flow.switch': { config: ['value', 'cases'], output: [] },
  'flow.delay': { config: ['duration', 'until'], output: ['resumedAt'] },
  'flow.waitFor': {
    config: ['event', 'messageId', 'customId', 'userId', 'timeout'],
    output: ['user', 'customId', 'emoji', 'content'],
  },
  'flow.collect': {
    config: ['messageId', 'customId', 'emoji', 'duration'],
    output: ['users', 'count'],
  },
  'flow.pickRandom': { config: ['items', 'count'], output: ['picked'] },
  'flow.forEach': { config: ['items', 'max'], output: [] },
  'flow.setVariables': { config: ['values'], output: [] },
  'data.get': { config: ['key', 'scope', 'memberId'], output: ['value'] },
  'data.set': { config: ['key', 'scope', 'memberId', 'value', 'ttl'], output: ['value'] },
  'data.increment': { config: ['key', 'scope', 'memberId', 'by', 'ttl'], output: ['value'] },
};

/** A config each type must refuse (by its schema or its check). */
const BROKEN: Record<string, Record<string, unknown>> = {
  'trigger.memberJoined': { channelId: '1' },
  'trigger.memberLeft': { anything: true },
  'trigger.memberUpdated': { change: 'nickname' },
  'trigger.messageCreated': { pattern: '([unclosed' },
  'trigger.reactionAdded': { messageId: 'not-an-id' },
  'trigger.reactionRemoved': { emoji: '' },
  'trigger.buttonClicked': {},
  'trigger.slashCommand': { name: 'Warn Member', description: 'x' },
  'trigger.memberCountReached': { milestones: [] },
  'trigger.schedule': { cron: '0 9 * * MON', interval: '1h' },
  'trigger.webhook': { secret: 'x' },
  'trigger.stripeEvent': { events: ['Not An Event'] },
  'trigger.manual': { payload: {} },
  'discord.sendMessage': { channelId: '1', userId: '2', content: 'hi' },
  'discord.editMessage': { channelId: '1', messageId: '2' },
  'discord.deleteMessage': { channelId: '1' },
  'discord.readMessages': { channelId: '1', limit: 101 },
  'discord.reply': { ephemeral: true },
  'discord.addRole': { userId: '1' },
  'discord.removeRole': { roleId: '1' },
  'discord.timeoutMember': { userId: '1', duration: '29d' },
  'discord.kickMember': { userId: '#general' },
  'discord.banMember': { userId: '1', deleteMessageSeconds: 700000 },
  'discord.createChannel': { name: 'ticket', channelType: 'privateThread' },
  'discord.archiveChannel': { categoryId: '1' },
  'discord.addReaction': { channelId: '1', messageId: '2' },
  'flow.if': { condition: '' },
  'flow.switch': { value: 'x', cases: [{ id: 'default', equals: 'x' }] },
  'flow.delay': {},
  'flow.waitFor': { event: 'click', messageId: '1', timeout: '1h' },
  'flow.collect': { messageId: '1', customId: 'a', emoji: '🎉', duration: '1d' },
  'flow.pickRandom': { items: 'not a list', count: 1 },
  'flow.forEach': { items: '{{ nodes.list.items }}', max: 1001 },
  'flow.join': { wait: 'all' },
  'flow.setVariables': { values: { 'not valid': 1 } },
  'flow.runGraph': { input: {} },
  'flow.stop': { reason: 1 },
  'data.get': { key: 'warnings', scope: 'member' },
  'data.set': { key: 'has spaces', scope: 'guild', value: 1 },
  'data.increment': { key: 'count', scope: 'team' },
  'data.stats': { period: '1 month' },
  'data.top': { key: 'points', count: 26, order: 'up' },
  'http.request': { url: 'ftp://example.com' },
  'stripe.getCustomer': { credential: 'shop', customerId: 'sub_123' },
  'stripe.createCustomer': { credential: 'shop', name: 'No email' },
  'stripe.getSubscription': { credential: 'shop' },
  'stripe.cancelSubscription': { credential: 'shop', subscriptionId: 'sub_1', atPeriodEnd: 'yes' },
  'stripe.createPromotionCode': { credential: 'shop', couponId: 'has spaces' },
  'stripe.deactivatePromotionCode': { credential: 'shop', promotionCodeId: 'cus_1' },
  'stripe.createCheckoutSession': {
    credential: 'shop',
    priceId: 'price_1',
    successUrl: 'https://a.example',
    cancelUrl: 'https://b.example',
    customerId: 'cus_1',
    customerEmail: 'a@b.c',
  },
};

const ajv = new Ajv({ allErrors: true });
const strictAjv = new Ajv({ allErrors: true, strict: true });

function accepts(
  declaration: NodeDeclaration,
  config: Record<string, unknown>,
): { ok: boolean; problems: unknown[] } {
  const validate = ajv.compile(declaration.config);
  if (!validate(config)) return { ok: false, problems: validate.errors ?? [] };
  const issues = checkConfig(declaration, config);
  return { ok: issues.length === 0, problems: issues };
}

function propertiesAt(schema: unknown, path: string): boolean {
  let current = toJsonSchema(schema) as { properties?: Record<string, unknown> };
  for (const key of path.split('.')) {
    const next = current.properties?.[key];
    if (next === undefined) return false;
    current = next as typeof current;
  }
  return true;
}

describe('the catalog', () => {
  it('declares exactly the public node types, each with the right kind', () => {
    const expected = [
      ...PUBLIC_TYPES.trigger,
      ...PUBLIC_TYPES.action,
      ...PUBLIC_TYPES.control,
    ].sort();
    expect([...catalog.keys()].sort()).toEqual(expected);
    expect(NODE_DECLARATIONS.length).toBe(catalog.size); // no duplicate type ids
    for (const [kind, types] of Object.entries(PUBLIC_TYPES)) {
      for (const type of types) expect(getNodeType(type)?.kind, type).toBe(kind);
    }
  });

  it('keeps the config and output names of the public contract', () => {
    for (const [type, names] of Object.entries(PUBLIC_FIELDS)) {
      const declaration = getNodeType(type)!;
      for (const field of names.config)
        expect(propertiesAt(declaration.config, field), `${type} config ${field}`).toBe(true);
      for (const field of names.output)
        expect(propertiesAt(declaration.output, field), `${type} output ${field}`).toBe(true);
    }
  });

  it('lists node types in palette group order and groups them by prefix', () => {
    const groups = listNodeTypes().map((d) => NODE_GROUPS.indexOf(d.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    const prefixGroup: Record<string, string> = {
      trigger: 'Triggers',
      discord: 'Discord',
      flow: 'Flow',
      data: 'Data',
      http: 'HTTP',
      stripe: 'Stripe',
    };
    for (const d of listNodeTypes())
      expect(d.group, d.type).toBe(prefixGroup[d.type.split('.')[0]!]);
  });

  it.each(listNodeTypes().map((d) => [d.type, d] as const))(
    '%s: schemas compile (also in strict mode) and its examples validate',
    (_type, declaration) => {
      expect(() => strictAjv.compile(declaration.config)).not.toThrow();
      expect(() => strictAjv.compile(declaration.output)).not.toThrow();
      expect(toJsonSchema(declaration.config).additionalProperties).toBe(false);
      expect(declaration.examples?.length ?? 0).toBeGreaterThan(0);
      for (const example of declaration.examples ?? []) {
        expect(accepts(declaration, example.config), example.title).toEqual({
          ok: true,
          problems: [],
        });
      }
    },
  );

  it.each(listNodeTypes().map((d) => [d.type, d] as const))(
    '%s: refuses a broken config',
    (type, declaration) => {
      const broken = BROKEN[type];
      expect(broken, `add a broken config for ${type}`).toBeDefined();
      expect(accepts(declaration, broken!).ok).toBe(false);
    },
  );

  it('has consistent declarations: ui fields, literal paths, ports, policies', () => {
    for (const d of listNodeTypes()) {
      const properties = Object.keys((toJsonSchema(d.config).properties ?? {}) as object);
      for (const field of Object.keys(d.ui.fields))
        expect(properties, `${d.type} ui field ${field}`).toContain(field);
      for (const path of [...d.literal, ...d.conditions])
        expect(properties, `${d.type} path ${path}`).toContain(path.split('.')[0]);
      expect(d.ui.icon.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.ports.inputs).toBe(
        d.kind === 'trigger' ? 'none' : d.type === 'flow.join' ? 'many' : 'one',
      );
      expect(d.ports.error).toBe(d.kind === 'action');
      expect(d.policy === undefined).toBe(d.kind !== 'action');
      expect(d.scope).toEqual(
        d.kind === 'trigger' ? ['vars'] : ['trigger', 'nodes', 'vars', 'item', 'run', 'now'],
      );
      const ids = portsOf({ type: d.type, config: d.examples?.[0]?.config ?? {} }).map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives actions a Temporal policy with defaults, overrides and non-retryable error types', () => {
    const send = getNodeType('discord.sendMessage')!.policy!;
    expect(send).toEqual({
      startToCloseTimeout: '30s',
      retry: {
        maximumAttempts: 5,
        initialInterval: '1s',
        backoffCoefficient: 2,
        maximumInterval: '1m',
        nonRetryableErrorTypes: expect.arrayContaining([
          ERROR_TYPES.missingPermissions,
          ERROR_TYPES.unknownResource,
        ]),
      },
    });
    const http = getNodeType('http.request')!.policy!;
    expect(http.startToCloseTimeout).toBe('45s');
    expect(http.retry.maximumAttempts).toBe(3);
    expect(http.retry.backoffCoefficient).toBe(2);
    expect(getNodeType('data.get')!.policy!.startToCloseTimeout).toBe('10s');
  });
});

describe('ports', () => {
  it('resolves fixed ports and the automatic error port', () => {
    expect(portsOf({ type: 'trigger.memberJoined', config: {} }).map((p) => p.id)).toEqual(['out']);
    expect(portsOf({ type: 'discord.addRole', config: {} }).map((p) => p.id)).toEqual([
      'out',
      'error',
    ]);
    expect(portsOf({ type: 'flow.if', config: { condition: 'true' } }).map((p) => p.id)).toEqual([
      'true',
      'false',
    ]);
    expect(portsOf({ type: 'flow.waitFor', config: {} }).map((p) => p.id)).toEqual([
      'received',
      'timeout',
    ]);
    expect(portsOf({ type: 'flow.forEach', config: {} }).map((p) => p.id)).toEqual([
      'item',
      'done',
    ]);
    expect(portsOf({ type: 'flow.stop', config: {} })).toEqual([]);
    expect(portsOf({ type: 'nope.nothing', config: {} })).toEqual([]);
  });

  it('derives flow.switch ports from its cases, tolerating broken configs', () => {
    const config = {
      value: '{{ trigger.options.plan }}',
      cases: [
        { id: 'pro', equals: 'pro' },
        { id: 'free', equals: 'free' },
        { id: 'pro', equals: 'x' },
      ],
    };
    expect(portsOf({ type: 'flow.switch', config }).map((p) => p.id)).toEqual([
      'pro',
      'free',
      'default',
    ]);
    expect(portsOf({ type: 'flow.switch', config: {} }).map((p) => p.id)).toEqual(['default']);
    expect(portsOf({ type: 'flow.switch', config: { cases: 'oops' } }).map((p) => p.id)).toEqual([
      'default',
    ]);
    expect(
      portsOf({ type: 'flow.switch', config: { cases: [null, { id: 3 }, { id: 'vip' }] } }).map(
        (p) => p.id,
      ),
    ).toEqual(['vip', 'default']);
    expect(accepts(getNodeType('flow.switch')!, config).problems).toEqual([
      { path: '/cases/2/id', message: 'Case "pro" is declared twice.' },
    ]);
  });

  it('knows inputs and triggers', () => {
    expect(inputsOf('trigger.schedule')).toBe('none');
    expect(inputsOf('flow.join')).toBe('many');
    expect(inputsOf('discord.reply')).toBe('one');
    expect(inputsOf('unknown.type')).toBeUndefined();
    expect(isTrigger('trigger.webhook')).toBe(true);
    expect(isTrigger('flow.if')).toBe(false);
  });
});

describe('config schemas', () => {
  const send = getNodeType('discord.sendMessage')!;
  const button = (i: number, extra: Record<string, unknown> = {}) => ({
    label: `B${i}`,
    customId: `b${i}`,
    ...extra,
  });

  it('enforces Discord message limits and sendMessage cross-field rules', () => {
    expect(accepts(send, { channelId: '1', content: 'x'.repeat(2000) }).ok).toBe(true);
    expect(accepts(send, { channelId: '1', content: 'x'.repeat(2001) }).ok).toBe(false);
    expect(accepts(send, { content: 'no target' }).ok).toBe(false);
    expect(accepts(send, { channelId: '1' }).ok).toBe(false);
    expect(accepts(send, { userId: '{{ trigger.member.id }}', embeds: [{ title: 'Hi' }] }).ok).toBe(
      true,
    );
    expect(
      accepts(send, { channelId: '1', embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })
        .ok,
    ).toBe(false);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: Array.from({ length: 25 }, (_, i) => button(i)),
      }).ok,
    ).toBe(true);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: Array.from({ length: 26 }, (_, i) => button(i)),
      }).ok,
    ).toBe(false);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [{ label: 'x'.repeat(81), customId: 'a' }],
      }).ok,
    ).toBe(false);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [{ label: 'a', customId: 'x'.repeat(101) }],
      }).ok,
    ).toBe(false);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [{ label: 'a', customId: 'a', row: 5 }],
      }).ok,
    ).toBe(false);
  });

  it('checks buttons: rows of five, link buttons, unique custom ids', () => {
    const six = Array.from({ length: 6 }, (_, i) => button(i, { row: 0 }));
    expect(accepts(send, { channelId: '1', content: 'x', buttons: six }).problems).toEqual([
      { path: '/buttons/5/row', message: 'Row 0 has more than 5 buttons.' },
    ]);
    expect(
      accepts(send, { channelId: '1', content: 'x', buttons: [{ label: 'Site', style: 'link' }] })
        .problems,
    ).toEqual([{ path: '/buttons/0/url', message: 'A link button needs a URL.' }]);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [{ label: 'Site', style: 'link', url: 'https://example.com' }],
      }).ok,
    ).toBe(true);
    expect(accepts(send, { channelId: '1', content: 'x', buttons: [{ label: 'A' }] }).ok).toBe(
      false,
    );
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [button(1), { label: 'again', customId: 'b1' }],
      }).ok,
    ).toBe(false);
    expect(
      accepts(send, {
        channelId: '1',
        content: 'x',
        buttons: [
          { label: 'a', customId: 'x:{{ run.id }}' },
          { label: 'b', customId: 'x:{{ run.id }}' },
        ],
      }).ok,
    ).toBe(true);
  });

  it('caps timeouts at 28 days when the duration is literal', () => {
    const timeout = getNodeType('discord.timeoutMember')!;
    expect(accepts(timeout, { userId: '1', duration: '28d' }).ok).toBe(true);
    expect(accepts(timeout, { userId: '1', duration: '4w' }).ok).toBe(true);
    expect(accepts(timeout, { userId: '1', duration: 'P29D' }).problems).toEqual([
      { path: '/duration', message: 'A timeout lasts at most 28 days.' },
    ]);
    expect(accepts(timeout, { userId: '1', duration: '{{ vars.timeout }}' }).ok).toBe(true);
    expect(accepts(timeout, { userId: '1', duration: 'soon' }).ok).toBe(false);
  });

  it('reports literal durations parseDuration refuses', () => {
    const delay = getNodeType('flow.delay')!;
    expect(accepts(delay, { duration: '1h30m' }).ok).toBe(true);
    expect(accepts(delay, { duration: 'PT2H' }).ok).toBe(true);
    const monthly = accepts(delay, { duration: '1 month' });
    expect(monthly.ok).toBe(false);
    expect(monthly.problems).toEqual([
      { path: '/duration', message: expect.stringContaining('months and years') },
    ]);
    expect(accepts(delay, { duration: '1d', until: '2030-01-01' }).ok).toBe(false);
    expect(accepts(delay, { until: '2030-01-01T10:00:00Z' }).ok).toBe(true);
  });

  it('accepts expressions where the resolved type is a number, list or boolean', () => {
    const forEach = getNodeType('flow.forEach')!;
    expect(accepts(forEach, { items: [1, 2], max: 10 }).ok).toBe(true);
    expect(accepts(forEach, { items: '{{ nodes.list.items }}', max: '{{ vars.max }}' }).ok).toBe(
      true,
    );
    expect(accepts(forEach, { items: '{{ nodes.list.items }}', max: 'ten' }).ok).toBe(false);
    expect(accepts(forEach, { items: [1], max: 0 }).ok).toBe(false);
    expect(
      accepts(getNodeType('flow.pickRandom')!, { items: '{{ nodes.entries.users }}' }).ok,
    ).toBe(true);
    expect(
      accepts(getNodeType('discord.addRole')!, { userId: '{{ trigger.member.id }}', roleId: '123' })
        .ok,
    ).toBe(true);
    expect(accepts(getNodeType('discord.addRole')!, { userId: '<@123>', roleId: '123' }).ok).toBe(
      false,
    );
  });

  it('validates schedules: exactly one of cron, interval, at; time zones; minimum interval', () => {
    const schedule = getNodeType('trigger.schedule')!;
    expect(accepts(schedule, { cron: '*/15 9-17 * * 1-5', timezone: 'America/New_York' }).ok).toBe(
      true,
    );
    expect(accepts(schedule, { cron: '@daily' }).ok).toBe(true);
    expect(accepts(schedule, {}).ok).toBe(false);
    expect(accepts(schedule, { cron: '0 9 * *' }).ok).toBe(false);
    expect(accepts(schedule, { cron: '0 9 * * *', timezone: 'Mars/Olympus' }).ok).toBe(false);
    expect(accepts(schedule, { interval: '30s' }).ok).toBe(false);
    expect(accepts(schedule, { interval: '1h', timezone: 'UTC' }).ok).toBe(false);
  });

  it('parses cron fully (croner) the way Temporal Schedules read it', () => {
    const schedule = getNodeType('trigger.schedule')!;
    const cronIssue = (cron: string) => {
      const { ok, problems } = accepts(schedule, { cron });
      return ok ? undefined : (problems[0] as { path: string; message: string });
    };
    for (const good of [
      '0 9 * * MON',
      '@weekly',
      '*/15 9-17 * * 1-5',
      '0 18 24 DEC *',
      '0 0 * JUL WED',
    ])
      expect(cronIssue(good), good).toBeUndefined();
    // Well-shaped (the schema's pattern lets them through) but not a schedule.
    expect(cronIssue('61 * * * *')).toEqual({
      path: '/cron',
      message: expect.stringContaining('Invalid value for minute: 61'),
    });
    expect(cronIssue('0 9-5 * * *')?.message).toMatch(/^Not a valid cron expression/);
    expect(cronIssue('0 9 * * FUNDAY')?.message).toMatch(/^Not a valid cron expression/);
    expect(cronIssue('0 0 30 2 *')?.message).toMatch(/never matches a date/);
    // Extensions Temporal lacks (`#` would even start a comment there).
    for (const extension of ['0 0 L * *', '0 0 1W * *', '0 9 * * 1#2', '0 0 ? * MON'])
      expect(cronIssue(extension)?.message, extension).toMatch(
        /do not support the cron extensions/,
      );
    // A template is only known once vars are filled in: not parsed here.
    expect(accepts(schedule, { cron: '{{ vars.cron }}' }).ok).toBe(true);
    expect(cronProblem('0 9 * * MON')).toBeUndefined();
  });

  it('requires memberId for member-scoped data', () => {
    const increment = getNodeType('data.increment')!;
    expect(
      accepts(increment, { key: 'warnings', scope: 'member', memberId: '{{ trigger.member.id }}' })
        .ok,
    ).toBe(true);
    expect(accepts(increment, { key: 'warnings', scope: 'member' }).ok).toBe(false);
    expect(
      accepts(increment, { key: 'warnings:{{ trigger.member.id }}', scope: 'guild', by: -1 }).ok,
    ).toBe(true);
    expect(accepts(increment, { key: 'warnings', scope: 'guild', memberId: '1' }).ok).toBe(false);
  });

  it('checks slash command options and createChannel kinds', () => {
    const slash = getNodeType('trigger.slashCommand')!;
    const option = (name: string, required: boolean) => ({
      name,
      type: 'string',
      description: name,
      required,
    });
    expect(
      accepts(slash, {
        name: 'warn',
        description: 'Warn',
        options: [option('a', true), option('b', false)],
      }).ok,
    ).toBe(true);
    expect(
      accepts(slash, {
        name: 'warn',
        description: 'Warn',
        options: [option('a', false), option('b', true)],
      }).ok,
    ).toBe(false);
    expect(
      accepts(slash, {
        name: 'warn',
        description: 'Warn',
        options: [option('a', true), option('a', true)],
      }).ok,
    ).toBe(false);
    const create = getNodeType('discord.createChannel')!;
    expect(
      accepts(create, {
        name: 't',
        permissionOverwrites: [{ type: 'role', allow: ['ViewChannel'] }],
      }).ok,
    ).toBe(false);
    expect(
      accepts(create, { name: 't', permissionOverwrites: [{ type: 'everyone', allow: ['Fly'] }] })
        .ok,
    ).toBe(false);
    expect(accepts(create, { name: 't', members: ['1'] }).ok).toBe(false);
  });

  it('refuses HTTP bodies on GET and timeouts above 30s', () => {
    const http = getNodeType('http.request')!;
    expect(
      accepts(http, {
        url: 'https://api.example.com/{{ vars.path }}',
        method: 'POST',
        body: { a: 1 },
      }).ok,
    ).toBe(true);
    expect(accepts(http, { url: 'https://api.example.com', body: { a: 1 } }).ok).toBe(false);
    expect(accepts(http, { url: 'https://api.example.com', timeout: '1m' }).ok).toBe(false);
    expect(accepts(http, { url: '{{ vars.endpoint }}' }).ok).toBe(true);
    expect(accepts(http, { url: 'https://a.example', credential: 'api-token' }).ok).toBe(true);
    expect(accepts(http, { url: 'https://a.example', credential: '{{ vars.token }}' }).ok).toBe(
      false,
    );
  });

  it('resolvedConfigSchema drops the template branches (for rendered configs)', () => {
    const validate = ajv.compile(resolvedConfigSchema(getNodeType('flow.pickRandom')!));
    expect(validate({ items: [1, 2, 3], count: 2 })).toBe(true);
    expect(validate({ items: '{{ nodes.entries.users }}', count: 2 })).toBe(false);
    expect(validate({ items: [1], count: '{{ vars.n }}' })).toBe(false);
  });
});

describe('literal and expression fields', () => {
  it('marks literal paths with wildcards and bare conditions', () => {
    const slash = getNodeType('trigger.slashCommand')!;
    expect(literalPaths(slash)).toEqual(['name', 'description', 'options']);
    expect(isLiteralField(slash, ['options', '0', 'name'])).toBe(true);
    const sw = getNodeType('flow.switch')!;
    expect(isLiteralField(sw, ['cases', '3', 'id'])).toBe(true);
    expect(isLiteralField(sw, ['cases', 3, 'equals'])).toBe(false);
    expect(isLiteralField(sw, ['value'])).toBe(false);
    expect(fieldMode(getNodeType('flow.if')!, ['condition'])).toBe('condition');
    expect(fieldMode(getNodeType('discord.sendMessage')!, ['embeds', '0', 'title'])).toBe(
      'template',
    );
    expect(fieldMode(getNodeType('trigger.manual')!, ['samplePayload', 'member'])).toBe('literal');
  });
});

describe('catalogJson', () => {
  it('is plain JSON with compilable schemas, ports, ui and policies', () => {
    const json = catalogJson();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.groups).toEqual([...NODE_GROUPS]);
    expect(json.nodes.map((n) => n.type)).toEqual(listNodeTypes().map((d) => d.type));
    for (const node of json.nodes) {
      expect(Object.getOwnPropertySymbols(node.configSchema)).toEqual([]);
      expect(() => ajv.compile(node.configSchema)).not.toThrow();
      expect(() => ajv.compile(node.outputSchema)).not.toThrow();
      expect(node.policy === undefined).toBe(node.kind !== 'action');
    }
    const sw = json.nodes.find((n) => n.type === 'flow.switch')!;
    expect(sw.ports).toEqual({
      inputs: 'one',
      outputs: [{ id: 'default', label: 'Default', description: 'No case matched.' }],
      dynamic: expect.any(String),
      error: false,
    });
    expect(sw.literal).toEqual(['cases.*.id']);
    const send = json.nodes.find((n) => n.type === 'discord.sendMessage')!;
    expect(send.ports.outputs.map((p) => p.id)).toEqual(['out', 'error']);
    expect(send.ui.fields.channelId).toEqual({ widget: 'channel' });
    // A fresh copy every call: callers may mutate it.
    send.title = 'changed';
    expect(catalogJson().nodes.find((n) => n.type === 'discord.sendMessage')!.title).toBe(
      'Send message',
    );
  });
});

describe('executor typing', () => {
  it('derives config and output types from declarations', () => {
    type Send = NodeTypeMap['discord.sendMessage'];
    expectTypeOf<ConfigOf<Send>['channelId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<OutputOf<Send>>().toEqualTypeOf<{ messageId: string; channelId: string }>();
    expectTypeOf<ConfigOf<NodeTypeMap['flow.forEach']>['max']>().toEqualTypeOf<
      number | undefined
    >();
    const executor: ActionExecutor<NodeTypeMap['discord.timeoutMember']> = async ({
      config,
      context,
    }) => {
      expectTypeOf(config.duration).toEqualTypeOf<string>();
      expectTypeOf(context.idempotencyKey).toEqualTypeOf<string>();
      return { until: new Date(0).toISOString() };
    };
    expect(typeof executor).toBe('function');
  });
});
