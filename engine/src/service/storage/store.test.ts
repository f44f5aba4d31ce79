import { createServer, connect as tcpConnect, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { freePort } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import { eventually } from '../../testing/service-harness.js';
import { connectStore } from './connect.js';
import { withKeyLock } from './keyed-lock.js';
import { secretBox } from './secret-box.js';
import { openStore, type Store } from './store.js';
import { isDuplicateKey, isStoreUnavailable } from './store-errors.js';

let mongo: Connection;
let store: Store;
const stack = testStack();

beforeAll(async () => {
  mongo = await mongoose.createConnection(stack.mongoUri).asPromise();
  store = await openStore(mongo);
});
afterAll(() => mongo.close());

describe('store', () => {
  it('creates the indexes every query path and uniqueness rule needs', async () => {
    const keys = async (model: {
      collection: { indexes(): Promise<{ key: Record<string, unknown>; unique?: boolean }[]> };
    }) =>
      (await model.collection.indexes()).map(
        (i) => `${Object.keys(i.key).join('+')}${i.unique ? '!' : ''}`,
      );
    expect(await keys(store.versions)).toContain('graphId+version!');
    expect(await keys(store.collectEntries)).toContain('collectId+userId!');
    expect(await keys(store.dataKeys)).toContain('guildId+scope+memberId+key!');
    expect(await keys(store.webhooks)).toContain('graphId!');
    expect(await keys(store.graphs)).toContain('guildId+deletedAt+updatedAt');
    expect(await keys(store.waits)).toEqual(
      expect.arrayContaining(['guildId+messageId+event', 'expiresAt']),
    );
    expect(await keys(store.collectWindows)).toContain('guildId+messageId+closesAt');
    expect(await keys(store.audit)).toContain('guildId+at');
    // MongoDB expires documents itself; FerretDB 1.x cannot, and the sweeper takes over.
    expect(store.ttlIndexes).toBe(stack.storeKind === 'mongodb');
    // A second open of the same connection reuses the store.
    expect(await openStore(mongo)).toBe(store);
  });

  it('drops the message-only wait and collect indexes older versions created', async () => {
    await store.waits.collection.createIndex({ messageId: 1, event: 1 });
    await store.collectWindows.collection.createIndex({ messageId: 1, closesAt: 1 });
    const fresh = await mongoose.createConnection(stack.mongoUri).asPromise();
    try {
      const reopened = await openStore(fresh);
      const names = async (model: Store['waits'] | Store['collectWindows']) =>
        (await model.collection.indexes()).map((i) => i.name);
      expect(await names(reopened.waits)).not.toContain('messageId_1_event_1');
      expect(await names(reopened.waits)).toContain('guildId_1_messageId_1_event_1');
      expect(await names(reopened.collectWindows)).not.toContain('messageId_1_closesAt_1');
    } finally {
      await fresh.close();
    }
  });

  it('refuses a second version with the same number', async () => {
    const version = {
      graphId: 'g_x',
      guildId: '1',
      version: 1,
      documentJson: '{}',
      publishedBy: 'admin',
      publishedAt: new Date(),
    };
    await store.versions.create({ _id: 'g_x:1', ...version });
    const error = await store.versions.create({ _id: 'g_x:1-again', ...version }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDuplicateKey(error)).toBe(true);
  });

  it('keeps trying to connect until the store answers', async () => {
    const port = await freePort();
    const target = new URL(stack.mongoUri);
    const errors: Error[] = [];
    const late = connectStore(`mongodb://127.0.0.1:${port}/gf_late`, (e) => errors.push(e), {
      retryMs: 200,
    });
    let proxy: Server | undefined;
    try {
      await eventually(() => (errors.length > 0 ? true : undefined), 'a failed first attempt');
      await expect(openStore(late)).rejects.toSatisfy(isStoreUnavailable);
      // The store "comes up": a TCP proxy to the real one starts listening on that port.
      proxy = createServer((socket) => {
        const upstream = tcpConnect(Number(target.port), target.hostname);
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      }).listen(port, '127.0.0.1');
      const opened = await eventually(
        () => openStore(late).catch(() => undefined),
        'the store to connect',
        20_000,
      );
      await opened.guilds.create({
        _id: 'late',
        name: null,
        settings: {},
        plan: 'free',
        createdAt: new Date(),
      });
    } finally {
      await late.close();
      proxy?.close();
    }
  });
});

describe('secretBox', () => {
  it('round-trips, and refuses tampered text or another key', () => {
    const box = secretBox('master key');
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('whsec_abc');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(box.seal('whsec_abc')).not.toBe(sealed); // a fresh IV every time
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), `A${(parts[3] ?? '').slice(1)}`].join('.');
    expect(() => box.open(tampered)).toThrow();
    expect(() => secretBox('other key').open(sealed)).toThrow();
  });
});

describe('withKeyLock', () => {
  it('runs the holders of one key one at a time, in order, and other keys freely', async () => {
    const events: string[] = [];
    const hold = (key: string, name: string, ms: number) =>
      withKeyLock(key, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${name}-`);
      });
    await Promise.all([hold('a', 'a1', 30), hold('a', 'a2', 1), hold('b', 'b1', 5)]);
    expect(events.indexOf('a1-')).toBeLessThan(events.indexOf('a2+'));
    expect(events.indexOf('b1-')).toBeLessThan(events.indexOf('a1-'));
    await expect(withKeyLock('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await withKeyLock('a', async () => 'free again')).toBe('free again');
  });
});
