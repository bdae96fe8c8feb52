import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNNN_slug.sql` files in order; the number is the schema version the file brings the db to. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.sql'));
  const misnamed = files.filter((f) => !/^\d{4}_[\w-]+\.sql$/.test(f));
  if (misnamed.length > 0) throw new Error(`Migration files must be named NNNN_slug.sql; rename ${misnamed.join(', ')}`);
  return files
    .sort()
    .map((file, index) => {
      const version = Number(file.slice(0, 4));
      if (version !== index + 1) throw new Error(`Migration ${file} is out of sequence; expected ${String(index + 1).padStart(4, '0')}_….sql`);
      return { version, name: file, sql: readFileSync(join(dir, file), 'utf8') };
    });
}

/**
 * Applies every migration newer than `PRAGMA user_version`, each in its own transaction
 * together with the version bump, so a crash mid-way leaves the db at a whole version.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`Database schema version ${current} is newer than this software knows (${latest}); install the newer version or restore a backup.`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
