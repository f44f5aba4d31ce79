import { diffGraphs } from '@guildflow/engine/core';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useVersion, useVersions, type VersionSummary } from '../../api/queries.js';
import { relativeTime } from '../../graphs/relative-time.js';
import { Badge, Button, ConfirmDialog, Dialog, ErrorState, LoadingState } from '../../ui/index.js';
import { useEditor } from '../editor-context.js';
import { useGraphSession } from '../graph-session.js';
import { ChangeList } from './change-list.js';
import { DiffCanvas } from './diff-canvas.js';

/**
 * The version history of the open graph: its published versions (newest first, the live one
 * marked), each compared with the draft — drawn (added, removed, changed) and listed with the
 * changed settings — and the ways back: make a version live again (confirmed), or copy it into
 * the draft.
 */
export function VersionHistory({ onClose }: { onClose(): void }) {
  const guildId = useEditor((s) => s.guildId);
  const graphId = useEditor((s) => s.graphId);
  const versions = useVersions(guildId, graphId);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = versions.data?.versions ?? [];
  const selected = list.find((v) => v.version === chosen) ?? list[0] ?? null;

  return (
    <Dialog
      title="Version history"
      size="full"
      onClose={onClose}
      description="Every published version, compared with the draft. Make one live again, or copy it into the draft."
    >
      {versions.isPending ? (
        <LoadingState label="Loading the versions" />
      ) : versions.error ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : list.length === 0 ? (
        <p className="gf-history-empty">
          Nothing published yet: <strong>Publish</strong> makes the draft version 1, and every
          publish after that adds one here.
        </p>
      ) : (
        <div className="gf-history">
          <nav aria-label="Versions" className="gf-history-versions">
            <ul>
              {list.map((v) => (
                <li key={v.version}>
                  <VersionButton
                    version={v}
                    pressed={v.version === selected?.version}
                    onClick={() => setChosen(v.version)}
                  />
                </li>
              ))}
            </ul>
          </nav>
          {selected && <VersionComparison key={selected.version} version={selected} />}
        </div>
      )}
    </Dialog>
  );
}

function VersionButton(props: { version: VersionSummary; pressed: boolean; onClick(): void }) {
  const { version } = props;
  return (
    <button
      type="button"
      className="gf-history-version"
      aria-pressed={props.pressed}
      onClick={props.onClick}
    >
      <span className="gf-history-version-name">
        Version {version.version}
        {version.current && <Badge tone="success">Live</Badge>}
      </span>
      <span className="gf-history-version-meta">
        {version.publishedBy} ·{' '}
        <time dateTime={version.publishedAt} title={new Date(version.publishedAt).toLocaleString()}>
          {relativeTime(version.publishedAt)}
        </time>
      </span>
    </button>
  );
}

function VersionComparison({ version }: { version: VersionSummary }) {
  const { actions } = useGraphSession();
  const guildId = useEditor((s) => s.guildId);
  const graphId = useEditor((s) => s.graphId);
  const draft = useEditor((s) => s.doc);
  const enabled = useEditor((s) => s.published.enabled);
  const busy = useStore(actions, (s) => s.busy);
  const detail = useVersion(guildId, graphId, version.version);
  const [confirming, setConfirming] = useState(false);
  const document = detail.data?.document;
  const diff = useMemo(() => (document ? diffGraphs(document, draft) : null), [document, draft]);
  const name = `Version ${version.version}`;
  const live = version.current && enabled;

  return (
    <section className="gf-history-compare" aria-label={`${name} against the draft`}>
      <header className="gf-history-compare-head">
        <h3>
          {name} → the draft{live && <Badge tone="success">Live</Badge>}
        </h3>
        <div className="gf-history-actions">
          <Button
            disabled={!document}
            onClick={() => {
              if (!document) return;
              actions.getState().restore(document, version.version);
              actions.getState().setHistoryOpen(false);
            }}
          >
            Copy into the draft
          </Button>
          <Button
            variant="primary"
            disabled={live || busy !== null}
            busy={busy === 'rollback'}
            title={live ? 'This version is live.' : undefined}
            onClick={() => setConfirming(true)}
          >
            Make {name.toLowerCase()} live
          </Button>
        </div>
      </header>
      {detail.isPending ? (
        <LoadingState label={`Loading ${name.toLowerCase()}`} />
      ) : detail.error ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : document && diff ? (
        <div className="gf-history-diff">
          <DiffCanvas
            diff={diff}
            before={document}
            after={draft}
            label={`${name} against the draft`}
          />
          <div className="gf-history-changes">
            <h4>What the draft changes</h4>
            <ChangeList
              diff={diff}
              before={document}
              after={draft}
              sides={{ before: name, after: 'Draft' }}
            />
          </div>
        </div>
      ) : null}
      {confirming && (
        <ConfirmDialog
          title={`Make ${name.toLowerCase()} live?`}
          confirmLabel={`Make ${name.toLowerCase()} live`}
          busy={busy === 'rollback'}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            void actions
              .getState()
              .rollback(version.version)
              .then(() => setConfirming(false))
          }
        >
          <p>
            New runs use {name.toLowerCase()} from now on (runs already going keep theirs), and the
            graph is turned on. The draft stays as it is.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
