/** The envelope every channel returns across IPC or the web bridge. Errors carry a code and a
 *  Vietnamese message, never a stack trace. */
export type ErrorCode =
  | 'INVALID_INPUT' // input failed the channel schema or a domain rule
  | 'OUT_OF_RANGE' // a score or count outside what the rule allows
  | 'NOT_FOUND'
  | 'CONFLICT' // e.g. same set id and year with different content
  | 'NEEDS_CONFIRMATION' // the user must confirm (new version of a set)
  | 'INVALID_CRITERIA_SET'
  | 'DATABASE_TOO_NEW'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'TOO_LARGE' // a file above the configured size limit
  | 'UNSUPPORTED_TYPE' // a file type outside the allowlist, or content that does not match its extension
  | 'EMPTY_FILE'
  | 'DISK_FULL'
  | 'READ_ONLY' // the data folder or database file cannot be written
  | 'DATABASE_DAMAGED' // par.sqlite fails its check or is not a database
  | 'CANCELLED' // the user cancelled a long operation; nothing was kept
  | 'FILE_CHANGED' // a file changed, vanished or was cut off while being read
  | 'UNAVAILABLE' // a tool the feature needs is not installed (LibreOffice for PDF)
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Where the problem is: a JSON path such as `fields[0].children[2].maxPoints` or a field name. */
  path?: string | undefined;
  /** Further problems (validation reports several at once). */
  issues?: { path: string; message: string }[] | undefined;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Thrown inside handlers; dispatch turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<AppError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppFailure';
  }
  toError(): AppError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
