/**
 * Instruction and confirmation codes of the "0xEF01" protocol (HARDWARE.md; R503 user manual).
 * UpChar (08), DownChar (09), UpImage (0A) and DownImage (0B) are deliberately absent: images and
 * templates never leave the sensor, so the driver has no way to ask for them.
 */
export const Instruction = {
  GenImg: 0x01,
  Img2Tz: 0x02,
  Match: 0x03,
  Search: 0x04,
  RegModel: 0x05,
  Store: 0x06,
  DeletChar: 0x0c,
  Empty: 0x0d,
  ReadSysPara: 0x0f,
  SetPwd: 0x12,
  VfyPwd: 0x13,
  TemplateNum: 0x1d,
  ReadIndexTable: 0x1f,
} as const;

export type InstructionName = keyof typeof Instruction;
export type InstructionCode = (typeof Instruction)[InstructionName];

const INSTRUCTION_NAMES = new Map<number, InstructionName>(
  Object.entries(Instruction).map(([name, code]) => [code, name as InstructionName]),
);

/** The instruction's name for logs, or `0xNN` for a code this driver does not send. */
export function instructionName(code: number): string {
  return INSTRUCTION_NAMES.get(code) ?? hex(code);
}

/** Confirmation codes (first payload byte of an acknowledgement) this driver acts on or reports. */
export const Confirmation = {
  ok: 0x00,
  packet_error: 0x01,
  no_finger: 0x02,
  capture_failed: 0x03,
  messy_image: 0x06,
  few_features: 0x07,
  no_match: 0x08,
  not_found: 0x09,
  enrol_mismatch: 0x0a,
  bad_slot: 0x0b,
  bad_template: 0x0c,
  delete_failed: 0x10,
  clear_failed: 0x11,
  wrong_password: 0x13,
  invalid_image: 0x15,
  flash_write_error: 0x18,
  // R503 manual: newer firmware answers this to any instruction before VfyPwd when a password is set.
  password_not_verified: 0x21,
} as const;

export type ConfirmationName = keyof typeof Confirmation;

const CONFIRMATION_NAMES = new Map<number, ConfirmationName>(
  Object.entries(Confirmation).map(([name, code]) => [code, name as ConfirmationName]),
);

/** The confirmation code's name, or `unknown_0xNN` (modules differ in the codes above 0x18). */
export function confirmationName(code: number): string {
  return CONFIRMATION_NAMES.get(code) ?? `unknown_${hex(code)}`;
}

function hex(code: number): string {
  return `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
}
