import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { constructedStyleSheets } from './scripts/constructed-style-sheets.js';
import { precompiledValidators } from './scripts/precompiled-validators.js';

// The engine service serves the built app at `/`; in development Vite serves it and forwards
// the API, webhooks and sign-in to the service (`npm start` in another terminal).
const service = process.env.GUILDFLOW_SERVICE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  // The core's validators generated at build time: the service's CSP forbids ajv's run-time code.
  // CodeMirror's styles as constructed style sheets: the CSP forbids <style> elements.
  plugins: [react(), precompiledValidators(), constructedStyleSheets()],
  server: {
    proxy: {
      '/api': service,
      '/auth': service,
      '/hooks': service,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets the bundle budget find the entry and the editor chunk.
    manifest: true,
    // The budget script is the size check (gzip, per route), not Vite's per-chunk warning.
    chunkSizeWarningLimit: 1500,
  },
});
