import { Hono } from 'hono';
import type { SyncStatusInfo } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { syncQueue } from '../sync/sync-service.js';
import type { StaffEnv } from './staff.js';

/** Staff sync status (issue 7): what the sync says, or the queue alone when this kiosk is not enrolled. */
export function staffSyncRoutes(deps: AppDeps): Hono<StaffEnv> {
  return new Hono<StaffEnv>().get('/sync', (c) => {
    if (deps.sync) return c.json<SyncStatusInfo>(deps.sync.status());
    // Without an identity events still wait in the log: staff see how many will go once enrolled.
    return c.json<SyncStatusInfo>({ connected: false, reason: 'not connected to a district platform', ...syncQueue(deps.db) });
  });
}
