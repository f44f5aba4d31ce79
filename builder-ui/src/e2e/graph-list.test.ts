import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import type { GraphDocument } from '@guildflow/engine/core';
import { eventually } from '@guildflow/engine/testing/service';
import { startE2E, type E2E, type Tab } from './harness.js';

// The graph list of a guild in Chromium against the real stack: what it shows, and every
// action on it, checked through the API.

const GUILD = SANDBOX_IDS.guild;
const LIST = `/guilds/${GUILD}/graphs`;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

function announce(name: string): GraphDocument {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'say',
        type: 'discord.sendMessage',
        position: { x: 260, y: 0 },
        config: { channelId: SANDBOX_IDS.channels.general, content: 'Hello from the list test' },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'say' }],
    vars: {},
  };
}

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });
const row = (name: string) =>
  tab.page.getByRole('row').filter({ has: tab.page.getByRole('link', { name, exact: true }) });

describe('the graph list', () => {
  it('shows each graph’s state and last run, and turns a published graph off and on', async () => {
    const published = await e2e.stack.publish(announce('Announce'));
    await api('POST', `/api/guilds/${GUILD}/graphs`, announce('Draft only'));
    const run = await api('POST', `/api/guilds/${GUILD}/graphs/${published.graphId}/runs`, {});
    expect(run.status).toBe(202);

    // The list reads Temporal's visibility, which sees a run a moment after it starts.
    await eventually(async () => {
      const latest = await api('GET', `/api/guilds/${GUILD}/runs/latest`);
      return latest.body.runs.some((r: { status: string }) => r.status === 'completed')
        ? true
        : undefined;
    }, 'the run in visibility');
    await tab.page.goto(LIST);
    const announceRow = row('Announce');
    await announceRow.getByText('Completed').waitFor({ timeout: 20_000 });
    await expect(announceRow.getByRole('cell').allTextContents()).resolves.toEqual([
      'Manual run',
      'Version 1',
      // The badge links to the run, named for screen readers.
      expect.stringMatching(/^Last run of Announce: Completed(just now|\d+ seconds? ago)$/),
      expect.stringMatching(/ago|just now/),
      '',
      expect.stringContaining('Duplicate'),
    ]);
    await expect(row('Draft only').getByRole('cell').nth(1).textContent()).resolves.toBe(
      'Draft only',
    );
    await expect(row('Draft only').getByText('Never').count()).resolves.toBe(1);
    // Never published: it cannot be turned on from the list.
    await expect(row('Draft only').getByRole('switch').isDisabled()).resolves.toBe(true);
    await e2e.expectAccessible(tab, 'the graph list');
    await e2e.screenshot(tab, 'graph-list');

    const toggle = announceRow.getByRole('switch', { name: 'Announce is on' });
    await toggle.click();
    await announceRow.getByRole('switch', { name: 'Announce is off' }).waitFor();
    const off = await api('GET', `/api/guilds/${GUILD}/graphs/${published.graphId}`);
    expect(off.body).toMatchObject({ enabled: false, publishedVersion: 1 });
    await announceRow.getByRole('switch', { name: 'Announce is off' }).click();
    await announceRow.getByRole('switch', { name: 'Announce is on' }).waitFor();
    const on = await api('GET', `/api/guilds/${GUILD}/graphs/${published.graphId}`);
    expect(on.body).toMatchObject({ enabled: true, publishedVersion: 1 });
    e2e.expectNoErrors(tab);
  });

  it('creates a graph and opens it in the editor', async () => {
    await tab.page.goto(LIST);
    await tab.page.getByRole('button', { name: 'New graph' }).first().click();
    await tab.page.getByLabel('Name').fill('Welcome flow');
    await tab.page.getByRole('button', { name: 'Create and open' }).click();
    await tab.page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs/g_[\\w-]+$`), {
      waitUntil: 'commit',
    });
    const graphId = tab.page.url().split('/').at(-1) ?? '';
    const created = await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`);
    expect(created.body.draft).toMatchObject({ name: 'Welcome flow', nodes: [], edges: [] });
    e2e.expectNoErrors(tab);
  });

  it('duplicates a graph, and deletes one only once confirmed', async () => {
    await tab.page.goto(LIST);
    await row('Announce').getByRole('button', { name: 'Duplicate Announce' }).click();
    await row('Announce (copy)').waitFor();
    await tab.page
      .getByRole('status')
      .filter({ hasText: 'Copied as “Announce (copy)”.' })
      .waitFor();

    await row('Announce (copy)').getByRole('button', { name: 'Delete Announce (copy)' }).click();
    const confirm = tab.page.getByRole('alertdialog', { name: 'Delete “Announce (copy)”?' });
    await e2e.expectAccessible(tab, 'the delete confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row('Announce (copy)').count()).resolves.toBe(1);

    await row('Announce (copy)').getByRole('button', { name: 'Delete Announce (copy)' }).click();
    await confirm.getByRole('button', { name: 'Delete graph' }).click();
    await tab.page
      .getByRole('status')
      .filter({ hasText: '“Announce (copy)” was deleted.' })
      .waitFor();
    await expect(row('Announce (copy)').count()).resolves.toBe(0);
    const { body } = await api('GET', `/api/guilds/${GUILD}/graphs`);
    expect(body.graphs.map((g: { name: string }) => g.name)).not.toContain('Announce (copy)');
    e2e.expectNoErrors(tab);
  });

  it('imports a document: its problems are listed before saving, then it opens', async () => {
    await tab.page.goto(LIST);
    await tab.page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Import a graph' });
    const text = dialog.getByLabel('Or paste the document');
    await text.fill('{ not json');
    await dialog.getByText('This is not JSON').waitFor();
    await text.fill(JSON.stringify({ name: 'Half a graph' }));
    await dialog.getByText('not a graph document Guildflow can read').waitFor();
    await expect(dialog.getByRole('button', { name: /^Import/ }).isDisabled()).resolves.toBe(true);

    // A well-formed document with problems: listed, and it may be saved as a draft.
    const broken = announce('Imported with problems');
    broken.nodes[1]!.config = {
      channelId: SANDBOX_IDS.channels.general,
      content: '{{ nodes.nope.x }}',
    };
    await text.fill(JSON.stringify(broken));
    const problems = dialog.getByRole('list', { name: 'Problems in the document' });
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('say · nodes[1].config.content');
    await e2e.expectAccessible(tab, 'the import dialog');
    await e2e.screenshot(tab, 'import-dialog');
    await dialog.getByRole('button', { name: 'Import with these problems' }).click();
    await tab.page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs/g_[\\w-]+$`), {
      waitUntil: 'commit',
    });
    const graphId = tab.page.url().split('/').at(-1) ?? '';
    const saved = await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}`);
    expect(saved.body.name).toBe('Imported with problems');
    expect(saved.body.issues.map((i: { nodeId: string }) => i.nodeId)).toEqual(['say']);

    // From a file: valid, imported as it is.
    const file = join(tmpdir(), `guildflow-import-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(announce('From a file')));
    await tab.page.goto(LIST);
    await tab.page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByLabel('JSON file').setInputFiles(file);
    await dialog.getByText('The document is valid.').waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await tab.page.waitForURL(new RegExp(`/guilds/${GUILD}/graphs/g_[\\w-]+$`), {
      waitUntil: 'commit',
    });
    await tab.page.goto(LIST);
    await row('From a file').waitFor();
    e2e.expectNoErrors(tab);
  });
});
