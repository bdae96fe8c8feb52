import { z } from 'zod';

/** A 16-bit USB id as a number or hex text ("10c4", "0x10C4"), as technicians copy it from lsusb. */
const usbId = z.union([
  z.number().int().min(0).max(0xffff),
  z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/).transform((s) => Number.parseInt(s.replace(/^0x/i, ''), 16)),
], { error: 'a USB id is a number or 1–4 hex digits, e.g. "10c4"' });

/** Settings every real reader shares. */
const realReader = {
  /**
   * Names the module the enrolments live on (the R30x has no readable serial number). Keep it when a
   * cable or adapter changes; change it when the module itself is replaced, since its templates do not
   * move with the kiosk.
   */
  sensorId: z.string().min(1).max(64).optional(),
  /** Module password set at provisioning (VfyPwd); 0 is the factory default. Never logged. */
  password: z.number().int().min(0).max(0xffffffff).optional(),
  /** Module address; the factory default is FFFFFFFF. */
  address: z.number().int().min(0).max(0xffffffff).optional(),
  /** How often to ask for a finger when no touch line is wired. */
  pollIntervalMs: z.number().int().min(50).max(5000).optional(),
  /** Use the GPIO line `finger_touch` (the module's TOUCH/WAKEUP output) instead of polling. */
  touchLine: z.boolean().optional(),
  baudRate: z.number().int().min(9600).max(115200).optional(),
};

export const fingerprintConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({
    driver: z.literal('sim'),
    sensorId: z.string().min(1).max(64).optional(),
    capacity: z.number().int().min(1).max(3000).optional(),
  }),
  z.strictObject({ driver: z.literal('serial'), path: z.string().min(1).max(200), ...realReader }),
  z.strictObject({
    driver: z.literal('hid'),
    bridge: z.enum(['cp2110', 'ft260']).optional(),
    vendorId: usbId.optional(),
    productId: usbId.optional(),
    /** A hidraw path wins over vendorId/productId. */
    path: z.string().min(1).max(200).optional(),
    ...realReader,
  }),
]);

export type FingerprintConfig = z.infer<typeof fingerprintConfigSchema>;

export const FINGERPRINT_DRIVERS = ['hid', 'serial', 'sim'] as const;

/** Used when a real reader's config names no sensorId. */
export const DEFAULT_SENSOR_ID = 'reader-0';
