import { getNodeType } from '@guildflow/engine/core';
import { useState, type FormEvent } from 'react';
import { useGuildDiscord } from '../../api/queries.js';
import { Button, Dialog, errorMessage } from '../../ui/index.js';
import { useEditor } from '../editor-context.js';
import { useGraphSession } from '../graph-session.js';
import { samplePayload, weekAt } from './sample-payload.js';

const SCALES = [1, 60, 600, 3600, 10_000] as const;

/** The trigger's declared output, as its config shapes it (a slash command's options). */
function outputOf(trigger: { type: string; config: Record<string, unknown> } | undefined): unknown {
  if (!trigger) return undefined;
  const declaration = getNodeType(trigger.type);
  return declaration?.outputFor?.(trigger.config) ?? declaration?.output;
}

/**
 * The test panel: run the draft now in the sandbox, with a payload drawn from the trigger's
 * declared output (a member of the server for a join, a message for a post…), time compressed
 * (what a 7-day wait becomes is shown), with or without the graph's pinned data. The run then
 * shows on the canvas as it goes.
 */
export function TestRunDialog({ onClose }: { onClose(): void }) {
  const { testRun } = useGraphSession();
  const trigger = useEditor((s) =>
    s.doc.nodes.find((n) => getNodeType(n.type)?.kind === 'trigger'),
  );
  const guildId = useEditor((s) => s.guildId);
  const { data: guild } = useGuildDiscord(guildId);
  const [payload, setPayload] = useState(() => {
    const sample =
      trigger?.type === 'trigger.manual' && trigger.config.samplePayload !== undefined
        ? trigger.config.samplePayload
        : samplePayload(outputOf(trigger), guild);
    return JSON.stringify(sample ?? {}, null, 2);
  });
  const [scale, setScale] = useState<number>(3600);
  const [pins, setPins] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch (e) {
      setError(`The payload is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await testRun.getState().start({ payload: parsed, timeScale: scale, pins });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Test run in the sandbox"
      onClose={onClose}
      description="Runs the draft as it is now against the sandbox server: nothing happens on a real server."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="gf-test-run-form" busy={busy}>
            Run now
          </Button>
        </>
      }
    >
      <form id="gf-test-run-form" className="gf-test-run-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="gf-test-run-payload">
          Trigger payload{trigger ? ` (${getNodeType(trigger.type)?.title ?? trigger.type})` : ''}
        </label>
        <textarea
          id="gf-test-run-payload"
          value={payload}
          rows={10}
          spellCheck={false}
          aria-describedby="gf-test-run-payload-help"
          onChange={(e) => setPayload(e.target.value)}
        />
        <p id="gf-test-run-payload-help" className="gf-muted">
          What the trigger hands the graph, filled from its declared output with this server’s
          members and channels. Edit it freely.
        </p>
        <label htmlFor="gf-test-run-scale">Time compression</label>
        <select
          id="gf-test-run-scale"
          value={scale}
          aria-describedby="gf-test-run-scale-help"
          onChange={(e) => setScale(Number(e.target.value))}
        >
          {SCALES.map((s) => (
            <option key={s} value={s}>
              {s.toLocaleString('en')}×
            </option>
          ))}
        </select>
        <p id="gf-test-run-scale-help" className="gf-muted">
          Every wait is divided by {scale.toLocaleString('en')}: a 7-day wait takes {weekAt(scale)}.
        </p>
        <label className="gf-test-run-check">
          <input type="checkbox" checked={pins} onChange={(e) => setPins(e.target.checked)} />
          Use pinned data (pinned nodes are not executed)
        </label>
        {error ? (
          <p className="gf-test-run-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
