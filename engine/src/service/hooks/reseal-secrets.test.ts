import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingActivities } from '../../testing/interpreter-harness.js';
import { sentMessage, webhookGraph } from '../../testing/service-fixtures.js';
import {
  startTestService,
  startTestWorker,
  type TestService,
  type TestWorker,
} from '../../testing/service-harness.js';
import { deliver, type TestHook } from '../../testing/webhook-delivery.js';
import { secretBox } from '../storage/index.js';
import { resealWebhookSecrets } from './reseal-secrets.js';

const ADMIN_TOKEN = 'test-admin-token'; // the harness's admin token
const NEW_KEY = 'a-generated-secret-key';
const GUILD = '500000000000000077';

let worker: TestWorker;
let legacy: TestService;
const services: TestService[] = [];

/** Another service on the same database and Temporal, with these keys. */
async function serviceWith(keys: { secretKey: string; legacySecretKeys?: string[] }) {
  const service = await startTestService({
    taskQueue: worker.taskQueue,
    mongo: legacy.deps.mongo,
    temporal: legacy.deps.temporal,
    ...keys,
  });
  services.push(service);
  return service;
}

beforeAll(async () => {
  worker = await startTestWorker(
    recordingActivities({ 'discord.sendMessage': sentMessage }).activities,
  );
  // An install from before the secret key was generated: webhook secrets sealed with the admin token.
  legacy = await startTestService({ taskQueue: worker.taskQueue, secretKey: ADMIN_TOKEN });
});
afterAll(async () => {
  for (const service of services) await service.close();
  await legacy.close();
  await worker.stop();
});

describe('webhook secrets sealed with the admin token (installs from before GUILDFLOW_SECRET_KEY)', () => {
  it('still take deliveries under the new key, are sealed again with the new key (as the service does at start), and then no longer open with the admin token', async () => {
    const graphs = `/api/guilds/${GUILD}/graphs`;
    const created = await legacy.api('POST', graphs, { body: webhookGraph() });
    expect(created.status).toBe(201);
    expect((await legacy.api('POST', `${graphs}/${created.body.id}/publish`)).status).toBe(200);
    const path = new URL(created.body.webhook.url as string).pathname;
    const hook: TestHook = {
      graphId: created.body.id as string,
      hookId: path.split('/').pop() as string,
      path,
      secret: created.body.webhook.secret as string,
    };

    // The upgraded service: its own key, the admin token only as a legacy key.
    const upgraded = await serviceWith({ secretKey: NEW_KEY, legacySecretKeys: [ADMIN_TOKEN] });
    expect((await deliver(upgraded, hook)).status).toBe(202);

    const box = secretBox(NEW_KEY, [ADMIN_TOKEN]);
    expect(await resealWebhookSecrets(upgraded.store, box)).toEqual({
      resealed: 1,
      unreadable: [],
    });
    expect(await resealWebhookSecrets(upgraded.store, box)).toEqual({
      resealed: 0,
      unreadable: [],
    });

    const stored = await upgraded.store.webhooks.findById(hook.hookId).lean();
    expect(secretBox(NEW_KEY).open(stored?.secretCipher ?? '')).toBe(hook.secret);
    expect(() => secretBox(ADMIN_TOKEN).open(stored?.secretCipher ?? '')).toThrow();

    // After the re-seal the new key alone is enough; the admin token alone opens nothing.
    const keyOnly = await serviceWith({ secretKey: NEW_KEY });
    expect((await deliver(keyOnly, hook)).status).toBe(202);
    expect((await deliver(legacy, hook)).status).toBe(401);
  });

  it('lists hooks no key opens instead of touching them', async () => {
    const other = await serviceWith({ secretKey: 'some-other-key' });
    const created = await other.api('POST', `/api/guilds/${GUILD}/graphs`, {
      body: webhookGraph(),
    });
    const hookId = new URL(created.body.webhook.url as string).pathname.split('/').pop();
    const before = await other.store.webhooks.findById(hookId).lean();
    const report = await resealWebhookSecrets(other.store, secretBox(NEW_KEY, [ADMIN_TOKEN]));
    expect(report.unreadable).toContain(hookId);
    expect((await other.store.webhooks.findById(hookId).lean())?.secretCipher).toBe(
      before?.secretCipher,
    );
  });
});

describe('secretBox legacy keys', () => {
  it('opens what a legacy key sealed (saying so), but seals with the current key only', () => {
    const old = secretBox(ADMIN_TOKEN).seal('whsec_old');
    const box = secretBox(NEW_KEY, [ADMIN_TOKEN]);
    expect(box.unseal(old)).toEqual({ plain: 'whsec_old', legacy: true });
    const fresh = box.seal('whsec_new');
    expect(box.unseal(fresh)).toEqual({ plain: 'whsec_new', legacy: false });
    expect(() => secretBox(ADMIN_TOKEN).open(fresh)).toThrow();
    expect(() => secretBox(NEW_KEY).open(old)).toThrow();
  });
});
