import "server-only";

export type FieldErrors = Record<string, string[]>;

/** An expected failure: its message is written for the person who caused it and is safe to show. */
export class OpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly details: {
      fieldErrors?: FieldErrors;
      retryAfterSeconds?: number;
      data?: unknown;
      auditReason?: string;
      /** Already in the audit log in another form (a burst of refusals is audited once, with its count). */
      unaudited?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "OpError";
  }
}

export const notSignedIn = () => new OpError(401, "Sign in first: this operation needs a valid session.");
export const forbidden = (what: string) => new OpError(403, what);

export function isOpError(e: unknown): e is OpError {
  return e instanceof OpError;
}
