import "server-only";
import { NextResponse } from "next/server";
import { UnexpectedError } from "../audit/operation";
import { OpError } from "../errors";
import { logUnexpected } from "../log";

// API answers hold session tokens and account data: no browser or proxy may keep a copy.
const NO_STORE = { "Cache-Control": "no-store" };

/** cloudhsm-cli's answer shape: error_code 0 with data, or 1 with the message a person reads. */
export function ok(data: unknown, status = 200) {
  const body = data instanceof WithWarning ? { error_code: 0, data: data.data, warning: data.warning } : { error_code: 0, data };
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/**
 * An answer whose `data` must stay what cloudhsm-cli prints (a sentence) but that carries advice: the
 * advice goes beside it as `warning`, a key the CLI's consumers ignore.
 */
export class WithWarning {
  constructor(
    readonly data: unknown,
    readonly warning: string,
  ) {}
}

export const withWarning = (data: unknown, warning: string | undefined) => (warning ? new WithWarning(data, warning) : data);

export function fail(status: number, message: string, headers?: Record<string, string>) {
  return NextResponse.json({ error_code: 1, data: message }, { status, headers: { ...NO_STORE, ...headers } });
}

export function failFromError(where: string, e: unknown) {
  if (e instanceof OpError) {
    const retry = e.details.retryAfterSeconds;
    return fail(e.status, e.message, retry ? { "Retry-After": String(retry) } : undefined);
  }
  if (e instanceof UnexpectedError) return fail(500, e.message);
  const id = logUnexpected(where, e);
  return fail(500, `Something went wrong on the server (error ${id}); nothing was changed.`);
}
