/**
 * Technician CLI: `npm run provision -- <command>`. This version has `status`, enrolment with the
 * district platform and the hardware checks; self-test and autostart arrive with their issues.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../edge-server/src/config.js';
import { openDatabase, type Db } from '../edge-server/src/db/connection.js';
import { pendingUpstream } from '../edge-server/src/db/events.repo.js';
import { countMembers } from '../edge-server/src/db/members.repo.js';
import { countRejectedEvents, listRejectedEvents } from '../edge-server/src/db/event-delivery.repo.js';
import { LAST_PULL_OK_KEY, LAST_PUSH_OK_KEY, readSyncSetting } from '../edge-server/src/db/sync-commands.repo.js';
import { readIdentity, type DeviceIdentity } from '../edge-server/src/sync/identity.js';
import { ENROLL_USAGE, enrollCommand } from './enroll.js';
import { hardwareId } from './hardware-id.js';
import { fingerprintCommand, FINGERPRINT_USAGE } from './fingerprint.js';
import { gpioCommand, GPIO_USAGE } from './gpio.js';

const USAGE = `usage: npm run provision -- <command>

commands:
  status [--json]   what this kiosk is: version, data directory, hardware drivers, members, unsent events
  ${ENROLL_USAGE}
  ${FINGERPRINT_USAGE}
  ${GPIO_USAGE}
  help              this text`;

function isoSetting(db: Db, key: string): string | null {
  const v = readSyncSetting(db, key);
  return typeof v === 'string' ? v : null;
}

function status(json: boolean): number {
  const config = loadConfig();
  const hasDb = existsSync(config.dbFile);
  const db = hasDb ? openDatabase(config.dbFile) : undefined;
  let identity: DeviceIdentity | null = null;
  let identityProblem: string | null = null;
  try {
    identity = readIdentity(config.dataDir);
  } catch (err) {
    identityProblem = (err as Error).message;
  }
  const report = {
    version: config.version,
    centre: config.centre,
    dataDir: config.dataDir,
    database: hasDb ? config.dbFile : null,
    hardware: { fingerprint: config.hardware.fingerprint.driver, gpio: config.hardware.gpio.driver },
    simulated: config.simulated,
    members: db ? countMembers(db) : 0,
    // never the secret: only what says where this kiosk is enrolled
    upstream: {
      connected: identity !== null,
      ...(identity ? { url: identity.upstream, deviceId: identity.deviceId, facility: identity.facility, enrolledAt: identity.enrolledAt } : {}),
      ...(identityProblem ? { problem: identityProblem } : {}),
      pending: db ? pendingUpstream(db) : { count: 0, oldestOccurredAt: null },
      // the last successes the kiosk recorded (null: never, or not since enrolment)
      lastPushOkAt: db ? isoSetting(db, LAST_PUSH_OK_KEY) : null,
      lastPullOkAt: db ? isoSetting(db, LAST_PULL_OK_KEY) : null,
      rejected: db ? countRejectedEvents(db) : 0,
      // the platform will never take these: a technician reads why (ids, types and reasons only)
      rejectedEvents: db ? listRejectedEvents(db, 20) : [],
    },
  };
  db?.close();
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log(`kiosk ${report.version} — ${report.centre.name} (${report.centre.timezone})`);
  console.log(`data directory   ${report.dataDir}${hasDb ? '' : ' (no database yet: start the kiosk once)'}`);
  console.log(`hardware         fingerprint: ${report.hardware.fingerprint}, gpio: ${report.hardware.gpio}${report.simulated ? ' (simulated, demo mode)' : ''}`);
  console.log(`members          ${report.members}`);
  const waiting = `${report.upstream.pending.count} events waiting to be sent, ${report.upstream.rejected} rejected`;
  if (identity) console.log(`upstream         connected to ${identity.facility.name} (${identity.upstream}) as ${identity.deviceId}; ${waiting}`);
  else console.log(`upstream         not connected to a district platform${identityProblem ? ` (${identityProblem})` : ''}; ${waiting}`);
  if (identity) console.log(`  last push      ${report.upstream.lastPushOkAt ?? 'never succeeded'}; last pull ${report.upstream.lastPullOkAt ?? 'never succeeded'}`);
  for (const r of report.upstream.rejectedEvents) console.log(`  rejected       #${r.seq} ${r.type} (${r.id}): ${r.reason ?? 'no reason given'}`);
  if (report.upstream.rejected > report.upstream.rejectedEvents.length) console.log(`  …              ${report.upstream.rejected - report.upstream.rejectedEvents.length} more rejected events (status --json lists the first 20)`);
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'status':
      return status(rest.includes('--json'));
    case 'enroll': {
      const config = loadConfig();
      return enrollCommand(rest, {
        dataDir: config.dataDir, softwareVersion: config.version,
        hardwareId: () => hardwareId({ cpuinfo: '/proc/cpuinfo', machineId: '/etc/machine-id', dataDir: config.dataDir }),
      });
    }
    case 'hardware': {
      const [kind, ...flags] = rest;
      if (kind === 'fingerprint') return fingerprintCommand(flags, loadConfig().hardware.fingerprint);
      if (kind === 'gpio') return gpioCommand(flags, loadConfig().hardware.gpio);
      console.error(`Unknown hardware '${kind ?? ''}': this version checks 'fingerprint' and 'gpio'.\n${USAGE}`);
      return 2;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`Unknown command '${command}'.\n${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  console.error(`provision failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
