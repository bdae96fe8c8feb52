import type { Db } from './connection.js';
import { statements } from './statements.js';

const sql = statements({
  claim: `INSERT INTO sync_commands (id, type, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  finish: `UPDATE sync_commands SET ok = ?, output = ? WHERE id = ? AND ok IS NULL`,
  interrupted: `UPDATE sync_commands SET ok = 0, output = '{"error":"interrupted by a restart; not run again"}'
                WHERE ok IS NULL`,
  unreported: `SELECT id, ok, output FROM sync_commands WHERE ok IS NOT NULL AND reported_at IS NULL ORDER BY received_at, id`,
  reported: `UPDATE sync_commands SET reported_at = ? WHERE id = ?`,
  getSetting: `SELECT value FROM sync_settings WHERE key = ?`,
  setSetting: `INSERT INTO sync_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
});

/** A command's result waiting to be reported to the platform. */
export interface CommandResultRow { id: string; ok: boolean; output: Record<string, unknown> }

/** Remembers a command; true only the first time its id is seen (then, and only then, it may run). */
export function claimCommand(db: Db, id: string, type: string, atMs: number): boolean {
  return sql(db).claim.run(id, type, atMs).changes === 1;
}

/** Keeps a claimed command's result (once: a finished command is never overwritten). */
export function finishCommand(db: Db, id: string, ok: boolean, output: Record<string, unknown>): void {
  sql(db).finish.run(ok ? 1 : 0, JSON.stringify(output), id);
}

/** Commands a crash left running: reported as failed, never run again. */
export function failInterruptedCommands(db: Db): number {
  return sql(db).interrupted.run().changes;
}

/** Finished commands whose result the platform has not acknowledged yet, oldest first. */
export function listUnreportedCommands(db: Db): CommandResultRow[] {
  return (sql(db).unreported.all() as { id: string; ok: number; output: string }[])
    .map((r) => ({ id: r.id, ok: r.ok === 1, output: JSON.parse(r.output) as Record<string, unknown> }));
}

/** The platform has the command's result. */
export function markCommandReported(db: Db, id: string, atMs: number): void {
  sql(db).reported.run(atMs, id);
}

/** Sync settings holding the last successful push / pull (ISO), kept across restarts for staff and `provision status`. */
export const LAST_PUSH_OK_KEY = 'last_push_ok';
export const LAST_PULL_OK_KEY = 'last_pull_ok';

/** A JSON sync setting, or null when the platform never set it. */
export function readSyncSetting(db: Db, key: string): unknown {
  const row = sql(db).getSetting.get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : null;
}

/** Stores a JSON sync setting, replacing the previous value. */
export function writeSyncSetting(db: Db, key: string, value: unknown): void {
  sql(db).setSetting.run(key, JSON.stringify(value));
}
