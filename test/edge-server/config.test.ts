import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../edge-server/src/config.js';

/** A project root of our own: package.json (for the version) and an empty data dir. */
function tempRoot(version = '9.8.7'): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-root-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version }));
  return root;
}

function withConfigFile(content: string): { root: string; dataDir: string; file: string } {
  const root = tempRoot();
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const file = join(dataDir, 'config.json');
  writeFileSync(file, content);
  return { root, dataDir, file };
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is configured', () => {
    const root = tempRoot();
    const config = loadConfig({}, root);
    expect(config).toMatchObject({
      version: '9.8.7', port: 8080, host: '127.0.0.1', dataDir: join(root, 'data'), dbFile: join(root, 'data', 'kiosk.db'),
      centre: { timezone: 'Asia/Shanghai' }, language: 'zh-CN', simulated: true, demoData: true,
      kiosk: { idleSec: 30 }, staff: { sessionIdleSec: 300 }, secureCookies: false,
      hardware: { fingerprint: { driver: 'sim' }, gpio: { driver: 'sim' } },
    });
  });

  it('reads PORT, DATA_DIR, STAFF_IDLE_SEC, KIOSK_IDLE_SEC and SECURE_COOKIES from the environment', () => {
    const root = tempRoot();
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-data-'));
    const config = loadConfig({ PORT: '9000', DATA_DIR: dataDir, STAFF_IDLE_SEC: '120', KIOSK_IDLE_SEC: '45', SECURE_COOKIES: '1' }, root);
    expect(config).toMatchObject({ port: 9000, dataDir, staff: { sessionIdleSec: 120 }, kiosk: { idleSec: 45 }, secureCookies: true });
  });

  it.each(['abc', '80.5', '-1', '70000'])('refuses PORT=%s with a sentence naming the variable and the range', (port) => {
    const error = configError(() => loadConfig({ PORT: port }, tempRoot()));
    expect(error.message).toBe(`PORT=${port} is not a whole number between 0 and 65535`);
  });

  it('refuses STAFF_IDLE_SEC below 30 s', () => {
    expect(configError(() => loadConfig({ STAFF_IDLE_SEC: '5' }, tempRoot())).message).toMatch(/STAFF_IDLE_SEC=5/);
  });

  it('reads the provisioned config.json', () => {
    const { root } = withConfigFile(JSON.stringify({
      centre: { name: '光明残疾人之家', timezone: 'Asia/Urumqi' }, language: 'en', staff: { sessionIdleSec: 600 }, demoData: false,
    }));
    expect(loadConfig({}, root)).toMatchObject({
      centre: { name: '光明残疾人之家', timezone: 'Asia/Urumqi' }, language: 'en', staff: { sessionIdleSec: 600 }, demoData: false,
    });
  });

  it("reads the centre's phone for the loan summary, and has none when it is not provisioned", () => {
    const { root } = withConfigFile(JSON.stringify({ centre: { phone: '021-5555 1234' } }));
    expect(loadConfig({}, root).centre).toEqual({ name: '阳光残疾人之家（演示）', timezone: 'Asia/Shanghai', phone: '021-5555 1234' });
    expect(loadConfig({}, tempRoot()).centre.phone).toBeNull();
  });

  it('lets the environment override the idle timeout from config.json', () => {
    const { root } = withConfigFile(JSON.stringify({ staff: { sessionIdleSec: 600 } }));
    expect(loadConfig({ STAFF_IDLE_SEC: '90' }, root).staff.sessionIdleSec).toBe(90);
  });

  it('refuses a config.json that is not JSON with a ConfigError naming the file', () => {
    const { root, file } = withConfigFile('{ "centre": ');
    const error = configError(() => loadConfig({}, root));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('refuses a config.json with unknown or wrong fields, naming the file and the field', () => {
    const { root, file } = withConfigFile(JSON.stringify({ language: 'fr', colour: 'blue' }));
    const error = configError(() => loadConfig({}, root));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/language/);
  });

  it('refuses an unknown fingerprint driver in config.json', () => {
    const { root } = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'bogus' } } }));
    expect(configError(() => loadConfig({}, root)).message).toMatch(/hardware\.fingerprint\.driver/);
  });

  it('takes a HID reader with USB ids as hex text, and refuses unknown or malformed reader settings', () => {
    const hid = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'hid', bridge: 'cp2110', vendorId: '10C4', productId: '0xea80', sensorId: 'r1' } } }));
    expect(loadConfig({}, hid.root).hardware.fingerprint).toEqual({ driver: 'hid', bridge: 'cp2110', vendorId: 0x10c4, productId: 0xea80, sensorId: 'r1' });
    const typo = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'serial', path: '/dev/ttyUSB0', baud: 57600 } } }));
    expect(configError(() => loadConfig({}, typo.root)).message).toMatch(/hardware\.fingerprint.*baud/);
    const noPath = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'serial' } } }));
    expect(configError(() => loadConfig({}, noPath.root)).message).toMatch(/hardware\.fingerprint\.path/);
    const badId = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'hid', vendorId: 'xyz' } } }));
    expect(configError(() => loadConfig({}, badId.root)).message).toMatch(/hex digits/);
  });

  it('takes the GPIO driver settings and refuses unknown keys in them', () => {
    const ok = withConfigFile(JSON.stringify({ hardware: { gpio: { driver: 'gpiod', toolsDir: '/usr/bin', chatterLimit: 30, lines: { door: { direction: 'in', chip: 'pinctrl-rp1', offset: 17 } } } } }));
    expect(loadConfig({}, ok.root).hardware.gpio).toMatchObject({ driver: 'gpiod', toolsDir: '/usr/bin', chatterLimit: 30 });
    const typo = withConfigFile(JSON.stringify({ hardware: { gpio: { driver: 'onoff', sysfs: '/sys' } } }));
    expect(configError(() => loadConfig({}, typo.root)).message).toMatch(/hardware\.gpio.*sysfs/);
    const lineTypo = withConfigFile(JSON.stringify({ hardware: { gpio: { driver: 'onoff', lines: { door: { direction: 'in', pin: 17 } } } } }));
    expect(configError(() => loadConfig({}, lineTypo.root)).message).toMatch(/door.*pin/);
  });

  it('marks the kiosk as not simulated (no demo data by default) when a real reader is configured', () => {
    const { root } = withConfigFile(JSON.stringify({ hardware: { fingerprint: { driver: 'serial', path: '/dev/ttyUSB0' } } }));
    expect(loadConfig({}, root)).toMatchObject({ simulated: false, demoData: false });
  });
});
