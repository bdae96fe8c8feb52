import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** Where the id is looked for; tests point these at fixtures. */
export interface HardwareIdSources { cpuinfo: string; machineId: string; dataDir: string }

const GENERATED_FILE = 'hardware-id';

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * A stable id for §1: the Pi's board serial from /proc/cpuinfo (it survives a reinstalled SD card),
 * else /etc/machine-id, else an id generated once and kept in DATA_DIR.
 */
export function hardwareId(sources: HardwareIdSources): string {
  const serial = /^Serial\s*:\s*([0-9a-f]+)\s*$/im.exec(readOrEmpty(sources.cpuinfo))?.[1];
  if (serial && /[1-9a-f]/i.test(serial)) return `pi-serial:${serial.toLowerCase()}`;
  const machineId = readOrEmpty(sources.machineId).trim();
  if (/^[0-9a-f]{32}$/i.test(machineId)) return `machine-id:${machineId.toLowerCase()}`;
  const file = join(sources.dataDir, GENERATED_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(sources.dataDir, { recursive: true });
  const id = `generated:${randomUUID()}`;
  writeFileSync(file, `${id}\n`);
  return id;
}
