import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleTimeoutError } from '../../hardware/fingerprint/r30x/errors.js';
import { TransportAbsentError } from '../../hardware/fingerprint/transport/transport.js';
import { explainReaderError, parseFingerprintArgs, probeReader } from '../../provision/fingerprint.js';
import { LoopbackCable } from '../support/fingerprint/loopback-transport.js';
import { R30xEmulator } from '../support/fingerprint/r30x-emulator.js';

const SERIAL = { driver: 'serial', path: '/dev/ttyUSB0' } as const;
const noWait = () => Promise.resolve();

describe('provision hardware fingerprint: checking a reader', () => {
  it('reports library size, template count and security level from the module', async () => {
    const module = new R30xEmulator({ capacity: 200, securityLevel: 4, templates: [[3, 'thumb'], [7, 'index']] });
    const report = await probeReader(SERIAL, new LoopbackCable(module).transport(), { password: 0, identify: false });
    expect(report).toEqual({ ok: true, transport: 'serial', device: 'loopback r30x emulator', librarySize: 200, templateCount: 2, securityLevel: 4 });
  });

  it('with --identify reports the slot a finger matched, or null when no finger came in time', async () => {
    const module = new R30xEmulator({ templates: [[7, 'index']], password: 0x1234 });
    let waiting = 0;
    const found = await probeReader(SERIAL, new LoopbackCable(module).transport(), {
      password: 0x1234, identify: true, sleep: noWait,
      onWaiting: () => { waiting += 1; module.placeFinger('index'); },
    });
    expect(waiting).toBe(1);
    expect(found.match).toEqual({ slot: 7, score: expect.any(Number) });

    const nobody = new R30xEmulator();
    const none = await probeReader(SERIAL, new LoopbackCable(nobody).transport(), {
      password: 0, identify: true, identifyTimeoutMs: 50, pollMs: 5,
    });
    expect(none.match).toBeNull();
  });

  it('sets a new module password after verifying the current one; the old one is then refused', async () => {
    const module = new R30xEmulator();
    const cable = new LoopbackCable(module);
    const report = await probeReader(SERIAL, cable.transport(), { password: 0, newPassword: 31337, identify: false });
    expect(report.passwordChanged).toBe(true);
    expect(module.currentPassword).toBe(31337);
    await expect(probeReader(SERIAL, cable.transport(), { password: 0, identify: false })).rejects.toThrow();
    expect((await probeReader(SERIAL, cable.transport(), { password: 31337, identify: false })).ok).toBe(true);
  });

  it('explains a wrong password, a silent module and an absent device in plain words', async () => {
    const locked = new R30xEmulator({ password: 99 });
    const err = await probeReader(SERIAL, new LoopbackCable(locked).transport(), { password: 0, identify: false }).catch((e: unknown) => e);
    expect(explainReaderError(err, SERIAL)).toMatch(/refused the password.*--password/);
    expect(explainReaderError(new ModuleTimeoutError('ReadSysPara', 1000, 3), SERIAL)).toMatch(/does not answer.*TX\/RX.*57600/);
    expect(explainReaderError(new TransportAbsentError('No serial port at /dev/ttyUSB0'), SERIAL)).toMatch(/No serial port.*--list/);
  });
});

describe('provision hardware fingerprint: arguments', () => {
  it('builds a serial or HID reader from flags, and falls back to the configured reader', () => {
    expect(parseFingerprintArgs(['--transport', 'serial', '--path', '/dev/ttyAMA0', '--baud', '115200'], { driver: 'sim' }).config)
      .toEqual({ driver: 'serial', path: '/dev/ttyAMA0', baudRate: 115200 });
    expect(parseFingerprintArgs(['--transport', 'hid', '--vid', '10c4', '--pid', 'ea80', '--json', '--identify'], { driver: 'sim' }))
      .toMatchObject({ json: true, identify: true, config: { driver: 'hid', vendorId: 0x10c4, productId: 0xea80 } });
    expect(parseFingerprintArgs([], { driver: 'serial', path: '/dev/serial0', password: 42 })).toMatchObject({ password: 42, config: { path: '/dev/serial0' } });
  });

  it('refuses what cannot work, saying what to type instead', () => {
    expect(() => parseFingerprintArgs([], { driver: 'sim' })).toThrow(/simulated reader.*--transport serial/);
    expect(() => parseFingerprintArgs(['--transport', 'usb'], { driver: 'sim' })).toThrow(/serial or hid/);
    expect(() => parseFingerprintArgs(['--transport', 'serial'], { driver: 'sim' })).toThrow(/--path <device>/);
    expect(() => parseFingerprintArgs(['--transport', 'hid', '--vid', 'zz'], { driver: 'sim' })).toThrow(/hex/);
    expect(() => parseFingerprintArgs(['--transport', 'serial', '--path', 'x', '--password', '-1'], { driver: 'sim' })).toThrow(/--password/);
    expect(() => parseFingerprintArgs(['--transport', 'serial', '--path', 'x', '--new-password', '1e3'], { driver: 'sim' })).toThrow(/--new-password/);
    expect(parseFingerprintArgs(['--transport', 'serial', '--path', 'x', '--new-password', '4294967295'], { driver: 'sim' }).newPassword).toBe(0xffffffff);
    expect(() => parseFingerprintArgs(['--bogus'], { driver: 'sim' })).toThrow();
  });
});

describe('provision hardware fingerprint: the command (built CLI)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-provision-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, [resolve('build/provision/cli.js'), 'hardware', 'fingerprint', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
  }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  it('exits 1 with a plain sentence (and ok:false JSON) when the reader is absent', async () => {
    const text = await cli('--transport', 'serial', '--path', '/dev/ttyNOPE0');
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/No serial port at \/dev\/ttyNOPE0/);
    expect(text.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const json = await cli('--transport', 'serial', '--path', '/dev/ttyNOPE0', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, transport: 'serial', error: expect.stringMatching(/ttyNOPE0/) });
  });

  it('exits 2 with usage for bad flags, and lists devices with --list', async () => {
    expect((await cli('--transport', 'carrier-pigeon')).code).toBe(2);
    const list = await cli('--list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ serial: expect.any(Array), hid: expect.any(Array) });
  });
});
