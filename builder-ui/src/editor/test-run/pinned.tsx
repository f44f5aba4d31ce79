import { createContext, useContext } from 'react';
import { useUnpinNode, type Pin } from '../../api/pin-queries.js';
import { Button, errorMessage } from '../../ui/index.js';
import { useEditor, useEditorStore } from '../editor-context.js';

const NO_PINS: ReadonlyMap<string, Pin> = new Map();

/** The open graph's pins by node id (the editor page provides them). */
export const PinnedContext = createContext<ReadonlyMap<string, Pin>>(NO_PINS);

/** A node's pin, if test runs use pinned data for it. */
export function usePinned(nodeId: string): Pin | undefined {
  return useContext(PinnedContext).get(nodeId);
}

/**
 * In the side panel of a pinned node: what test runs use instead of running it, and unpinning
 * (pins are made from a step on a run's page).
 */
export function PinnedNote({ nodeId }: { nodeId: string }) {
  const pin = usePinned(nodeId);
  const guildId = useEditor((s) => s.guildId);
  const graphId = useEditor((s) => s.graphId);
  const unpin = useUnpinNode(guildId, graphId);
  const store = useEditorStore();
  if (!pin) return null;
  return (
    <section aria-label="Pinned data" className="gf-editor-side-section gf-pinned-note">
      <h3>Pinned data</h3>
      <p className="gf-editor-muted">
        Test runs use this output (leaving by <code>{pin.port}</code>) instead of running the node.
        Real runs always run it.
      </p>
      <pre tabIndex={0}>{JSON.stringify(pin.output, null, 2)}</pre>
      <Button
        size="small"
        busy={unpin.isPending}
        onClick={() =>
          unpin.mutate(nodeId, {
            onSuccess: () => store.getState().say(`Unpinned ${nodeId}: test runs run it again.`),
            onError: (error) => store.getState().say(errorMessage(error), 'error'),
          })
        }
      >
        Unpin
      </Button>
    </section>
  );
}
