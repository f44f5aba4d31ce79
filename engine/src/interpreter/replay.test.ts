import { readdirSync, readFileSync } from 'node:fs';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { cacheDir } from '@guildflow/stack';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../bundle/workflow-bundle.js';
import { historiesDir } from '../testing/histories.js';

// Every committed history must replay on the current interpreter without a nondeterminism
// error: a change that breaks running workflows fails here, in CI, before it ships.
describe('replaying committed run histories', () => {
  const files = readdirSync(historiesDir).filter((f) => f.endsWith('.json'));

  it('has recorded histories to replay', () => {
    // Recorded by: GUILDFLOW_RECORD_HISTORIES=1 npx vitest run engine/src/interpreter/workflows.test.ts
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const { code } = await workflowBundle(cacheDir('workflow-bundles'));
    const recorded = JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8')) as {
      workflowId: string;
      history: unknown;
    };
    const history = historyFromJSON(recorded.history);
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { code }, replayName: file },
        history,
        recorded.workflowId,
      ),
    ).resolves.toBeUndefined();
  });
});
