import type Database from 'better-sqlite3';

/**
 * Prepares a repository's SQL once per database handle and caches it: preparing on every call
 * would cost more than the insert itself on the check-in path.
 */
export function statements<K extends string>(source: Record<K, string>): (db: Database.Database) => Record<K, Database.Statement> {
  const cache = new WeakMap<Database.Database, Record<K, Database.Statement>>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = {} as Record<K, Database.Statement>;
      for (const key of Object.keys(source) as K[]) prepared[key] = db.prepare(source[key]);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
