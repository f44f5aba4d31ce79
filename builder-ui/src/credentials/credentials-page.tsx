import { useState } from 'react';
import { useParams } from 'react-router';
import { useCredentials, useDeleteCredential, type Credential } from '../api/credential-queries.js';
import { relativeTime } from '../graphs/relative-time.js';
import {
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  LoadingState,
  errorMessage,
  useToast,
} from '../ui/index.js';
import { CredentialDialog } from './credential-dialog.js';
import { CREDENTIAL_TYPES } from './credential-form.js';
import './credentials.css';

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso)}
    </time>
  );
}

/**
 * `/guilds/:guildId/credentials`: the guild's named secrets (name, type, added, last used —
 * never a value), adding one and deleting one after a confirmation.
 */
export function CredentialsPage() {
  const { guildId = '' } = useParams();
  const toast = useToast();
  const credentials = useCredentials(guildId);
  const remove = useDeleteCredential(guildId);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Credential | null>(null);
  const add = (
    <Button variant="primary" onClick={() => setAdding(true)}>
      Add credential
    </Button>
  );

  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <div>
          <h1>Credentials</h1>
          <p className="gf-muted">
            Secrets your graphs use by name (an HTTP request’s credential, the Stripe actions).
            Values are never shown again once saved.
          </p>
        </div>
        <div className="gf-page-actions">{add}</div>
      </div>
      {credentials.isPending ? (
        <LoadingState label="Loading credentials" />
      ) : credentials.isError ? (
        <ErrorState
          error={credentials.error}
          title="The credentials could not be loaded"
          onRetry={() => void credentials.refetch()}
        />
      ) : credentials.data.length === 0 ? (
        <EmptyState title="No credentials yet" action={add}>
          Add an API token, a password or a header value once, then pick it by name in an HTTP
          request node instead of pasting it into the graph.
        </EmptyState>
      ) : (
        <table className="gf-table">
          <caption className="gf-visually-hidden">Credentials of this server</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Added</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="gf-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {credentials.data.map((credential) => (
              <tr key={credential.name}>
                <th scope="row">
                  <code>{credential.name}</code>
                  {credential.webhookUrl ? (
                    <StripeEndpoint name={credential.name} url={credential.webhookUrl} />
                  ) : null}
                </th>
                <td>
                  <Badge>{CREDENTIAL_TYPES[credential.type].label}</Badge>
                </td>
                <td>
                  <When iso={credential.createdAt} />
                </td>
                <td>
                  {credential.lastUsedAt ? (
                    <When iso={credential.lastUsedAt} />
                  ) : (
                    <span className="gf-muted">Never</span>
                  )}
                </td>
                <td className="gf-credential-actions">
                  <Button
                    size="small"
                    variant="ghost"
                    aria-label={`Delete ${credential.name}`}
                    onClick={() => setDeleting(credential)}
                  >
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding ? (
        <CredentialDialog
          guildId={guildId}
          onClose={() => setAdding(false)}
          onCreated={(name) => {
            setAdding(false);
            toast.success(`“${name}” was added. Graphs can use it by that name.`);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete credential"
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.name, {
              onSuccess: () => {
                toast.success(`“${deleting.name}” was deleted.`);
                setDeleting(null);
              },
              onError: (error) => {
                toast.error(`Not deleted: ${errorMessage(error)}`);
                setDeleting(null);
              },
            })
          }
        >
          Graphs that use it fail at that step until a credential by this name is added again. The
          value cannot be recovered.
        </ConfirmDialog>
      ) : null}
    </main>
  );
}

/**
 * Where a connected Stripe account sends its events: the endpoint to add in that account, whose
 * signing secret is the credential's webhook secret.
 */
function StripeEndpoint({ name, url }: { name: string; url: string }) {
  const id = `gf-stripe-endpoint-${name}`;
  return (
    <div className="gf-credential-endpoint">
      <label htmlFor={id}>Stripe webhook endpoint</label>
      <input id={id} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );
}
