import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { freePort } from '@guildflow/stack';
import { testStack } from '@guildflow/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, secretBox, sha256Hex, type Store } from '@guildflow/engine/service';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./api-main.ts', import.meta.url));
const ADMIN_TOKEN = 'an-admin-token-of-an-older-install';
const SECRET_KEY = 'the-generated-secret-key';
const { temporalAddress, mongoUri } = testStack();

let mongo: mongoose.Connection;
let store: Store;
beforeAll(async () => {
  mongo = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 3000 }).asPromise();
  store = await openStore(mongo);
});
afterAll(() => mongo.close());

/** Runs the engine service process (what `npm start` runs as `engine`) until `stop` is called. */
function engineProcess(env: NodeJS.ProcessEnv) {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, GUILDFLOW_SUPERVISOR_PID: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

describe('the engine service process and its secret key', () => {
  it('refuses to start without GUILDFLOW_SECRET_KEY, saying what to do', async () => {
    const engine = engineProcess({
      PORT: String(await freePort()),
      MONGODB_URI: mongoUri,
      TEMPORAL_ADDRESS: temporalAddress,
      GUILDFLOW_ADMIN_TOKEN: ADMIN_TOKEN,
      GUILDFLOW_SECRET_KEY: '',
    });
    const code = await Promise.race([
      engine.exited,
      new Promise<string>((r) => setTimeout(() => r('still running'), 30_000)),
    ]);
    await engine.stop();
    expect(code).toBe(1);
    expect(engine.output()).toContain('GUILDFLOW_SECRET_KEY is not set');
  });

  it('re-seals webhook secrets sealed with the admin token with the secret key when it starts', async () => {
    const secret = 'whsec_sealed-by-an-older-install';
    const hookId = `wh_${'L'.repeat(32)}`;
    await store.webhooks.create({
      _id: hookId,
      graphId: 'g_legacy',
      guildId: '500000000000000099',
      secretHash: sha256Hex(secret),
      secretCipher: secretBox(ADMIN_TOKEN).seal(secret),
      createdAt: new Date(),
      rotatedAt: null,
    });
    const engine = engineProcess({
      PORT: String(await freePort()),
      MONGODB_URI: mongoUri,
      TEMPORAL_ADDRESS: temporalAddress,
      GUILDFLOW_ADMIN_TOKEN: ADMIN_TOKEN,
      GUILDFLOW_SECRET_KEY: SECRET_KEY,
    });
    try {
      const deadline = Date.now() + 30_000;
      let cipher = '';
      for (;;) {
        cipher = (await store.webhooks.findById(hookId).lean())?.secretCipher ?? '';
        const opened = (() => {
          try {
            return secretBox(SECRET_KEY).open(cipher);
          } catch {
            return undefined;
          }
        })();
        if (opened !== undefined || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(secretBox(SECRET_KEY).open(cipher), engine.output()).toBe(secret);
      expect(() => secretBox(ADMIN_TOKEN).open(cipher)).toThrow();
      expect(engine.output()).not.toContain(secret);
      expect(engine.output()).not.toContain(SECRET_KEY);
    } finally {
      await engine.stop();
    }
  });
});
