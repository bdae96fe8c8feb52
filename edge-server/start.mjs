// `npm start`: builds whatever is missing or older than its sources, then runs the server
// (`--build-only` stops after building; `--server-only` builds only the server, for `npm run provision`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((dir) => newestMtime(join(root, dir)) > built);
}

function run(script) {
  execFileSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit' });
}

if (stale(join(root, 'build/edge-server/src/main.js'), ['edge-server/src', 'hardware', 'provision'])) run('edge-server/build.mjs');
if (process.argv.includes('--server-only')) process.exit(0);
if (stale(join(root, 'kiosk-ui/dist/index.html'), ['kiosk-ui', 'edge-server/src/api-types.ts'])) run('kiosk-ui/build.mjs');

if (!process.argv.includes('--build-only')) await import(join(root, 'build/edge-server/src/main.js'));
