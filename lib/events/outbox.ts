import "server-only";
import type { ChainedFields } from "../audit/chain";
import type { Tx } from "../db/client";
import { eventPayload } from "./payload";
import { configuredSinks } from "./sinks";

/**
 * Queues one audit event for every configured sink, in the event's own transaction: the event and its
 * delivery commit or roll back together, and a dead receiver never touches the operation itself.
 */
export async function enqueueEvent(tx: Tx, event: ChainedFields & { hash: string }): Promise<void> {
  const sinks = configuredSinks();
  if (sinks.length === 0) return;
  const payload = JSON.stringify(await eventPayload(tx, event));
  for (const sink of sinks) {
    await tx.outboxMessage.create({
      data: { sink, eventId: event.id, chain: event.chain, seq: event.seq, payload, createdAt: event.createdAt, nextAttemptAt: event.createdAt },
    });
  }
}
