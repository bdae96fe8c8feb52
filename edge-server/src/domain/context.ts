import type { Db } from '../db/connection.js';
import type { Clock } from '../clock.js';
import type { EventLog } from '../events/event-log.js';
import type { EventBus } from '../events/bus.js';

/** What every domain service needs: storage, the event log, time and the facility's zone. */
export interface DomainContext {
  db: Db;
  log: EventLog;
  bus: EventBus;
  clock: Clock;
  timeZone: () => string;
}
