/**
 * Placeholder: the Vite build serves the core's validators generated ahead of time in place of
 * this module (builder-ui/scripts/precompiled-validators.ts), because the service's CSP forbids
 * compiling schemas at run time. Where nothing forbids it (component tests), the core compiles
 * them itself and this module does nothing.
 */
export {};
