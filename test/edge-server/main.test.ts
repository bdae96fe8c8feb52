import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIdentity } from '../../edge-server/src/sync/identity.js';
import { until } from '../support/gpio/until.js';
import { ReferenceUpstream } from '../support/upstream/reference-upstream.js';

/** The built server (npm run build:server) as `npm start` runs it, on a random port. */
interface Running { child: ChildProcess; output: () => string; url: () => string | undefined }

const started: { child: ChildProcess; dir: string }[] = [];
const upstreams: ReferenceUpstream[] = [];
afterEach(async () => {
  for (const { child, dir } of started.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const u of upstreams.splice(0)) await u.stop();
});

function startKiosk(dataDir: string): Running {
  const child = spawn(process.execPath, [resolve('build/edge-server/src/main.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dir: dataDir });
  let text = '';
  child.stdout!.on('data', (b: Buffer) => { text += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { text += b.toString(); });
  return { child, output: () => text, url: () => /kiosk ready on (http:\/\/[^\s]+)/.exec(text)?.[1] };
}

describe('main: upward sync', () => {
  it('runs without an identity and says once that it is not connected to a district platform', async () => {
    const kiosk = startKiosk(mkdtempSync(join(tmpdir(), 'kiosk-main-')));
    await until(() => kiosk.url() !== undefined, 'the kiosk to be ready');
    expect(kiosk.output().match(/not connected to a district platform/g)).toHaveLength(1);
  });

  it('with an identity, pushes an emergency call to the platform at once, signed and without the secret in its output', async () => {
    const upstream = new ReferenceUpstream();
    upstreams.push(upstream);
    await upstream.start();
    const { deviceId, deviceSecret } = upstream.addDevice();
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-main-'));
    writeIdentity(dataDir, {
      upstream: upstream.baseUrl, deviceId, deviceSecret, enrolledAt: new Date().toISOString(),
      facility: { id: 'fac_test_01', name: '阳光街道残疾人之家', timezone: 'Asia/Shanghai' },
      // an hour: only the emergency can explain a push inside this test
      intervals: { pushSec: 3600, pullSec: 3600, heartbeatSec: 3600 },
    });
    const kiosk = startKiosk(dataDir);
    await until(() => kiosk.url() !== undefined, 'the kiosk to be ready');
    expect(kiosk.output()).toContain('sync: pushing events to 阳光街道残疾人之家 every 3600 s');
    for (const value of [0, 1]) {
      await fetch(`${kiosk.url()!}/api/sim/gpio/call_button`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
    }
    const emergency = () => [...upstream.events.values()].find((e) => e.type === 'alert.raised' && (e.body.data as { kind?: string }).kind === 'emergency_call');
    await until(() => emergency() !== undefined, 'the emergency call upstream');
    expect(emergency()!.body.data).toMatchObject({ severity: 'critical' });
    // the demo's overdue loans went at start; all of it exactly once, seqs from 1
    const seqs = upstream.storedSeqs(deviceId);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(kiosk.output()).not.toContain(deviceSecret);
  });
});
