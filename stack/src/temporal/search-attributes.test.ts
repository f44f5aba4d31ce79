import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../net.js';
import { startEmbeddedStack, type EmbeddedStack } from '../stack.js';
import { testStack } from '../testing/index.js';

const TRIGGER_TYPE = defineSearchAttributeKey('TriggerType', SearchAttributeType.KEYWORD);

// The dev server runs with the search-attribute cache refresh on read off (a namespace read per
// workflow start saved); a database from an earlier version that lacks an attribute gets it at
// start, and the stack restarts the server once so runs can carry it at once.
describe('search attributes added to an existing database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildflow-sa-'));
  let stack: EmbeddedStack | undefined;
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (temporalPort: number) =>
    startEmbeddedStack({
      dataDir,
      temporalPort,
      storePort: 0,
      mongodbUri: testStack().mongoUri,
      sqlite: 'fast',
      quiet: true,
    });

  it('are usable by the first run after the start that added them', async () => {
    const temporalPort = await freePort();
    stack = await start(temporalPort);
    let connection = await Connection.connect({ address: stack.temporalAddress });
    // As an earlier version left it: without TriggerType.
    await connection.operatorService.removeSearchAttributes({
      namespace: 'default',
      searchAttributes: ['TriggerType'],
    });
    await connection.close();
    await stack.stop();

    stack = await start(temporalPort);
    connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection });
      const handle = await client.workflow.start('graphWorkflow', {
        taskQueue: 'nobody-polls',
        workflowId: 'sa-probe',
        args: [],
        typedSearchAttributes: [{ key: TRIGGER_TYPE, value: 'trigger.manual' }],
      });
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(TRIGGER_TYPE)).toBe('trigger.manual');
      await handle.terminate('probe');
    } finally {
      await connection.close();
    }
  });
});
