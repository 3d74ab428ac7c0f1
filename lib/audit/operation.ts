import "server-only";
import type { Ctx } from "../auth/actor";
import { db } from "../db/client";
import { isStorageError, storageRefusal } from "../db/storage-errors";
import { OpError } from "../errors";
import { logUnexpected } from "../log";
import { recordAudit, type AuditEntry } from "./record";

export type AuditScope = {
  /** Set as soon as the operation knows whom it acts on, so a refusal names it too. */
  target?: string;
  clusterId?: string;
  /** Writes the success event, inside the operation's own transaction. */
  success(client: Parameters<typeof recordAudit>[0], extra?: Partial<AuditEntry>): Promise<void>;
};

/**
 * Runs one operation: on success the operation writes its own event inside its transaction; on failure
 * nothing it did survives and a failure event is written here, after the rollback.
 */
export async function runOperation<T>(ctx: Ctx, operation: string, body: (audit: AuditScope) => Promise<T>): Promise<T> {
  const audit: AuditScope = {
    clusterId: ctx.actor?.clusterId,
    async success(client, extra) {
      await recordAudit(client, {
        clusterId: audit.clusterId,
        actor: ctx.actor,
        operation,
        target: audit.target,
        outcome: "success",
        meta: ctx.meta,
        ...extra,
      });
    },
  };
  try {
    return await body(audit);
  } catch (caught) {
    if (isStorageError(caught)) logUnexpected(`${operation} (storage)`, caught);
    const e = isStorageError(caught) ? storageRefusal() : caught;
    const expected = e instanceof OpError;
    const failure = expected ? e : new OpError(400, "");
    let message = failure.message;
    const reason = expected ? failure.details.auditReason : undefined;
    if (!expected) {
      const id = logUnexpected(operation, e);
      message = `Something went wrong on the server (error ${id}); nothing was changed. Try again, or give this id to whoever runs the console.`;
    }
    if (expected && failure.details.unaudited) throw e;
    await recordAudit(db, {
      clusterId: audit.clusterId,
      actor: ctx.actor,
      operation,
      target: audit.target,
      outcome: "failure",
      error: reason ? `${message} [${reason}]` : message,
      meta: ctx.meta,
    }).catch((err) => logUnexpected(`audit of ${operation}`, err));
    if (expected) throw e;
    throw new UnexpectedError(message);
  }
}

/** An unexpected failure, already logged; its message is generic and safe to show. */
export class UnexpectedError extends Error {
  readonly status = 500;
}
