import { confirmationName } from '../protocol/instructions.js';

/** The module answered, with a confirmation code other than the ones the operation expects. */
export class ModuleError extends Error {
  readonly codeName: string;

  constructor(readonly instruction: string, readonly code: number) {
    const codeName = confirmationName(code);
    super(`Fingerprint module answered ${instruction} with ${codeName} (0x${code.toString(16).padStart(2, '0')})`);
    this.name = 'ModuleError';
    this.codeName = codeName;
  }
}

/** No usable answer within the time allowed, after the retries that were safe. */
export class ModuleTimeoutError extends Error {
  constructor(readonly instruction: string, readonly timeoutMs: number, readonly attempts: number, message?: string) {
    super(message ?? `Fingerprint module did not answer ${instruction} within ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'}); check its cable and power`);
    this.name = 'ModuleTimeoutError';
  }
}

/** The link to the module closed (unplugged, port error, or close() was asked for). */
export class ModuleDisconnectedError extends Error {
  constructor(readonly instruction: string, cause: Error | null) {
    super(`Fingerprint module link closed during ${instruction}${cause ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'ModuleDisconnectedError';
  }
}
