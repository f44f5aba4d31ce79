import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('main.ts (the npm start process)', () => {
  it('listens on GUILDFLOW_SANDBOX_PORT, prints one ready line, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          GUILDFLOW_SANDBOX_PORT: String(port),
          GUILDFLOW_SANDBOX_TOKEN: 'custom-token',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('\n') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toMatch(
        new RegExp(`^discord sandbox listening on http://127\\.0\\.0\\.1:${port} `),
      );
      expect((await fetch(`http://127.0.0.1:${port}/sandbox/health`)).status).toBe(200);
      const me = await fetch(`http://127.0.0.1:${port}/api/v10/users/@me`, {
        headers: { Authorization: 'Bot custom-token' },
      });
      expect(me.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output.trim().split('\n')).toHaveLength(1);
  });
});
