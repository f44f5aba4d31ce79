import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/** Where the committed histories of fixture runs live (replayed by replay.test.ts). */
export const historiesDir = fileURLToPath(new URL('../interpreter/histories/', import.meta.url));

/**
 * With `GUILDFLOW_RECORD_HISTORIES=1`, waits for the run and writes its event history to
 * `histories/<name>.json`; otherwise does nothing. Record only when the interpreter changed on
 * purpose *and* the change is gated with `patched()` — the old histories must keep replaying.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.GUILDFLOW_RECORD_HISTORIES !== '1') return;
  await handle.result();
  const history = await handle.fetchHistory();
  mkdirSync(historiesDir, { recursive: true });
  // The workflow id is kept with the history: replay needs it (child workflow ids derive from it).
  const json = `{"workflowId":${JSON.stringify(handle.workflowId)},"history":${historyToJSON(history)}}`;
  writeFileSync(`${historiesDir}${name}.json`, `${JSON.stringify(JSON.parse(json))}\n`);
}
