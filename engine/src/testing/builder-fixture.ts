import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for `builder-ui/dist`: what the service serves, without building the app. */
export interface BuilderFixture {
  dir: string;
  /** The hashed script's path, e.g. `/assets/index-Ab12Cd34.js`. */
  script: string;
  indexHtml: string;
  remove(): void;
}

/**
 * Writes a minimal Vite-shaped build (index.html loading a hashed module from `/assets/`, with
 * the style nonce's placeholder, and a root file) into a temp folder, for tests of how the service serves the builder.
 *
 * @example
 * const build = builderFixture();
 * const service = await startTestService({ builderDir: build.dir });
 */
export function builderFixture(): BuilderFixture {
  const dir = mkdtempSync(join(tmpdir(), 'guildflow-builder-'));
  mkdirSync(join(dir, 'assets'));
  const script = '/assets/index-Ab12Cd34.js';
  // As Vite writes it with `html.cspNonce`: the service puts each answer's nonce in its place.
  const nonce = 'GUILDFLOW_CSP_NONCE';
  const indexHtml =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Guildflow</title>' +
    `<meta property="csp-nonce" nonce="${nonce}">` +
    `<script type="module" crossorigin src="${script}" nonce="${nonce}"></script></head>` +
    '<body><div id="root"></div></body></html>';
  writeFileSync(join(dir, 'index.html'), indexHtml);
  writeFileSync(join(dir, script), 'export const app = 1;\n');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, script, indexHtml, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
