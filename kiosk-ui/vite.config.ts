import { defineConfig } from 'vite';

/**
 * The kiosk UI is served by edge-server from kiosk-ui/dist. In `vite dev`, /api and /healthz go to a
 * locally running server (PORT 8080 unless KIOSK_SERVER says otherwise).
 */
const server = process.env.KIOSK_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's CSP has no 'unsafe-inline': never inline the module preload polyfill as a script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': server, '/healthz': server },
  },
});
