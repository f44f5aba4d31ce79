import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestService,
  type ApiAnswer,
  type TestService,
} from '../../testing/service-harness.js';
import { createSession } from '../auth/sessions.js';
import { secretBox } from '../storage/index.js';
import { MAX_GUILD_CREDENTIALS } from './schemas.js';

const GUILD = '510000000000000001';
const OTHER = '510000000000000002';
const CAPPED = '510000000000000003';
const base = (guild = GUILD) => `/api/guilds/${guild}/credentials`;

// Recognisable values: the scans below look for each of them everywhere the service writes.
const SECRETS = {
  token: 'SEKRET-bearer-4f1c9a',
  username: 'SEKRET-user-77b2',
  password: 'SEKRET-pass-e05d',
  header: 'SEKRET-header-value-91aa',
  secretKey: 'sk_test_SEKRETstripe3c8e',
  webhookSecret: 'whsec_SEKRETsigning6d2f',
  refused: 'SEKRET-refused-0b7e',
};
const CREDENTIALS = [
  { name: 'crm', type: 'bearer', value: SECRETS.token },
  {
    name: 'legacy-api',
    type: 'basic',
    value: { username: SECRETS.username, password: SECRETS.password },
  },
  { name: 'sheets_key', type: 'header', value: { header: 'X-Api-Key', value: SECRETS.header } },
  {
    name: 'Stripe',
    type: 'stripe',
    value: { secretKey: SECRETS.secretKey, webhookSecret: SECRETS.webhookSecret },
  },
];

let service: TestService;
let outsider: string;
const answers: ApiAnswer[] = [];
const logged: string[] = [];
const writeStderr = process.stderr.write.bind(process.stderr);

async function api(method: string, path: string, body?: unknown, token?: string) {
  const answer = await service.api(method, path, {
    ...(body === undefined ? {} : { body }),
    ...(token === undefined ? {} : { token }),
  });
  answers.push(answer);
  return answer;
}

beforeAll(async () => {
  // Capture the service's log lines (it runs in this process) to scan them for values.
  process.env.GUILDFLOW_LOG = 'info';
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    logged.push(String(chunk));
    return writeStderr(chunk, ...rest);
  }) as typeof process.stderr.write;
  service = await startTestService();
  ({ token: outsider } = await createSession(service.store, {
    user: { id: '77', username: 'mallory' },
    guildIds: [OTHER],
  }));
});
afterAll(async () => {
  process.stderr.write = writeStderr;
  process.env.GUILDFLOW_LOG = 'silent';
  await service.close();
});

describe('credential routes', () => {
  it('store each type and answer 201 with name, type and createdAt only; the list shows no value', async () => {
    for (const credential of CREDENTIALS) {
      const created = await api('POST', base(), credential);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'name', 'type']);
      expect(created.body).toMatchObject({ name: credential.name, type: credential.type });
    }
    const list = await api('GET', base());
    expect(list.status).toBe(200);
    expect(list.body.credentials.map((c: { name: string }) => c.name)).toEqual(
      ['crm', 'legacy-api', 'sheets_key', 'Stripe'].sort(),
    );
    for (const entry of list.body.credentials) {
      const stripe = entry.type === 'stripe';
      expect(Object.keys(entry).sort()).toEqual(
        ['createdAt', 'lastUsedAt', 'name', 'type', ...(stripe ? ['webhookUrl'] : [])].sort(),
      );
      expect(entry.lastUsedAt).toBeNull();
      // A Stripe account's credential says which endpoint to add in that account.
      if (stripe)
        expect(entry.webhookUrl).toBe(`${service.url}/stripe/webhook/guilds/${GUILD}/Stripe`);
    }
    // Another guild sees none of them.
    expect((await api('GET', base(OTHER), undefined, outsider)).body).toEqual({ credentials: [] });
  });

  it('refuse a taken name with 409 saying to delete it first, and keep the stored value', async () => {
    const again = await api('POST', base(), {
      name: 'crm',
      type: 'bearer',
      value: SECRETS.refused,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(again.body.error.message).toContain(`DELETE ${base()}/crm`);
    const stored = await service.store.credentials.findById(`${GUILD}:crm`).lean();
    expect(secretBox('test-secret-key').open(stored?.valueCipher ?? '')).toContain(SECRETS.token);
  });

  it('refuse bad input with 400 naming the field, never echoing the value, and store nothing', async () => {
    const refused: [unknown, RegExp][] = [
      [{ name: '9lives', type: 'bearer', value: SECRETS.refused }, /name must start with a letter/],
      [{ name: 'a'.repeat(65), type: 'bearer', value: SECRETS.refused }, /at most 64/],
      [{ name: 'x', type: 'oauth', value: SECRETS.refused }, /type must be one of/],
      [{ name: 'x', type: 'bearer', value: { token: SECRETS.refused } }, /value must be string/],
      [{ name: 'x', type: 'bearer', value: `${SECRETS.refused}\r\nX-Evil: 1` }, /line breaks/],
      [
        { name: 'x', type: 'basic', value: { username: `${SECRETS.refused}:a`, password: 'p' } },
        /username must not contain `:`/,
      ],
      [
        { name: 'x', type: 'header', value: { header: `${SECRETS.refused} bad`, value: 'v' } },
        /header must be an HTTP header name/,
      ],
      [
        {
          name: 'x',
          type: 'stripe',
          value: { secretKey: SECRETS.refused, webhookSecret: 'whsec_a' },
        },
        /secretKey must be a Stripe secret or restricted key/,
      ],
      [{ name: 'x', type: 'bearer', value: SECRETS.refused, extra: 1 }, /unknown field "extra"/],
    ];
    for (const [body, message] of refused) {
      const answer = await api('POST', base(), body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
      expect(answer.body.error.message).toMatch(message);
    }
    expect(await service.store.credentials.countDocuments({ guildId: GUILD })).toBe(4);
  });

  it('delete by name (204), then 404 for it; audit both writes', async () => {
    await api('POST', base(), { name: 'temp', type: 'bearer', value: SECRETS.token });
    expect((await api('DELETE', `${base()}/temp`)).status).toBe(204);
    const gone = await api('DELETE', `${base()}/temp`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain('no credential named "temp"');
    const audit = await service.store.audit
      .find({ guildId: GUILD, action: /^credential\./ })
      .sort({ at: 1 })
      .lean();
    expect(audit.map((a) => [a.action, a.note])).toEqual([
      ...CREDENTIALS.map((c) => ['credential.create', `${c.type} credential "${c.name}"`]),
      ['credential.create', 'bearer credential "temp"'],
      ['credential.delete', 'bearer credential "temp"'],
    ]);
    expect(audit.every((a) => a.actor.id === 'admin')).toBe(true);
  });

  it('answer 404 for a guild the caller may not manage, and change nothing there', async () => {
    const list = await api('GET', base(), undefined, outsider);
    const create = await api('POST', base(), { name: 'x', type: 'bearer', value: 'v' }, outsider);
    const remove = await api('DELETE', `${base()}/crm`, undefined, outsider);
    for (const answer of [list, create, remove]) expect(answer.status).toBe(404);
    expect(await service.store.credentials.countDocuments({ guildId: GUILD })).toBe(4);
  });

  it(`hold at most ${MAX_GUILD_CREDENTIALS} per guild`, async () => {
    for (let i = 0; i < MAX_GUILD_CREDENTIALS; i += 1)
      expect(
        (await api('POST', base(CAPPED), { name: `k${i}`, type: 'bearer', value: 'v' })).status,
      ).toBe(201);
    const over = await api('POST', base(CAPPED), { name: 'one_more', type: 'bearer', value: 'v' });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'limit_reached' });
    expect(over.body.error.message).toMatch(/delete one/);
  });
});

describe('credential values', () => {
  it('appear in no answer, no audit entry, no log line, and only sealed in the store', async () => {
    const raw = await service.store.connection
      .db!.collection('credentials')
      .find({ guildId: GUILD })
      .toArray();
    const audit = await service.store.connection.db!.collection('audit_log').find({}).toArray();
    const places = {
      answers: JSON.stringify(answers.map((a) => a.body)),
      audit: JSON.stringify(audit),
      logs: logged.join(''),
      store: JSON.stringify(raw),
    };
    expect(answers.length).toBeGreaterThan(60);
    expect(raw).toHaveLength(4);
    for (const [where, text] of Object.entries(places))
      for (const value of Object.values(SECRETS))
        expect(text, `${value} in ${where}`).not.toContain(value);
    // Sealed, not dropped: the service's key opens each one to its value.
    const box = secretBox('test-secret-key');
    const opened = raw.map((doc) => box.open(String(doc.valueCipher))).join(' ');
    for (const value of Object.values(SECRETS).filter((v) => v !== SECRETS.refused))
      expect(opened).toContain(value);
  });
});
