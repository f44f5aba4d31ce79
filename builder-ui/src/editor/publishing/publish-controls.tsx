import type { ValidationCode, ValidationIssue } from '@guildflow/engine/core';
import type { PreflightReport } from '../../api/graph-writes.js';
import { Link } from 'react-router';
import { useStore } from 'zustand';
import { Button, Dialog } from '../../ui/index.js';
import { useEditor } from '../editor-context.js';
import { useGraphSession } from '../graph-session.js';
import { IssueItems } from '../issues-list.js';
import './publishing.css';

/** What is live: "Live · version 3", "Off · version 3" or "Not published". */
export function publishedWords(published: { enabled: boolean; version: number | null }): string {
  if (published.version === null) return 'Not published';
  return `${published.enabled ? 'Live' : 'Off'} · version ${published.version}`;
}

/**
 * The toolbar's publishing part: what is live, the on/off switch (off disables; on makes the
 * version that was live run again, never the draft) and Publish (saves first; a refusal lists
 * the issues, each taking you to its node and field).
 */
export function PublishControls() {
  const { actions } = useGraphSession();
  const published = useEditor((s) => s.published);
  const busy = useStore(actions, (s) => s.busy);
  const refusal = useStore(actions, (s) => s.refusal);
  const preflight = useStore(actions, (s) => s.preflight);
  const never = published.version === null;
  return (
    <div className="gf-publish">
      <span className="gf-publish-state" data-live={published.enabled && !never}>
        {publishedWords(published)}
      </span>
      <button
        type="button"
        role="switch"
        className="gf-publish-switch"
        aria-checked={published.enabled}
        aria-label="Graph on"
        disabled={busy !== null || (never && !published.enabled)}
        title={
          never
            ? 'Publish this graph to turn it on.'
            : published.enabled
              ? 'Turn off: no new runs start (runs already going finish).'
              : `Turn on: version ${published.version} runs again.`
        }
        onClick={() => void actions.getState().setEnabled(!published.enabled)}
      >
        <span aria-hidden="true" />
      </button>
      <Button
        variant="primary"
        size="small"
        busy={busy === 'publish'}
        disabled={busy !== null}
        onClick={() => void actions.getState().publish()}
      >
        Publish
      </Button>
      {refusal && (
        <PublishRefusal issues={refusal} onClose={() => actions.getState().dismissRefusal()} />
      )}
      {preflight && (
        <PreflightWarnings
          report={preflight}
          onPublish={() => void actions.getState().publishAnyway()}
          onClose={() => actions.getState().dismissPreflight()}
        />
      )}
    </div>
  );
}

/** A refused publish: the service's issue list, each item taking you to what it is about. */
function PublishRefusal({
  issues,
  onClose,
}: {
  issues: readonly ValidationIssue[];
  onClose(): void;
}) {
  const count = `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`;
  return (
    <Dialog
      title="Not published"
      role="alertdialog"
      onClose={onClose}
      description={`The draft has ${count} to fix first. Pick one to go to it; nothing was published and what is live stays as it was.`}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <IssueItems issues={issues} onShow={onClose} />
    </Dialog>
  );
}

/**
 * What the check before publishing found in this server (the bot's permissions, roles above
 * it, channels, Discord's limits, the interaction window): each item takes you to its node and
 * field; publishing anyway is a choice, not the default.
 */
function PreflightWarnings({
  report,
  onPublish,
  onClose,
}: {
  report: PreflightReport;
  onPublish(): void;
  onClose(): void;
}) {
  const nodes = useEditor((s) => s.doc.nodes);
  // Shown like the draft's issues, so each one takes you to its node and field.
  const items: ValidationIssue[] = report.warnings.map((w) => {
    const index = nodes.findIndex((n) => n.id === w.nodeId);
    const field = (w.field ?? '').split('/').filter(Boolean).join('.');
    return {
      ...(w.nodeId ? { nodeId: w.nodeId } : {}),
      path: index >= 0 ? `nodes[${index}]${field ? `.config.${field}` : ''}` : '',
      code: w.code as unknown as ValidationCode,
      message: w.message,
    };
  });
  const count = `${items.length} ${items.length === 1 ? 'thing' : 'things'}`;
  return (
    <Dialog
      title="Before you publish"
      role="alertdialog"
      onClose={onClose}
      description={`Checked against this server, ${count} may fail when the graph runs. Fix them first, or publish anyway.`}
      footer={
        <>
          <Button data-autofocus onClick={onClose}>
            Fix first
          </Button>
          <Button variant="primary" onClick={onPublish}>
            Publish anyway
          </Button>
        </>
      }
    >
      {report.discordError ? <p className="gf-muted">{report.discordError}</p> : null}
      <IssueItems issues={items} onShow={onClose} />
    </Dialog>
  );
}

/**
 * A publish warning or failure, kept in view under the toolbar until dismissed; a refusal
 * because of the plan links to the plans.
 */
export function GraphNoticeBanner() {
  const { actions } = useGraphSession();
  const notice = useStore(actions, (s) => s.notice);
  const guildId = useEditor((s) => s.guildId);
  if (!notice) return null;
  return (
    <div className={`gf-publish-notice is-${notice.tone}`} role="alert">
      <p>
        {notice.text}
        {notice.upgrade ? (
          <>
            {' '}
            <Link to={`/guilds/${guildId}/billing`}>See plans and upgrade</Link>
          </>
        ) : null}
      </p>
      <button type="button" aria-label="Dismiss" onClick={() => actions.getState().dismissNotice()}>
        ×
      </button>
    </div>
  );
}
