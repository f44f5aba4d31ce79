import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  useGuilds,
  useTemplates,
  type TemplateInstallAnswer,
  type TemplateSummary,
} from '../api/queries.js';
import { guildLabel, useCurrentGuildId } from '../app/current-guild.js';
import { Badge, Button, EmptyState, ErrorState, LoadingState } from '../ui/index.js';
import './templates.css';

// The install form (RJSF) is loaded when a template is installed.
const InstallDialog = lazy(() =>
  import('./install-dialog.js').then((module) => ({ default: module.InstallDialog })),
);
// The previews draw the graphs with React Flow: its own chunk, loaded with the gallery.
const GraphPreview = lazy(() =>
  import('./graph-preview.js').then((module) => ({ default: module.GraphPreview })),
);

/**
 * `/templates`: a card per prebuilt template with a drawing of its graph; installing asks for
 * the template's settings (channels and roles picked from the server) and opens the new graph.
 */
export function TemplatesPage() {
  const navigate = useNavigate();
  const templates = useTemplates();
  const guilds = useGuilds();
  const guildId = useCurrentGuildId(guilds.data?.guilds);
  const guild = guilds.data?.guilds.find((g) => g.id === guildId);
  const [installing, setInstalling] = useState<TemplateSummary | null>(null);

  // One graph opens in the editor; several (a feature with several triggers) are all drafts to
  // publish, so the list shows them together.
  const installed = (answer: TemplateInstallAnswer) => {
    setInstalling(null);
    void navigate(
      answer.installed.length > 1
        ? `/guilds/${answer.guildId}/graphs`
        : `/guilds/${answer.guildId}/graphs/${answer.id}`,
    );
  };

  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <div>
          <h1>Templates</h1>
          <p className="gf-muted">
            Ready-made automations: install one, adjust it in the editor, publish it.
            {guild ? (
              <>
                {' '}
                Installs into <strong>{guildLabel(guild)}</strong>.
              </>
            ) : null}
          </p>
        </div>
        {guildId ? (
          <Link className="gf-button" to={`/guilds/${guildId}/graphs`}>
            Back to the graphs
          </Link>
        ) : null}
      </div>
      {templates.isPending ? (
        <LoadingState label="Loading templates" />
      ) : templates.isError ? (
        <ErrorState
          error={templates.error}
          title="The templates could not be loaded"
          onRetry={() => void templates.refetch()}
        />
      ) : templates.data.length === 0 ? (
        <EmptyState title="No templates here">
          This Guildflow was started without its template catalog.
        </EmptyState>
      ) : (
        <ul className="gf-template-grid">
          {templates.data.map((template) => (
            <li key={template.id} className="gf-template-card">
              <div className="gf-template-preview">
                {template.graph ? (
                  <Suspense fallback={<div className="gf-template-preview-loading" />}>
                    <GraphPreview graph={template.graph} />
                  </Suspense>
                ) : null}
              </div>
              <div className="gf-template-body">
                <h2>{template.name}</h2>
                <Badge tone="info">{template.category}</Badge>
                <p>{template.description}</p>
                {template.graphs.length > 1 ? (
                  <div className="gf-template-parts">
                    <p className="gf-muted">Installs {template.graphs.length} graphs:</p>
                    <ul aria-label={`Graphs of ${template.name}`}>
                      {template.graphs.map((graph) => (
                        <li key={graph.name}>{graph.name}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
              <div className="gf-template-actions">
                <Button
                  variant="primary"
                  disabled={!guildId}
                  title={guildId ? undefined : 'Pick a server first'}
                  aria-label={`Install ${template.name}`}
                  onClick={() => setInstalling(template)}
                >
                  Install
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {installing && guildId ? (
        <Suspense fallback={<LoadingState label="Opening the install form" />}>
          <InstallDialog
            template={installing}
            guildId={guildId}
            guildName={guild ? guildLabel(guild) : guildId}
            onClose={() => setInstalling(null)}
            onInstalled={installed}
          />
        </Suspense>
      ) : null}
    </main>
  );
}
