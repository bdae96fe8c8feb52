import type { Db } from './connection.js';

/** WAL pages after which SQLite checkpoints inside a commit anyway (a safety net, ~40 MB). */
export const AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Moves WAL checkpoints off the check-in path. With SQLite's default (1000 pages) roughly one commit
 * in a hundred pays for copying the WAL into the database and an extra fsync, which is exactly the
 * p99 of check-ins. Instead the autocheckpoint threshold is raised and a PASSIVE checkpoint runs on
 * a timer, between check-ins. PASSIVE never waits for readers, so it cannot stall a request.
 */
export class WalCheckpointer {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db, private readonly intervalMs = 30_000) {}

  start(): void {
    this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    this.timer = setInterval(() => this.checkpoint(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs one PASSIVE checkpoint; returns how many WAL frames were copied into the database. */
  checkpoint(): number {
    try {
      const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      return row?.checkpointed ?? 0;
    } catch (err) {
      console.error(`WAL checkpoint failed: ${(err as Error).message}; SQLite will retry at the next commit`);
      return 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    // Leave a small WAL behind on a clean shutdown.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* the database may already be closing */
    }
  }
}
