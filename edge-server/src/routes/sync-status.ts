import { Hono } from 'hono';
import type { SyncStatusInfo } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { countRejectedEvents, listRecentRejectedEvents } from '../db/event-delivery.repo.js';
import { pendingUpstream } from '../db/events.repo.js';
import type { StaffEnv } from './staff.js';

/** Staff sync status (issue 7): what the sync says, or the queue alone when this kiosk is not enrolled. */
export function staffSyncRoutes(deps: AppDeps): Hono<StaffEnv> {
  return new Hono<StaffEnv>().get('/sync', (c) => {
    if (deps.sync) return c.json<SyncStatusInfo>(deps.sync.status());
    // Without an identity events still wait in the log: staff see how many will go once enrolled.
    const pending = pendingUpstream(deps.db);
    return c.json<SyncStatusInfo>({
      connected: false, reason: 'not connected to a district platform',
      pending: pending.count, oldestPendingAt: pending.oldestOccurredAt,
      rejected: {
        total: countRejectedEvents(deps.db),
        events: listRecentRejectedEvents(deps.db, 50).map((r) => ({ seq: r.seq, type: r.type, reason: r.reason, at: new Date(r.at).toISOString() })),
      },
    });
  });
}
