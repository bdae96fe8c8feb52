/** Why a request could not be done; the app maps each kind to one HTTP status. */
export type ErrorKind =
  | 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'unsupported_media_type' | 'locked' | 'unavailable';

/**
 * An error the domain expects and explains. `code` is stable (clients branch on it); `message` is a
 * plain English sentence for logs and technicians; `extra` carries fields a client may show.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
