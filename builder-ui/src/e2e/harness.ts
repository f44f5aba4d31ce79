import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startGatewayHarness, type GatewayHarness } from '@guildflow/discord/testing/gateway';
import { BUILDER_DIST, ensureBuilderBuilt } from '@guildflow/stack';
import type { ServiceDeps } from '@guildflow/engine/service';
import { templateCatalog } from '@guildflow/workflows';

/** Where screenshots go (gitignored); the closing notes list them. */
export const SCREENSHOT_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test-results',
  'screenshots',
);
/** A laptop screen: every page must read well at this size. */
const VIEWPORT = { width: 1280, height: 720 };

/** A browser tab and what went wrong in it. */
export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations, in order. */
  errors: string[];
}

/** The builder on the whole real stack, with Chromium pointed at it. */
export interface E2E {
  /** The engine service serving the built app and the API. */
  url: string;
  stack: GatewayHarness;
  browser: Browser;
  /** The link `npm start` prints (admin token in the fragment). */
  signInLink: string;
  /** A new tab (its own storage) at 1280×720. */
  tab(): Promise<Tab>;
  /** Signs in through the login page's form with the printed link; ends on the server picker. */
  signIn(tab: Tab): Promise<void>;
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png; returns the path. */
  screenshot(tab: Tab, name: string): Promise<string>;
  /** Fails on any serious or critical axe-core violation on the page as it is now. */
  expectAccessible(tab: Tab, what: string): Promise<void>;
  /**
   * Fails on any console error the tab collected. `refusals`: HTTP statuses the test provoked on
   * purpose (a 412 of an edit conflict), which Chromium reports as failed resource loads.
   */
  expectNoErrors(tab: Tab, refusals?: readonly number[]): void;
  close(): Promise<void>;
}

/** The path of Debian's Chromium (`.ci/run` installs it), or `CHROMIUM_PATH`. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `No Chromium at ${path}: install Debian's chromium (\`apt-get install chromium\`, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  return path;
}

/**
 * Builds the builder if its sources changed, starts the sandbox, a worker, the engine service
 * serving the build (with the template catalog) and the gateway — the same parts `npm start`
 * runs — and launches Chromium. `options.service` adds to the service's dependencies (e.g.
 * billing on).
 *
 * @example
 * const e2e = await startE2E();
 * const tab = await e2e.tab();
 * await e2e.signIn(tab);
 */
export async function startE2E(options: { service?: Partial<ServiceDeps> } = {}): Promise<E2E> {
  await ensureBuilderBuilt({ quiet: true });
  const stack = await startGatewayHarness({
    service: { builderDir: BUILDER_DIST, templates: templateCatalog, ...options.service },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // Root in containers cannot use Chromium's sandbox; the pages are our own.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  const url = stack.service.url;
  const signInLink = `${url}/login#token=${stack.service.adminToken}`;
  const tabs: Tab[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    url,
    stack,
    browser,
    signInLink,
    async tab() {
      const context = await browser.newContext({ viewport: VIEWPORT, baseURL: url });
      const page = await context.newPage();
      const tab: Tab = { page, context, errors: [] };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        tab.errors.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
      });
      page.on('pageerror', (error) => tab.errors.push(`uncaught: ${error.message}`));
      tabs.push(tab);
      return tab;
    },
    async signIn(tab) {
      await tab.page.goto('/login');
      await tab.page.getByLabel('Sign-in link').fill(signInLink);
      await tab.page.getByRole('button', { name: 'Sign in' }).click();
      await tab.page.getByRole('heading', { name: 'Your servers' }).waitFor();
    },
    async screenshot(tab, name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await tab.page.screenshot({ path, fullPage: true });
      return path;
    },
    async expectAccessible(tab, what) {
      // Through the DevTools protocol, which the page's CSP does not govern: the app's own
      // scripts stay under the real policy.
      await tab.page.evaluate(axe.source);
      const violations = await tab.page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} — ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          );
      });
      if (violations.length > 0)
        throw new Error(`axe found serious problems on ${what}:\n${violations.join('\n')}`);
    },
    expectNoErrors(tab, refusals = []) {
      const expected = (error: string) =>
        refusals.some((status) =>
          error.startsWith(
            `console: Failed to load resource: the server responded with a status of ${status} `,
          ),
        );
      const errors = tab.errors.filter((error) => !expected(error));
      if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    },
    async close() {
      for (const tab of tabs) await tab.context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await stack.close();
    },
  };
}
