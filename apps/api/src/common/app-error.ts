/**
 * The closed set of failures the API reports. Services throw `AppError` with one of these;
 * `AppErrorFilter` is the only place that turns a code into an HTTP status (STYLE.md §12).
 */
export const appErrorCodes = {
  /** A body, path parameter or query did not match its schema; the message names the field. */
  VALIDATION_FAILED: 400,
  /** No bearer token, or one that is malformed, forged or expired. */
  UNAUTHENTICATED: 401,
  /** Login refused. Same code and message for an unknown email and a wrong password. */
  INVALID_CREDENTIALS: 401,
  /**
   * Nothing with that id in the caller's tenant. Also what another tenant's id and a string
   * without samples yield, with the same message, so a response never reveals that an id exists.
   */
  NOT_FOUND: 404,
  /** Authenticated, but the caller's role may not do this (issue 8 fills in the roles). */
  FORBIDDEN: 403,
  /** The request is valid but the resource's state forbids it now (e.g. acknowledging a closed alarm). */
  CONFLICT: 409,
  /** Too many attempts on a login, TOTP, reset or invitation route; the response says when to retry (Retry-After). */
  RATE_LIMITED: 429,
  /** This deployment lacks what the route needs (e.g. no NATS account signing key for gateway credentials). */
  NOT_CONFIGURED: 503,
  /** The database did not answer. */
  DATABASE_UNAVAILABLE: 503,
  /** Another dependency (NATS) is unreachable; the message names it (readiness). */
  DEPENDENCY_UNAVAILABLE: 503,
  /** A bug or an unexpected dependency failure; details are in the log under the request id. */
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  return appErrorCodes[code];
}
