import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { eventually } from '@guildflow/engine/testing/service';
import { startE2E, type E2E, type Tab } from './harness.js';

// Runs in Chromium against the real stack: a run started through the API is found from the
// graph list, read step by step on its page, and listed with its filters.

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
});
afterAll(() => e2e?.close());

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });

describe('runs', () => {
  it('opens a run from the graph list and reads each step’s input and output', async () => {
    const created = await api('POST', `/api/guilds/${GUILD}/graphs`, {
      schemaVersion: 1,
      name: 'Announce by hand',
      vars: {},
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
        {
          id: 'say',
          type: 'discord.sendMessage',
          position: { x: 300, y: 0 },
          config: {
            channelId: SANDBOX_IDS.channels.welcome,
            content: 'Hello from {{ trigger.who }}',
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'say' }],
    });
    expect(created.status).toBe(201);
    const graphId = created.body.id as string;
    const started = await api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/runs`, {
      payload: { who: 'the run page' },
      simulate: true,
    });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    await eventually(async () => {
      const { body } = await api('GET', `/api/guilds/${GUILD}/runs/${runId}`);
      return body.status === 'completed' ? true : undefined;
    }, 'the run to complete');

    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/graphs`);
    const row = page.getByRole('row', { name: /Announce by hand/ });
    await row.getByRole('link', { name: /Last run of Announce by hand/ }).click();
    await page.getByRole('heading', { name: new RegExp(`Run ${runId}`) }).waitFor();
    // A test run of an unpublished draft: the page says what the drawing shows.
    await page.getByText('the drawing shows the draft as it is now', { exact: false }).waitFor();

    const steps = page.getByRole('list', { name: 'Steps' });
    await steps.getByRole('button', { name: /Send message/ }).click();
    const detail = page.getByRole('region', { name: /Send message/ });
    await expect(detail.textContent()).resolves.toContain('Hello from the run page');
    await expect(detail.textContent()).resolves.toMatch(/"messageId": "\d+"/);
    // The drawing marks both nodes done, with their titles, and the connection taken.
    await page.locator('.react-flow__node.is-completed', { hasText: 'Send message' }).waitFor();
    await expect(page.locator('.react-flow__node.is-completed').count()).resolves.toBe(2);
    await expect(page.locator('.react-flow__edge.is-taken').count()).resolves.toBe(1);
    await e2e.expectAccessible(tab, 'the run page');
    await e2e.screenshot(tab, 'run-page');

    // Its output pinned from here: the editor marks the node, test runs skip it, until unpinned.
    await detail.getByRole('button', { name: 'Pin this output' }).click();
    await page.getByText('Pinned say: test runs use this output', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Open the graph' }).click();
    const pinned = page.locator('.react-flow__node[data-id="say"] .gf-editor-node.is-pinned');
    await pinned.waitFor();
    const rerun = await api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/runs`, {
      payload: { who: 'a pinned run' },
    });
    const pinnedRun = await eventually(async () => {
      const { body } = await api('GET', `/api/guilds/${GUILD}/runs/${rerun.body.runId}`);
      return body.status === 'completed' ? body : undefined;
    }, 'the pinned run');
    expect(
      (pinnedRun.steps as { nodeId: string; pinned?: boolean }[]).find((s) => s.nodeId === 'say')
        ?.pinned,
    ).toBe(true);
    await page.locator('.react-flow__node[data-id="say"]').click();
    const note = page.getByRole('region', { name: 'Pinned data' });
    await expect(note.textContent()).resolves.toMatch(/"messageId"/);
    await note.getByRole('button', { name: 'Unpin' }).click();
    await pinned.waitFor({ state: 'detached' });
    const { body: pins } = await api('GET', `/api/guilds/${GUILD}/graphs/${graphId}/pins`);
    expect(pins.pins).toEqual([]);

    await page.getByRole('link', { name: 'Runs', exact: true }).first().click();
    const table = page.getByRole('table', { name: 'Runs of this server' });
    await table.getByRole('link', { name: runId }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('heading', { name: 'No run matches' }).waitFor();
    await page.getByLabel('Status').selectOption('');
    await table.getByRole('link', { name: runId }).waitFor();
    await e2e.expectAccessible(tab, 'the runs list');
    await e2e.screenshot(tab, 'runs');
    e2e.expectNoErrors(tab);
  });

  it('follows a running run live: a compressed delay waits, then completes on the page', async () => {
    const created = await api('POST', `/api/guilds/${GUILD}/graphs`, {
      schemaVersion: 1,
      name: 'An hour later',
      vars: {},
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
        { id: 'later', type: 'flow.delay', position: { x: 300, y: 0 }, config: { duration: '1h' } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'later' }],
    });
    const graphId = created.body.id as string;
    // An hour at 900×: 4 s.
    const started = await api('POST', `/api/guilds/${GUILD}/graphs/${graphId}/runs`, {
      simulate: true,
      timeScale: 900,
    });
    const runId = started.body.runId as string;
    const { page } = tab;
    const streams: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith(`/runs/${runId}/events`)) streams.push(r.status());
    });
    await page.goto(`/guilds/${GUILD}/runs/${runId}`);
    const steps = page.getByRole('list', { name: 'Steps' });
    const delay = steps.getByRole('button', { name: /Delay/ });
    await delay.getByText('Waiting').waitFor();
    await expect(delay.textContent()).resolves.toMatch(/until/);
    await delay.click();
    await expect(page.getByRole('region', { name: /Delay/ }).textContent()).resolves.toMatch(
      /time compressed: at 1× it would be/,
    );
    await e2e.screenshot(tab, 'run-page-live');
    // No reload: the page learns of the end from the run's events.
    await page.getByRole('heading', { level: 1, name: /Completed/ }).waitFor({ timeout: 20_000 });
    await delay.getByText('Completed').waitFor();
    expect(streams).toEqual([200]);
    e2e.expectNoErrors(tab);
  });

  it('lets a wait for a click time out in compressed time, and says which way it went', async () => {
    const created = await api('POST', `/api/guilds/${GUILD}/graphs`, {
      schemaVersion: 1,
      name: 'Confirm within the hour',
      vars: {},
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} },
        {
          id: 'ask',
          type: 'discord.sendMessage',
          position: { x: 300, y: 0 },
          config: {
            channelId: SANDBOX_IDS.channels.general,
            content: 'Confirm within the hour',
            buttons: [{ label: 'Confirm', customId: 'confirm', style: 'primary' }],
          },
        },
        {
          id: 'click',
          type: 'flow.waitFor',
          position: { x: 600, y: 0 },
          config: { event: 'button', messageId: '{{ nodes.ask.messageId }}', timeout: '1h' },
        },
        {
          id: 'late',
          type: 'discord.sendMessage',
          position: { x: 900, y: 80 },
          config: { channelId: SANDBOX_IDS.channels.general, content: 'Nobody confirmed in time' },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'ask' },
        { id: 'e2', source: 'ask', target: 'click' },
        { id: 'e3', source: 'click', sourceHandle: 'timeout', target: 'late' },
      ],
    });
    // An hour at 1,200×: 3 s.
    const started = await api('POST', `/api/guilds/${GUILD}/graphs/${created.body.id}/runs`, {
      timeScale: 1200,
    });
    const runId = started.body.runId as string;
    const { page } = tab;
    await page.goto(`/guilds/${GUILD}/runs/${runId}`);
    const wait = page
      .getByRole('list', { name: 'Steps' })
      .getByRole('button', { name: /Wait for/ });
    await wait.getByText('Waiting').waitFor();
    await wait.click();
    await expect(page.getByRole('region', { name: /Wait for/ }).textContent()).resolves.toMatch(
      /for an event, at most until .* \(time compressed: at 1× it would be/,
    );
    await page.getByRole('heading', { level: 1, name: /Completed/ }).waitFor({ timeout: 20_000 });
    await expect(wait.textContent()).resolves.toContain('→ timeout');
    await page
      .locator('.react-flow__node[data-id="late"].is-completed')
      .waitFor({ state: 'attached' });

    // Again, with the same draft snapshot, payload and time compression: a new run, live.
    await page.getByRole('button', { name: 'Run again' }).click();
    await page.waitForURL(
      (url) => url.pathname.includes('/runs/') && !url.pathname.endsWith(runId),
    );
    await page
      .getByRole('list', { name: 'Steps' })
      .getByRole('button', { name: /Wait for/ })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: /Completed/ }).waitFor({ timeout: 20_000 });
    e2e.expectNoErrors(tab);
  });
});
