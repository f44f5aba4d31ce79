import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, secretKey } from './data-secrets.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guildflow-secrets-'));
  dirs.push(dir);
  return dir;
}

describe('the secrets kept in the data dir', () => {
  it('generates the secret key apart from the admin token, owner-only, once', () => {
    const dir = dataDir();
    const token = adminToken(dir, undefined);
    const key = secretKey(dir, undefined);
    expect(token.created && key.created).toBe(true);
    expect(key.value).not.toBe(token.value);
    expect(key.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(readFileSync(join(dir, 'secret-key'), 'utf8')).toBe(`${key.value}\n`);
    expect(statSync(join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    expect(secretKey(dir, undefined)).toEqual({ value: key.value, created: false });
    expect(adminToken(dir, undefined)).toEqual({ value: token.value, created: false });
  });

  it('takes the environment first, and replaces an empty file with an owner-only one', () => {
    const dir = dataDir();
    expect(secretKey(dir, 'from-env')).toEqual({ value: 'from-env', created: false });
    writeFileSync(join(dir, 'secret-key'), '\n', { mode: 0o644 });
    const key = secretKey(dir, undefined);
    expect(key.created).toBe(true);
    expect(statSync(join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
  });
});
