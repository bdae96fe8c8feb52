/**
 * `npm run provision -- hardware fingerprint …`: checks a reader and says what it found, so a
 * technician knows the wiring, the bridge and the module password are right before the kiosk uses it.
 */
import { parseArgs } from 'node:util';
import type { FingerprintConfig } from '../hardware/fingerprint/config.js';
import { fingerprintConfigSchema } from '../hardware/fingerprint/config.js';
import { ModuleError, ModuleTimeoutError } from '../hardware/fingerprint/r30x/errors.js';
import { R30xModule, type Hit } from '../hardware/fingerprint/r30x/module.js';
import { transportFor, type RealReaderConfig } from '../hardware/fingerprint/transport/create.js';
import { listHidBridges } from '../hardware/fingerprint/transport/hid.js';
import { listSerialPorts } from '../hardware/fingerprint/transport/serial.js';
import { TransportAbsentError, type ByteTransport } from '../hardware/fingerprint/transport/transport.js';

export const FINGERPRINT_USAGE = `hardware fingerprint [--transport serial --path <device> [--baud 57600]]
                     [--transport hid [--bridge cp2110|ft260] [--vid 10c4 --pid ea80] [--path /dev/hidrawN]]
                     [--password <n>] [--new-password <n>] [--identify] [--json]
      checks the fingerprint reader (the one in config.json when no --transport is given);
      --identify waits up to 15 s for one finger and reports the slot it matched;
      --new-password sets the module password (then put it in config.json: hardware.fingerprint.password)
  hardware fingerprint --list [--json]
      lists serial ports and HID-to-UART bridges (CP2110, FT260) found on this machine`;

export interface ReaderReport {
  ok: true;
  transport: 'serial' | 'hid';
  device: string;
  librarySize: number;
  templateCount: number;
  securityLevel: number;
  /** Present only with --identify: the slot and score found, or null (no match, or no finger in time). */
  match?: { slot: number; score: number } | null;
  /** Present only with --new-password: the module now answers to the new password. */
  passwordChanged?: true;
}

export interface ProbeOptions {
  password: number;
  /** Set this module password after verifying the current one, and verify it. */
  newPassword?: number;
  identify: boolean;
  /** How long --identify waits for a finger. */
  identifyTimeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told once when --identify starts waiting, so the technician knows to press. */
  onWaiting?: () => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Talks to the module over `transport`: password, system parameters, template count, optionally one finger. */
export async function probeReader(config: RealReaderConfig, transport: ByteTransport, options: ProbeOptions): Promise<ReaderReport> {
  const module = new R30xModule({ transport, address: config.address });
  await module.open();
  try {
    await module.verifyPassword(options.password);
    let passwordChanged = false;
    if (options.newPassword !== undefined) {
      await module.setPassword(options.newPassword);
      await module.verifyPassword(options.newPassword);
      passwordChanged = true;
    }
    const params = await module.readSystemParameters();
    const report: ReaderReport = {
      ok: true,
      transport: config.driver,
      device: transport.description,
      librarySize: params.librarySize,
      templateCount: await module.templateCount(),
      securityLevel: params.securityLevel,
      ...(passwordChanged ? { passwordChanged: true as const } : {}),
    };
    if (options.identify) {
      options.onWaiting?.();
      report.match = await waitForFinger(module, options);
    }
    return report;
  } finally {
    await module.close();
  }
}

async function waitForFinger(module: R30xModule, options: ProbeOptions): Promise<Hit | null> {
  const sleep = options.sleep ?? sleepFor;
  const deadline = Date.now() + (options.identifyTimeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    try {
      const result = await module.identify();
      if (result !== 'no_finger') return result;
    } catch (err) {
      // A smudged or moving finger: ask again until the time is up.
      if (!(err instanceof ModuleError)) throw err;
    }
    await sleep(options.pollMs ?? 250);
  }
  return null;
}

/** A sentence for the technician (no stack traces). */
export function explainReaderError(err: unknown, config: RealReaderConfig): string {
  const where = config.driver === 'serial' ? `serial port ${config.path}` : `HID bridge ${config.bridge ?? 'cp2110'}${config.path ? ` at ${config.path}` : ''}`;
  if (err instanceof TransportAbsentError) return `${err.message} (--list shows what is connected)`;
  if (err instanceof ModuleTimeoutError) {
    return `The ${where} opened but the module does not answer. Check the module's power and TX/RX wiring (crossed), and the baud rate (the default is 57600).`;
  }
  // 0x13 wrong password; 0x21 "verify the password first" (R503) when a password is set and we sent another.
  if (err instanceof ModuleError && (err.code === 0x13 || err.code === 0x21)) {
    return 'The module refused the password. Give the one set at provisioning with --password (the factory password is 0).';
  }
  return `The fingerprint reader on the ${where} failed: ${(err as Error).message}`;
}

const FLAG_FOR: Record<string, string> = { path: '--path', baudRate: '--baud', bridge: '--bridge', vendorId: '--vid', productId: '--pid' };

export interface FingerprintCommand {
  list: boolean;
  json: boolean;
  identify: boolean;
  password: number;
  newPassword?: number;
  config: RealReaderConfig | null;
}

/** Turns the flags (or, without --transport, the configured reader) into a reader config. */
export function parseFingerprintArgs(argv: string[], configured: FingerprintConfig): FingerprintCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      transport: { type: 'string' }, path: { type: 'string' }, baud: { type: 'string' }, bridge: { type: 'string' },
      vid: { type: 'string' }, pid: { type: 'string' }, password: { type: 'string' }, 'new-password': { type: 'string' },
      identify: { type: 'boolean' }, json: { type: 'boolean' }, list: { type: 'boolean' },
    },
    strict: true,
  });
  const base = { list: values.list ?? false, json: values.json ?? false, identify: values.identify ?? false };
  if (base.list) return { ...base, password: 0, config: null };
  let candidate: unknown;
  if (values.transport === undefined) {
    if (configured.driver === 'sim') {
      throw new Error('config.json has the simulated reader; name the real one with --transport serial --path <device> or --transport hid');
    }
    candidate = configured;
  } else if (values.transport === 'serial' || values.transport === 'hid') {
    candidate = {
      driver: values.transport,
      ...(values.path !== undefined ? { path: values.path } : {}),
      ...(values.baud !== undefined ? { baudRate: Number(values.baud) } : {}),
      ...(values.bridge !== undefined ? { bridge: values.bridge } : {}),
      ...(values.vid !== undefined ? { vendorId: values.vid } : {}),
      ...(values.pid !== undefined ? { productId: values.pid } : {}),
    };
  } else {
    throw new Error(`--transport is serial or hid, not '${values.transport}'`);
  }
  const parsed = fingerprintConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    // Name the flag the technician typed, not the config key behind it.
    throw new Error(parsed.error.issues.map((i) => `${FLAG_FOR[String(i.path[0])] ?? (i.path.join('.') || 'reader')}: ${i.message}`).join('; ')
      .replace(/^--path: .*/, '--path <device> is needed for a serial reader'));
  }
  const config = parsed.data as RealReaderConfig;
  const password = values.password !== undefined ? modulePassword(values.password, '--password') : config.password ?? 0;
  const newPassword = values['new-password'] !== undefined ? modulePassword(values['new-password'], '--new-password') : undefined;
  return { ...base, password, newPassword, config };
}

function modulePassword(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 0xffffffff) throw new Error(`${flag} is a whole number from 0 to 4294967295`);
  return value;
}

/** Runs the command; returns the exit code. Output is plain text, or one JSON object with --json. */
export async function fingerprintCommand(argv: string[], configured: FingerprintConfig): Promise<number> {
  let command: FingerprintCommand;
  try {
    command = parseFingerprintArgs(argv, configured);
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: npm run provision -- ${FINGERPRINT_USAGE}`);
    return 2;
  }
  if (command.list) return listDevices(command.json);
  const config = command.config!;
  try {
    const report = await probeReader(config, transportFor(config), {
      password: command.password,
      newPassword: command.newPassword,
      identify: command.identify,
      onWaiting: () => { if (!command.json) console.log('place a finger on the reader (waiting up to 15 s)…'); },
    });
    if (command.json) {
      console.log(JSON.stringify(report));
    } else {
      console.log(`reader OK on ${report.device}`);
      console.log(`library ${report.librarySize} slots, ${report.templateCount} in use, security level ${report.securityLevel}`);
      if (report.passwordChanged) console.log('module password changed: set hardware.fingerprint.password in config.json to the new one');
      if (command.identify) {
        console.log(report.match ? `finger matched slot ${report.match.slot} (score ${report.match.score})` : 'no matching finger (or no finger within 15 s)');
      }
    }
    return 0;
  } catch (err) {
    const message = explainReaderError(err, config);
    if (command.json) console.log(JSON.stringify({ ok: false, transport: config.driver, error: message }));
    else console.error(message);
    return 1;
  }
}

async function listDevices(json: boolean): Promise<number> {
  const [serial, hid] = await Promise.all([
    listSerialPorts(),
    listHidBridges().catch((err: unknown) => {
      if (!json) console.error(`HID bridges could not be listed: ${(err as Error).message}`);
      return [];
    }),
  ]);
  if (json) {
    console.log(JSON.stringify({ serial, hid }));
    return 0;
  }
  console.log(serial.length ? 'serial ports:' : 'serial ports: none found');
  for (const port of serial) {
    const about = [port.target && `→ ${port.target}`, port.manufacturer, port.vendorId && port.productId && `${port.vendorId}:${port.productId}`]
      .filter(Boolean).join(' ');
    console.log(`  ${port.path}${about ? `  ${about}` : ''}`);
  }
  console.log(hid.length ? 'HID-to-UART bridges:' : 'HID-to-UART bridges: none found');
  for (const bridge of hid) {
    console.log(`  ${bridge.bridge} ${bridge.vendorId.toString(16).padStart(4, '0')}:${bridge.productId.toString(16).padStart(4, '0')} ${bridge.path}${bridge.serialNumber ? ` serial ${bridge.serialNumber}` : ''}`);
  }
  return 0;
}
