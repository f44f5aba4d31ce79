import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompiledValidators } from './scripts/precompiled-validators.js';

// The engine service serves the built app at `/`; in development Vite serves it and forwards
// the API, webhooks and sign-in to the service (`npm start` in another terminal).
const service = process.env.GUILDFLOW_SERVICE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  // The core's validators generated at build time: the service's CSP forbids ajv's run-time code.
  plugins: [react(), precompiledValidators()],
  // A `<meta property="csp-nonce">` (and nonces on the page's tags) whose placeholder the service
  // replaces with each answer's style nonce (engine/src/service/http/security-headers.ts):
  // CodeMirror's `<style>` element needs it under the service's CSP.
  html: { cspNonce: 'GUILDFLOW_CSP_NONCE' },
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
