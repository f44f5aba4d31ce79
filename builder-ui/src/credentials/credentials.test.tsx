import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../api/credential-queries.js';
import { ToastProvider } from '../ui/index.js';
import { CredentialsPage } from './credentials-page.js';

afterEach(cleanup);

const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
const refusal = (status: number, code: string, message: string, details?: unknown) =>
  json({ error: { code, message, ...(details ? { details } : {}) } }, status);

/**
 * The service's credential routes for guild g1, in memory: names unique (409), a name checked
 * like the service does (400 with details at `body.name`), values kept but never answered.
 */
function serve(initial: Credential[] = []) {
  const stored = new Map<string, { credential: Credential; value: unknown }>(
    initial.map((c) => [c.name, { credential: c, value: 'old' }]),
  );
  const bodies: unknown[] = [];
  let failing: Response | null = null;
  globalThis.fetch = (async (input: RequestInfo | URL, options?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, options);
    const path = new URL(request.url).pathname;
    if (failing) return failing.clone();
    if (path === '/api/guilds/g1/credentials' && request.method === 'GET')
      return json({ credentials: [...stored.values()].map((s) => s.credential) });
    if (path === '/api/guilds/g1/credentials' && request.method === 'POST') {
      const body = (await request.json()) as {
        name: string;
        type: Credential['type'];
        value: unknown;
      };
      bodies.push(body);
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(body.name))
        return refusal(
          400,
          'invalid_request',
          'The request body is invalid: name must start with a letter.',
          [
            {
              path: 'body.name',
              message: 'must start with a letter and hold only letters, digits, `_` and `-`',
            },
          ],
        );
      if (
        body.type === 'stripe' &&
        !String((body.value as { secretKey: string }).secretKey).startsWith('sk_')
      )
        return refusal(400, 'invalid_request', 'The request body is invalid: value.secretKey …', [
          {
            path: 'body.value.secretKey',
            message:
              'secretKey must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…)',
          },
        ]);
      if (stored.has(body.name))
        return refusal(
          409,
          'conflict',
          `The guild has a credential named "${body.name}"; delete it first.`,
        );
      const credential: Credential = {
        name: body.name,
        type: body.type,
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
      };
      stored.set(body.name, { credential, value: body.value });
      return json({ name: body.name, type: body.type, createdAt: credential.createdAt }, 201);
    }
    const match = /^\/api\/guilds\/g1\/credentials\/([^/]+)$/.exec(path);
    if (match && request.method === 'DELETE') {
      const name = decodeURIComponent(match[1] ?? '');
      if (!stored.delete(name)) return refusal(404, 'not_found', `No credential named "${name}".`);
      return json(null, 204);
    }
    return refusal(404, 'not_found', `No route ${request.method} ${path}`);
  }) as typeof fetch;
  return {
    stored,
    bodies,
    failWith(response: Response | null) {
      failing = response;
    },
  };
}

function open() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={['/guilds/g1/credentials']}>
          <Routes>
            <Route path="/guilds/:guildId/credentials" element={<CredentialsPage />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const crm: Credential = {
  name: 'crm',
  type: 'bearer',
  createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  lastUsedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
};

describe('the credentials page', () => {
  it('lists credentials by name, type and dates, never a value', async () => {
    serve([crm, { ...crm, name: 'sheets', type: 'header', lastUsedAt: null }]);
    open();
    const table = await screen.findByRole('table', { name: 'Credentials of this server' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('crm');
    expect(rows[1]?.textContent).toContain('Bearer token');
    expect(rows[1]?.textContent).toContain('3 days ago');
    expect(rows[1]?.textContent).toContain('5 minutes ago');
    expect(rows[2]?.textContent).toContain('Header');
    expect(rows[2]?.textContent).toContain('Never');
  });

  it('shows a Stripe account’s webhook endpoint, to add in that account', async () => {
    const url = 'https://gf.example/stripe/webhook/guilds/g1/shop';
    serve([{ ...crm, name: 'shop', type: 'stripe', webhookUrl: url }]);
    open();
    const endpoint = await screen.findByLabelText('Stripe webhook endpoint');
    expect((endpoint as HTMLInputElement).value).toBe(url);
    expect((endpoint as HTMLInputElement).readOnly).toBe(true);
  });

  it('says so when there are none, and when they cannot be read', async () => {
    const api = serve([]);
    open();
    expect(await screen.findByRole('heading', { name: 'No credentials yet' })).toBeTruthy();
    cleanup();
    api.failWith(refusal(503, 'store_unavailable', 'The store is not answering; retry later.'));
    open();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The credentials could not be loaded');
    expect(alert.textContent).toContain('The store is not answering; retry later.');
  });

  it('adds a credential with its type’s secret fields as password inputs; the list shows it without its value', async () => {
    const api = serve([]);
    const user = open();
    await user.click((await screen.findAllByRole('button', { name: 'Add credential' }))[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add a credential' });
    await user.type(within(dialog).getByLabelText('Name'), 'sheets');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'header');
    const header = within(dialog).getByLabelText('Header name');
    const value = within(dialog).getByLabelText('Header value');
    expect(header.getAttribute('type')).toBe('text');
    expect(value.getAttribute('type')).toBe('password');
    await user.type(header, 'X-Api-Key');
    await user.type(value, 'super-secret-123');
    await user.click(within(dialog).getByRole('button', { name: 'Add credential' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.bodies).toEqual([
      { name: 'sheets', type: 'header', value: { header: 'X-Api-Key', value: 'super-secret-123' } },
    ]);
    const table = await screen.findByRole('table', { name: 'Credentials of this server' });
    expect(within(table).getByText('sheets')).toBeTruthy();
    expect(document.body.textContent).not.toContain('super-secret-123');
    expect(screen.getByText('“sheets” was added. Graphs can use it by that name.')).toBeTruthy();
  });

  it('shows a duplicate name (409) and the API’s field rules (400) at their fields', async () => {
    serve([crm]);
    const user = open();
    await user.click(await screen.findByRole('button', { name: 'Add credential' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a credential' });
    const name = within(dialog).getByLabelText('Name');
    await user.type(name, 'crm');
    await user.type(within(dialog).getByLabelText('Token'), 'tok_1');
    await user.click(within(dialog).getByRole('button', { name: 'Add credential' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(name.getAttribute('aria-describedby')).toContain('gf-credential-name-error');
    expect(document.getElementById('gf-credential-name-error')?.textContent).toBe(
      'A credential named “crm” already exists: pick another name, or delete that one first to replace it.',
    );
    expect(document.activeElement).toBe(name);

    await user.clear(name);
    await user.type(name, '1st');
    await user.click(within(dialog).getByRole('button', { name: 'Add credential' }));
    await waitFor(() =>
      expect(document.getElementById('gf-credential-name-error')?.textContent).toBe(
        'Name must start with a letter and hold only letters, digits, `_` and `-`.',
      ),
    );

    await user.clear(name);
    await user.type(name, 'shop');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'stripe');
    // A new type starts empty: the token typed for "bearer" is not carried over.
    const key = within(dialog).getByLabelText('Secret key');
    expect((key as HTMLInputElement).value).toBe('');
    await user.type(key, 'pk_test_1');
    await user.type(within(dialog).getByLabelText('Webhook signing secret'), 'whsec_1');
    await user.click(within(dialog).getByRole('button', { name: 'Add credential' }));
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('gf-credential-value-secretKey-error')?.textContent).toBe(
      'Secret key must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…).',
    );
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Add a credential' })).toBeTruthy();
  });

  it('deletes a credential after a confirmation', async () => {
    const api = serve([crm]);
    const user = open();
    await user.click(await screen.findByRole('button', { name: 'Delete crm' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “crm”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.stored.has('crm')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Delete crm' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete credential' }),
    );
    await waitFor(() => expect(api.stored.has('crm')).toBe(false));
    expect(await screen.findByRole('heading', { name: 'No credentials yet' })).toBeTruthy();
  });
});
