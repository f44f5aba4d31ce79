import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TYPES } from '../../core/index.js';
import { testStack } from '@guildflow/stack/testing';
import { startTestService, type TestService } from '../../testing/service-harness.js';
import { createStoreActivities } from '../activities/store-activities.js';
import { credentialSource } from './credential-source.js';

const GUILD = '520000000000000001';
const OTHER = '520000000000000002';
const TOKEN = 'SEKRET-resolve-token-19ce';
const T0 = Date.parse('2026-03-01T12:00:00Z');

let service: TestService;
let clock = T0;
const now = () => clock;

async function add(guild: string, body: unknown) {
  const answer = await service.api('POST', `/api/guilds/${guild}/credentials`, { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}
const lastUsed = async (name: string, guild = GUILD) =>
  (await service.api('GET', `/api/guilds/${guild}/credentials`)).body.credentials.find(
    (c: { name: string }) => c.name === name,
  )?.lastUsedAt as string | null;

beforeAll(async () => {
  service = await startTestService();
  await add(GUILD, { name: 'crm', type: 'bearer', value: TOKEN });
  await add(GUILD, { name: 'legacy', type: 'basic', value: { username: 'u', password: 'p w' } });
  await add(GUILD, { name: 'sheets', type: 'header', value: { header: 'X-Api-Key', value: 'k1' } });
  await add(GUILD, {
    name: 'stripe',
    type: 'stripe',
    value: { secretKey: 'sk_test_abc', webhookSecret: 'whsec_def' },
  });
  await add(OTHER, { name: 'theirs', type: 'bearer', value: 'other-token' });
});
afterAll(() => service.close());

describe('credentialSource', () => {
  it('opens each type into the shape executors apply, and knows only the guild’s own names', async () => {
    const source = credentialSource(service.deps.mongo, 'test-secret-key', { now });
    expect(await source.resolve(GUILD, 'crm')).toEqual({ type: 'bearer', token: TOKEN });
    expect(await source.resolve(GUILD, 'legacy')).toEqual({
      type: 'basic',
      username: 'u',
      password: 'p w',
    });
    expect(await source.resolve(GUILD, 'sheets')).toEqual({
      type: 'header',
      header: 'X-Api-Key',
      value: 'k1',
    });
    expect(await source.resolve(GUILD, 'stripe')).toEqual({
      type: 'stripe',
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_def',
    });
    expect(await source.resolve(GUILD, 'nope')).toBeUndefined();
    expect(await source.resolve(GUILD, 'theirs')).toBeUndefined();
    expect(await source.resolve(GUILD, 'not a name')).toBeUndefined();
  });

  it('marks a credential used at most once a minute, across sources (workers) too', async () => {
    clock = T0 + 3_600_000;
    await add(GUILD, { name: 'fresh', type: 'bearer', value: 't' });
    expect(await lastUsed('fresh')).toBeNull();
    const one = credentialSource(service.deps.mongo, 'test-secret-key', { now });
    const two = credentialSource(service.deps.mongo, 'test-secret-key', { now });
    await one.resolve(GUILD, 'fresh');
    expect(await lastUsed('fresh')).toBe(new Date(clock).toISOString());
    const first = clock;
    clock += 30_000;
    await one.resolve(GUILD, 'fresh');
    await two.resolve(GUILD, 'fresh'); // another worker: the store's condition holds it back
    expect(await lastUsed('fresh')).toBe(new Date(first).toISOString());
    clock += 31_000;
    await two.resolve(GUILD, 'fresh');
    expect(await lastUsed('fresh')).toBe(new Date(clock).toISOString());
  });

  it('fails non-retryably, naming the credential but not its value, when the key cannot open it', async () => {
    const wrongKey = credentialSource(service.deps.mongo, 'another-key', { now });
    const error = await wrongKey.resolve(GUILD, 'crm').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: ERROR_TYPES.notConfigured, nonRetryable: true });
    expect((error as Error).message).toContain('Credential "crm"');
    expect((error as Error).message).toContain('GUILDFLOW_SECRET_KEY');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('refuses a sealed value moved onto another guild’s credential', async () => {
    const source = credentialSource(service.deps.mongo, 'test-secret-key', { now });
    const mine = await service.store.credentials.findById(`${GUILD}:crm`).lean();
    await service.store.credentials.updateOne(
      { _id: `${OTHER}:theirs` },
      { $set: { valueCipher: mine?.valueCipher } },
    );
    await expect(source.resolve(OTHER, 'theirs')).rejects.toMatchObject({
      type: ERROR_TYPES.notConfigured,
    });
  });

  it('is what a worker’s store activities offer: opened with its secret key, or saying the key is missing', async () => {
    // The worker's own connection, to this file's database.
    const url = new URL(testStack().mongoUri);
    url.pathname = `/${service.deps.mongo.name}`;
    const mongoUri = url.toString();
    const withKey = createStoreActivities(mongoUri, 'test-secret-key');
    const withoutKey = createStoreActivities(mongoUri, undefined);
    try {
      expect(await withKey.credentials.resolve(GUILD, 'crm')).toEqual({
        type: 'bearer',
        token: TOKEN,
      });
      const error = await withoutKey.credentials.resolve(GUILD, 'crm').catch((e: unknown) => e);
      expect(error).toMatchObject({ type: ERROR_TYPES.notConfigured, nonRetryable: true });
      expect((error as Error).message).toContain('GUILDFLOW_SECRET_KEY is not set for the worker');
    } finally {
      await withKey.close();
      await withoutKey.close();
    }
  });
});
