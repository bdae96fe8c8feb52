// Builds the kiosk UI into kiosk-ui/dist and then generates the service worker (dist/sw.js).
// Run from anywhere: `node kiosk-ui/build.mjs`.
import { build } from 'vite';
import { generateSW } from 'workbox-build';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

await build({ configFile: join(root, 'vite.config.ts'), root, logLevel: 'warn' });

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,css,svg,png,webp,woff2,json}'],
  swDest: join(dist, 'sw.js'),
  // Workbox's runtime is copied next to sw.js and imported from there: the kiosk may be offline and
  // its CSP allows only 'self', so never a CDN.
  inlineWorkboxRuntime: false,
  mode: 'production',
  sourcemap: false,
  navigateFallback: '/index.html',
  navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/healthz$/],
  // No runtimeCaching: /api answers are live data and must never come from a cache.
  cleanupOutdatedCaches: true,
  clientsClaim: false,
  skipWaiting: false,
});
for (const w of warnings) console.warn('[workbox]', w);
console.log(`kiosk-ui built: ${count} files precached (${Math.round(size / 1024)} KiB), service worker at ${join(dist, 'sw.js')}`);
