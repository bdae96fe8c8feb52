import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { fingerprintConfigSchema, type FingerprintConfig } from '../../hardware/fingerprint/config.js';
import { GPIO_DRIVERS, LINE_NAMES } from '../../hardware/gpio/index.js';

const lineSchema = z.strictObject({
  direction: z.enum(['in', 'out']),
  chip: z.string().optional(),
  offset: z.number().int().min(0).optional(),
  edge: z.enum(['rising', 'falling', 'both']).optional(),
  activeLow: z.boolean().optional(),
  debounceMs: z.number().int().min(0).max(5000).optional(),
});

/** `DATA_DIR/config.json`, written by `npm run provision`. Every field is optional. */
const fileSchema = z.object({
  centre: z.object({
    name: z.string().min(1).max(100),
    timezone: z.string().min(1),
    /** who a borrower calls about a loan (printed on the take-home loan summary) */
    phone: z.string().min(3).max(40),
  }).partial().optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
  hardware: z.object({
    fingerprint: fingerprintConfigSchema.optional(),
    gpio: z.strictObject({
      driver: z.enum(GPIO_DRIVERS),
      lines: z.partialRecord(z.enum(LINE_NAMES), lineSchema).optional(),
      /** onoff: where sysfs is mounted (chips are found by label there) */
      sysfsRoot: z.string().min(1).optional(),
      /** gpiod: the directory of gpiomon, gpioget, gpioset, gpiodetect (default: PATH) */
      toolsDir: z.string().min(1).optional(),
      /** raw edges per second above which a line counts as chattering (0 turns it off) */
      chatterLimit: z.number().int().min(0).max(1000).optional(),
    }).optional(),
  }).strict().optional(),
  demoData: z.boolean().optional(),
  kiosk: z.object({ idleSec: z.number().int().min(1).max(3600) }).partial().optional(),
  staff: z.object({ sessionIdleSec: z.number().int().min(30).max(3600) }).partial().optional(),
}).strict();

export type ConfigFile = z.infer<typeof fileSchema>;

export interface AppConfig {
  version: string;
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  /** `phone`: who to call about a loan; null when not provisioned */
  centre: { name: string; timezone: string; phone: string | null };
  language: 'zh-CN' | 'en';
  hardware: {
    fingerprint: FingerprintConfig;
    gpio: NonNullable<NonNullable<ConfigFile['hardware']>['gpio']>;
  };
  /** both hardware kinds simulated: the /api/sim routes exist */
  simulated: boolean;
  /** seed demo members on an empty database */
  demoData: boolean;
  kiosk: { idleSec: number };
  staff: { sessionIdleSec: number };
  /** Directory with the built UI (index.html, assets, sw.js). */
  uiDir: string;
  /** Mark the staff cookie Secure (set SECURE_COOKIES=1 when served over HTTPS). localhost works without. */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

function readVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name}=${raw} is not a whole number between ${min} and ${max}`);
  return n;
}

/** The project root: the folder holding package.json (two levels above this file, in source and in build/). */
export function projectRoot(): string {
  let dir = resolve(import.meta.dirname, '..', '..');
  if (!existsSync(join(dir, 'package.json'))) dir = resolve(dir, '..');
  return dir;
}

/**
 * Loads configuration from environment variables and the provisioned `DATA_DIR/config.json`.
 * Env: PORT (8080), HOST (127.0.0.1), DATA_DIR (./data), KIOSK_IDLE_SEC (30), STAFF_IDLE_SEC (300).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = projectRoot()): AppConfig {
  const dataDir = resolve(root, env.DATA_DIR ?? 'data');
  const file = join(dataDir, 'config.json');
  let parsed: ConfigFile = {};
  if (existsSync(file)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file} is not valid JSON (${(err as Error).message}); fix it or re-run npm run provision`);
    }
    const result = fileSchema.safeParse(json);
    if (!result.success) {
      throw new ConfigError(`${file} is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    parsed = result.data;
  }
  const fingerprint = parsed.hardware?.fingerprint ?? { driver: 'sim' as const };
  const gpio = parsed.hardware?.gpio ?? { driver: 'sim' as const };
  const simulated = fingerprint.driver === 'sim' && gpio.driver === 'sim';
  return {
    version: readVersion(root),
    port: intFromEnv(env, 'PORT', 8080, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    dbFile: join(dataDir, 'kiosk.db'),
    centre: {
      name: parsed.centre?.name ?? '阳光残疾人之家（演示）',
      timezone: parsed.centre?.timezone ?? 'Asia/Shanghai',
      phone: parsed.centre?.phone ?? null,
    },
    language: parsed.language ?? 'zh-CN',
    hardware: { fingerprint, gpio },
    simulated,
    demoData: parsed.demoData ?? simulated,
    kiosk: { idleSec: intFromEnv(env, 'KIOSK_IDLE_SEC', parsed.kiosk?.idleSec ?? 30, 1, 3600) },
    staff: { sessionIdleSec: intFromEnv(env, 'STAFF_IDLE_SEC', parsed.staff?.sessionIdleSec ?? 300, 30, 3600) },
    uiDir: resolve(root, env.UI_DIR ?? 'kiosk-ui/dist'),
    secureCookies: env.SECURE_COOKIES === '1',
  };
}
