import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import {
  embeddedStartEnv,
  startSupervisor,
  stopAndRemove,
  waitForExit,
  type StartedSupervisor,
} from './supervisor-harness.js';

// The embedded default of `npm start`: it provisions and starts its own Temporal dev server and
// store, and state written before a restart is still there after it.
describe('npm start with the embedded stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-embedded-'));
  let running: StartedSupervisor | undefined;
  afterAll(() => stopAndRemove(running, dataDir));

  it('keeps MongoDB data and running workflows across a restart, and stops every server', async () => {
    const ports = await embeddedStartEnv();
    const mongoUri = `mongodb://127.0.0.1:${ports.GUILDFLOW_STORE_PORT}/guildflow`;
    const temporalAddress = `127.0.0.1:${ports.GUILDFLOW_TEMPORAL_PORT}`;

    running = await startSupervisor(ports, dataDir);
    const firstToken = /login#token=([\w-]+)/.exec(running.output())?.[1];
    expect(firstToken).toBe(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim());
    const firstKey = readFileSync(join(dataDir, 'secret-key'), 'utf8');
    const mongo = await new MongoClient(mongoUri).connect();
    await mongo.db().collection('restart_probe').insertOne({ note: 'written before the restart' });
    await mongo.close();
    const connection = await Connection.connect({ address: temporalAddress });
    const client = new Client({ connection });
    const handle = await client.workflow.start('graphWorkflow', {
      taskQueue: 'guildflow',
      workflowId: 'restart-probe',
      args: [
        {
          graph: {
            graphId: 'g',
            guildId: 'guild',
            version: 1,
            document: {
              schemaVersion: 1,
              name: 'probe',
              nodes: [
                { id: 't', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
                {
                  id: 'wait',
                  type: 'flow.delay',
                  position: { x: 1, y: 0 },
                  config: { duration: '30d' },
                },
              ],
              edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'wait' }],
              vars: {},
            },
          },
          trigger: { type: 'trigger.manual', payload: {} },
        },
      ],
    });
    await connection.close();
    const pids = running.childPids();
    running.proc.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(await waitForExit(pids, 10_000)).toEqual([]); // Temporal, store, engine, worker: all gone

    const restartedAt = Date.now();
    running = await startSupervisor(ports, dataDir);
    const warmSeconds = (Date.now() - restartedAt) / 1000;
    // Same admin token and secret key; the link is not printed again.
    expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(firstToken);
    expect(readFileSync(join(dataDir, 'secret-key'), 'utf8')).toBe(firstKey);
    expect(running.output()).not.toContain('login#token=');
    const mongoAgain = await new MongoClient(mongoUri).connect();
    expect(await mongoAgain.db().collection('restart_probe').findOne({})).toMatchObject({
      note: 'written before the restart',
    });
    await mongoAgain.close();
    const connectionAgain = await Connection.connect({ address: temporalAddress });
    const description = await new Client({ connection: connectionAgain }).workflow
      .getHandle(handle.workflowId)
      .describe();
    expect(description.status.name).toBe('RUNNING'); // the 30-day timer survived the restart
    await connectionAgain.close();
    process.stderr.write(`warm restart of the embedded stack: ${warmSeconds.toFixed(1)}s\n`);
  });
});
