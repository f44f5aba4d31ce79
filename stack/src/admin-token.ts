import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The self-hosting admin token: `GUILDFLOW_ADMIN_TOKEN` when set, else the one stored in the
 * data dir, else a new random one stored there (readable by the owner only).
 *
 * @example
 * const { token, created } = adminToken('data', undefined);
 */
export function adminToken(dataDir: string, fromEnv: string | undefined): { token: string; created: boolean } {
  if (fromEnv) return { token: fromEnv, created: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return { token: stored, created: false };
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}
