import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { graph } from '../testing/graph-fixture.js';
import { recordingActivities, withInterpreter } from '../testing/interpreter-harness.js';
import type { ActionInput } from './contract.js';

const sent = {
  output: (i: ActionInput) => ({ messageId: 'm1', channelId: String(i.config.channelId) }),
};

// Validation refuses these names; a graph stored before it did (or any bypass) must still not
// turn a variable name into a prototype write.
describe('reserved variable names in a run', () => {
  it.each(['__proto__', 'constructor'])(
    'flow.setVariables naming "%s" fails its node with a clear error, setting nothing',
    async (name) => {
      // JSON.parse makes `__proto__` an own key, as a stored document would have it.
      const values = JSON.parse(`{ "ok": "set", "${name}": { "polluted": "yes" } }`) as Record<
        string,
        unknown
      >;
      const doc = graph(
        [
          ['t', 'trigger.manual'],
          ['set', 'flow.setVariables', { values }],
          ['after', 'discord.sendMessage', { channelId: '1', content: '{{ vars.ok }}' }],
        ],
        [
          ['t', 'out', 'set'],
          ['set', 'out', 'after'],
        ],
      );
      const stubs = recordingActivities({ 'discord.sendMessage': sent });
      const error = await withInterpreter(stubs.activities, (env) =>
        env.run(doc).catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause?.message).toContain(
        `Node "set" (flow.setVariables) failed: The variable name "${name}" is reserved`,
      );
      expect(stubs.callsOf('discord.sendMessage')).toEqual([]);
    },
  );
});
