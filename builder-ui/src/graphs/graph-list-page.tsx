import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useBillingOn, type BillingOn } from '../api/billing-queries.js';
import { useGraphs, useGuilds, type GraphResource } from '../api/queries.js';
import { guildLabel } from '../app/current-guild.js';
import { ofLimit } from '../billing/billing-words.js';
import { Button, EmptyState, ErrorState, LoadingState } from '../ui/index.js';
import { GraphTable } from './graph-table.js';
import { NewGraphDialog } from './new-graph-dialog.js';
import { WebhookSecretDialog } from './webhook-secret-dialog.js';
import './graphs.css';

// Importing checks the document with the engine's validation, which is only needed here.
const ImportDialog = lazy(() =>
  import('./import-dialog.js').then((module) => ({ default: module.ImportDialog })),
);

/**
 * How many graphs are published against the plan's limit (hosted only), with the way to more
 * once it is reached: publishing another is refused until then.
 */
function PublishedOfLimit({ guildId, billing }: { guildId: string; billing: BillingOn }) {
  const { publishedGraphs: used } = billing.usage;
  const limit = billing.limits.publishedGraphs;
  const full = limit !== null && used >= limit;
  return (
    <p className={full ? 'gf-graphs-limit is-full' : 'gf-graphs-limit'}>
      Published: {ofLimit(used, limit)} on the {billing.planName} plan.
      {full ? (
        <>
          {' '}
          The limit is reached: <Link to={`/guilds/${guildId}/billing`}>upgrade</Link> to publish
          more, or turn one off.
        </>
      ) : null}
    </p>
  );
}

/**
 * `/guilds/:guildId/graphs`: the guild's graphs with their state and last run, quick
 * enable/disable, new, duplicate, delete and import.
 */
export function GraphListPage() {
  const { guildId = '' } = useParams();
  const navigate = useNavigate();
  const graphs = useGraphs(guildId);
  const guilds = useGuilds();
  const guild = guilds.data?.guilds.find((g) => g.id === guildId);
  const billing = useBillingOn(guildId);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [secretOf, setSecretOf] = useState<GraphResource | null>(null);
  const open = (graph: GraphResource) => void navigate(`/guilds/${guildId}/graphs/${graph.id}`);
  /** After a creation: show a new webhook's secret once, else open the graph. */
  const created = (graph: GraphResource, openIt: boolean) => {
    setDialog(null);
    if (graph.webhook?.secret) setSecretOf(graph);
    else if (openIt) open(graph);
  };

  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <div>
          <h1>Graphs</h1>
          <p className="gf-muted">{guild ? guildLabel(guild) : `Server ${guildId}`}</p>
          {billing ? <PublishedOfLimit guildId={guildId} billing={billing} /> : null}
        </div>
        <div className="gf-page-actions">
          <Link className="gf-button" to="/templates">
            Browse templates
          </Link>
          <Button onClick={() => setDialog('import')}>Import</Button>
          <Button variant="primary" onClick={() => setDialog('new')}>
            New graph
          </Button>
        </div>
      </div>
      {guild && !guild.botPresent ? (
        <p className="gf-notice" role="status">
          The bot is not in this server: its graphs can be drawn, but they cannot act here until you
          invite it.
        </p>
      ) : null}
      {graphs.isPending ? (
        <LoadingState label="Loading graphs" />
      ) : graphs.isError ? (
        <ErrorState
          error={graphs.error}
          title="The graphs could not be loaded"
          onRetry={() => void graphs.refetch()}
        />
      ) : graphs.data.length === 0 ? (
        <EmptyState
          title="No graphs yet"
          action={
            <>
              <Button variant="primary" onClick={() => setDialog('new')}>
                New graph
              </Button>
              <Link className="gf-button" to="/templates">
                Browse templates
              </Link>
            </>
          }
        >
          Draw an automation from scratch, import a graph document, or start from a template.
        </EmptyState>
      ) : (
        <GraphTable guildId={guildId} graphs={graphs.data} onCreated={(g) => created(g, false)} />
      )}
      {dialog === 'new' ? (
        <NewGraphDialog
          guildId={guildId}
          onClose={() => setDialog(null)}
          onCreated={(g) => created(g, true)}
        />
      ) : null}
      {dialog === 'import' ? (
        <Suspense fallback={null}>
          <ImportDialog
            guildId={guildId}
            onClose={() => setDialog(null)}
            onCreated={(g) => created(g, true)}
          />
        </Suspense>
      ) : null}
      {secretOf ? (
        <WebhookSecretDialog
          graph={secretOf}
          onClose={() => {
            const graph = secretOf;
            setSecretOf(null);
            open(graph);
          }}
        />
      ) : null}
    </main>
  );
}
