/**
 * System under test: the Discord sandbox in its own process (it plays Discord: the gateway the
 * bot listens to and the REST API its actions call). Per-route rate limits are off — the bench
 * measures Guildflow, not Discord's 5-messages-per-5-seconds channel limit.
 */
import { startSandbox } from '@guildflow/discord-sandbox';
import { failStartup, serveBench } from './protocol.js';

/** What the bench learns when the sandbox is up. */
export interface SandboxSutInfo {
  url: string;
  apiUrl: string;
  token: string;
  applicationId: string;
  guildId: string;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  const info: SandboxSutInfo = {
    url: sandbox.url,
    apiUrl: sandbox.apiUrl,
    token: sandbox.token,
    applicationId: sandbox.applicationId,
    guildId: sandbox.guildId,
  };
  serveBench(info, {
    stats: () => {
      const cpu = process.cpuUsage();
      return {
        rssMb: process.memoryUsage().rss / 2 ** 20,
        cpuUserUs: cpu.user,
        cpuSystemUs: cpu.system,
      };
    },
    stop: () => void sandbox.close().finally(() => process.exit(0)),
  });
}

main().catch(failStartup);
