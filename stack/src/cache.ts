import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where provisioned binaries are cached, keyed by tool and version, shared by every checkout.
 * `GUILDFLOW_CACHE_DIR` overrides it; otherwise `$XDG_CACHE_HOME/guildflow` or
 * `~/.cache/guildflow`.
 *
 * @example
 * cacheDir('temporal-1.5.1'); // ~/.cache/guildflow/temporal-1.5.1
 */
export function cacheDir(...parts: string[]): string {
  const base =
    process.env.GUILDFLOW_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'guildflow');
  return join(base, ...parts);
}
