import type { GraphResource } from '../api/queries.js';
import { Button, Dialog } from '../ui/index.js';

/**
 * The signing secret of a webhook graph just created (a copy, an import or an install): the
 * API shows it in that answer only, so it is shown here before anything else.
 */
export function WebhookSecretDialog({ graph, onClose }: { graph: GraphResource; onClose(): void }) {
  const hook = graph.webhook;
  return (
    <Dialog
      title="Save this webhook secret now"
      description="It is shown this once. Senders sign each delivery with it (docs/api/webhooks.md); if it is lost, rotate it in the editor."
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          I saved it
        </Button>
      }
    >
      <div className="gf-field">
        <label htmlFor="gf-hook-url">Webhook URL</label>
        <input id="gf-hook-url" readOnly value={hook?.url ?? ''} />
      </div>
      <div className="gf-field">
        <label htmlFor="gf-hook-secret">Secret</label>
        <input id="gf-hook-secret" readOnly value={hook?.secret ?? ''} />
      </div>
    </Dialog>
  );
}
