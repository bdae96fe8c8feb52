// Compiles the server (edge-server, hardware, provision) to build/ with TypeScript and copies the SQL migrations.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
cpSync(new URL('./src/db/migrations', import.meta.url), new URL('../build/edge-server/src/db/migrations', import.meta.url), { recursive: true });
console.log('server built into build/');
