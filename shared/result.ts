/**
 * Expected failures travel as values, never as thrown errors (STYLE §7).
 * Every contract call resolves to a Result; a throw inside a handler is a bug
 * and is reported as `internal`.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'storage-full'
  | 'storage-readonly'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside services to abort with an expected, user-presentable failure. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
