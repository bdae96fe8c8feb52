import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../edge-server/src/db/connection.js';
import { markDelivered } from '../../edge-server/src/db/event-delivery.repo.js';
import { LAST_PUSH_OK_KEY, writeSyncSetting } from '../../edge-server/src/db/sync-commands.repo.js';
import { EventBus } from '../../edge-server/src/events/bus.js';
import { EventLog } from '../../edge-server/src/events/event-log.js';
import { IDENTITY_FILE, readIdentity } from '../../edge-server/src/sync/identity.js';
import { enrollCommand } from '../../provision/enroll.js';
import { hardwareId } from '../../provision/hardware-id.js';
import { FakeClock } from '../support/kiosk.js';
import { ReferenceUpstream } from '../support/upstream/reference-upstream.js';

let upstream: ReferenceUpstream;
let dataDir: string;
beforeEach(async () => {
  upstream = new ReferenceUpstream();
  await upstream.start();
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-enroll-'));
});
afterEach(async () => {
  await upstream.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await enrollCommand(argv, { dataDir, softwareVersion: '0.1.0', hardwareId: () => 'pi-serial:10000000abcdef01' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A server that answers 201 with something that is not an enrolment. */
async function nonsenseServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"deviceId":42}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('provision enroll', () => {
  it('joins the platform, stores the identity 0600, prints the facility and never the secret', async () => {
    const r = await run(['--upstream', upstream.baseUrl, '--token', upstream.issueToken()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('阳光街道残疾人之家 (fac_test_01, Asia/Shanghai)');
    const identity = readIdentity(dataDir)!;
    expect(identity.upstream).toBe(`${upstream.baseUrl}/`);
    expect(statSync(join(dataDir, IDENTITY_FILE)).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(identity.deviceSecret);
  });

  it('replaces the identity when enrolled again with a new token', async () => {
    await run(['--upstream', upstream.baseUrl, '--token', upstream.issueToken()]);
    const first = readIdentity(dataDir)!.deviceId;
    const r = await run(['--upstream', upstream.baseUrl, '--token', upstream.issueToken()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`replaces the previous identity (device ${first})`);
    expect(readIdentity(dataDir)!.deviceId).not.toBe(first);
  });

  it('exits 1 with a sentence for an unknown token, a used token, an unreachable platform and a nonsense answer, changing nothing', async () => {
    const token = upstream.issueToken();
    await run(['--upstream', upstream.baseUrl, '--token', token]);
    const before = readFileSync(join(dataDir, IDENTITY_FILE), 'utf8');
    const unknown = await run(['--upstream', upstream.baseUrl, '--token', 'tok_nope']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/does not know this token/)]);
    const used = await run(['--upstream', upstream.baseUrl, '--token', token]);
    expect([used.code, used.err]).toEqual([1, expect.stringMatching(/already been used/)]);
    const url = upstream.baseUrl;
    await upstream.stop();
    const unreachable = await run(['--upstream', url, '--token', 'tok_any']);
    expect([unreachable.code, unreachable.err]).toEqual([1, expect.stringMatching(/could not be reached.*Check the address and the network/)]);
    const { url: bad, server } = await nonsenseServer();
    const nonsense = await run(['--upstream', bad, '--token', 'tok_any']);
    server.close();
    expect([nonsense.code, nonsense.err]).toEqual([1, expect.stringMatching(/unexpected shape.*Nothing was changed/)]);
    expect(readFileSync(join(dataDir, IDENTITY_FILE), 'utf8')).toBe(before);
  });

  it('exits 2 with the usage for missing or unknown flags and a base address that is not http(s)', async () => {
    expect((await run(['--upstream', upstream.baseUrl])).code).toBe(2);
    expect((await run(['--token', 't', '--upstream', upstream.baseUrl, '--force'])).code).toBe(2);
    const ftp = await run(['--upstream', 'ftp://x', '--token', 't']);
    expect([ftp.code, ftp.err]).toEqual([2, expect.stringMatching(/usage: npm run provision -- enroll/)]);
  });
});

describe('hardware id', () => {
  it("prefers the Pi's board serial, then machine-id, else one id generated once and kept", () => {
    const cpuinfo = join(dataDir, 'cpuinfo');
    const machineId = join(dataDir, 'machine-id');
    writeFileSync(cpuinfo, 'processor\t: 0\nHardware\t: BCM2835\nSerial\t\t: 10000000ABCDEF01\nModel\t: Raspberry Pi 4\n');
    writeFileSync(machineId, '0123456789abcdef0123456789abcdef\n');
    expect(hardwareId({ cpuinfo, machineId, dataDir })).toBe('pi-serial:10000000abcdef01');
    writeFileSync(cpuinfo, 'processor\t: 0\n');
    expect(hardwareId({ cpuinfo, machineId, dataDir })).toBe('machine-id:0123456789abcdef0123456789abcdef');
    const none = join(dataDir, 'none');
    const generated = hardwareId({ cpuinfo: none, machineId: none, dataDir });
    expect(generated).toMatch(/^generated:/);
    expect(hardwareId({ cpuinfo: none, machineId: none, dataDir })).toBe(generated);
  });
});

describe('provision enroll and status (built CLI)', () => {
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, [resolve('build/provision/cli.js'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
  }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  it('says not connected before enrolment and connected to the facility after, with no secret in either', async () => {
    expect((await cli('status')).stdout).toMatch(/not connected to a district platform/);
    const enrolled = await cli('enroll', '--upstream', upstream.baseUrl, '--token', upstream.issueToken());
    expect(enrolled.code).toBe(0);
    const status = await cli('status', '--json');
    const report = JSON.parse(status.stdout) as { upstream: { connected: boolean; facility: { name: string } } };
    expect(report.upstream).toMatchObject({ connected: true, facility: { name: '阳光街道残疾人之家' } });
    expect((await cli('status')).stdout).toMatch(/connected to 阳光街道残疾人之家/);
    expect(status.stdout + enrolled.stdout).not.toContain(readIdentity(dataDir)!.deviceSecret);
  });

  it('lists the events the platform rejected, with their reasons', async () => {
    const db = openDatabase(join(dataDir, 'kiosk.db'));
    const log = new EventLog({ db, clock: new FakeClock(), bus: new EventBus(), timeZone: () => 'Asia/Shanghai' });
    const event = log.write((append) => append('sensor.hourly', { hour: 9 }));
    markDelivered(db, [{ seq: event.seq, status: 'rejected', reason: 'unknown_member' }], Date.now());
    db.close();
    const status = await cli('status');
    expect(status.stdout).toContain('0 events waiting to be sent, 1 rejected');
    expect(status.stdout).toContain(`#1 sensor.hourly (${event.id}): unknown_member`);
  });

  it('shows the last successful push and pull the kiosk recorded', async () => {
    await cli('enroll', '--upstream', upstream.baseUrl, '--token', upstream.issueToken());
    expect((await cli('status')).stdout).toContain('last push      never succeeded; last pull never succeeded');
    const db = openDatabase(join(dataDir, 'kiosk.db'));
    writeSyncSetting(db, LAST_PUSH_OK_KEY, '2026-12-03T01:02:03.000Z');
    db.close();
    expect((await cli('status')).stdout).toContain('last push      2026-12-03T01:02:03.000Z; last pull never succeeded');
    const report = JSON.parse((await cli('status', '--json')).stdout) as { upstream: { lastPushOkAt: string | null; lastPullOkAt: string | null } };
    expect(report.upstream).toMatchObject({ lastPushOkAt: '2026-12-03T01:02:03.000Z', lastPullOkAt: null });
  });

  it('exits 1 for a bad token and 2 for bad flags', async () => {
    expect((await cli('enroll', '--upstream', upstream.baseUrl, '--token', 'tok_nope')).code).toBe(1);
    expect((await cli('enroll', '--token', 'x')).code).toBe(2);
  });
});
