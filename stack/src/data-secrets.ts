import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A secret of the stack and whether this call generated it (then it is new in the data dir). */
export interface StackSecret {
  value: string;
  created: boolean;
}

/**
 * The self-hosting admin token: `GUILDFLOW_ADMIN_TOKEN` when set, else the one stored in
 * `<data dir>/admin-token`, else a new random one stored there (readable by the owner only).
 */
export function adminToken(dataDir: string, fromEnv: string | undefined): StackSecret {
  return storedSecret(join(dataDir, 'admin-token'), fromEnv);
}

/**
 * The key that encrypts secrets at rest (webhook secrets): `GUILDFLOW_SECRET_KEY` when set,
 * else `<data dir>/secret-key`, else a new random one stored there (owner-only). Independent
 * of the admin token, and never printed: nobody needs to type it.
 */
export function secretKey(dataDir: string, fromEnv: string | undefined): StackSecret {
  return storedSecret(join(dataDir, 'secret-key'), fromEnv);
}

function storedSecret(file: string, fromEnv: string | undefined): StackSecret {
  if (fromEnv) return { value: fromEnv, created: false };
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return { value: stored, created: false };
  }
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  // `mode` applies only to a new file: an empty one left behind keeps its mode otherwise.
  chmodSync(file, 0o600);
  return { value, created: true };
}
