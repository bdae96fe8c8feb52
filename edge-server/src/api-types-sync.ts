/**
 * The contract for the staff and technician sync status (issue 7). Re-exported by `api-types.ts`;
 * kiosk-ui imports it type-only. Times are ISO 8601 (UTC) or null when it never happened.
 * Never holds the device secret.
 */

/** One event the district platform will never take; `reason` is the platform's code. */
export interface SyncRejectedEvent {
  seq: number;
  type: string;
  reason: string | null;
  at: string;
}

/** Last attempt and last success of one direction (push or pull). */
export interface SyncAttempts {
  attemptAt: string | null;
  okAt: string | null;
}

/** Pending at the start of the current backlog drain vs now; null when nothing waits. */
export interface SyncDrain {
  startPending: number;
  pending: number;
}

export interface SyncQueue {
  pending: number;
  oldestPendingAt: string | null;
  rejected: { total: number; events: SyncRejectedEvent[] };
}

export type SyncStatusInfo =
  | ({ connected: false; reason: string } & SyncQueue)
  | ({
    connected: true;
    facility: { id: string; name: string };
    upstream: string;
    push: SyncAttempts;
    /** filled by the pull loop; null until it exists */
    pull: SyncAttempts | null;
    lastError: { code: string; message: string } | null;
    clockOffsetMs: number;
    drain: SyncDrain | null;
  } & SyncQueue);
