import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../testing/index.js';

describe('the MongoDB-compatible store', () => {
  const { mongoUri, storeKind } = testStack();
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUri).asPromise();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it(`stores and reads back a document through mongoose (${storeKind})`, async () => {
    const Note = connection.model(
      'Note',
      new mongoose.Schema({
        guildId: { type: String, index: true },
        text: String,
        tags: [String],
        at: Date,
      }),
    );
    const at = new Date('2026-11-21T10:00:00Z');
    await Note.create({ guildId: 'g1', text: 'hello', tags: ['a', 'b'], at });
    await Note.create({ guildId: 'g2', text: 'other' });
    const found = await Note.find({ guildId: 'g1' }).lean();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: 'hello', tags: ['a', 'b'], at });
  });

  it('enforces unique indexes (entries are deduplicated by the store)', async () => {
    const Entry = connection.model(
      'Entry',
      new mongoose.Schema({ messageId: String, userId: String }).index(
        { messageId: 1, userId: 1 },
        { unique: true },
      ),
    );
    await Entry.init();
    await Entry.create({ messageId: 'm1', userId: 'u1' });
    await expect(Entry.create({ messageId: 'm1', userId: 'u1' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Entry.countDocuments()).toBe(1);
  });
});
