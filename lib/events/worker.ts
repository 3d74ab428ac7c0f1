import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { now } from "../clock";
import { db } from "../db/client";
import { logger } from "../ops/logger";
import { metrics } from "../ops/metrics";
import { settings } from "../settings";
import type { EventPayload } from "./payload";
import type { Sink } from "./sinks";
import { configuredSinks } from "./sinks";
import { sendSyslog, syslogMessage } from "./syslog";
import { postWebhook } from "./webhook";

export const SEND_TIMEOUT_MS = 10_000;
// Longer than one send can take: a lease outliving its holder only delays the row, never doubles it.
const LEASE_MS = 3 * SEND_TIMEOUT_MS;
const KEEP_DELIVERED_MS = 24 * 3600_000;

/** Seconds before the next try after `attempts` failures: 1, 2, 4, … capped at five minutes. */
export const backoffSeconds = (attempts: number) => Math.min(300, 2 ** Math.max(0, attempts - 1));

const instance = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

async function send(sink: Sink, row: { eventId: string; payload: string }): Promise<void> {
  const s = settings();
  if (sink === "webhook") return postWebhook(s.WEBHOOK_URL!, s.WEBHOOK_SECRET!, row.eventId, row.payload, SEND_TIMEOUT_MS);
  return sendSyslog(s.SYSLOG_URL!, syslogMessage(JSON.parse(row.payload) as EventPayload), SEND_TIMEOUT_MS);
}

/**
 * Takes the row only if no instance holds a live lease on it: a conditional update that exactly one
 * claimant wins, in the database, so several instances never send one chain's events side by side.
 */
async function claim(id: string, t: Date): Promise<boolean> {
  const won = await db.outboxMessage.updateMany({
    where: { id, deliveredAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: t } }] },
    data: { leaseOwner: instance, leaseUntil: new Date(t.getTime() + LEASE_MS) },
  });
  return won.count === 1;
}

/**
 * Sends one chain's waiting events in order. Only the oldest undelivered event of a chain is ever tried,
 * so a failure holds back the events behind it (in order, at least once) until its retry succeeds.
 */
async function drainChain(sink: Sink, chain: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const t = now();
    const head = await db.outboxMessage.findFirst({ where: { sink, chain, deliveredAt: null }, orderBy: { seq: "asc" } });
    if (!head || head.nextAttemptAt > t || !(await claim(head.id, t))) return;
    try {
      await send(sink, head);
      await db.outboxMessage.updateMany({ where: { id: head.id, leaseOwner: instance }, data: { deliveredAt: now(), leaseOwner: null, leaseUntil: null, lastError: null } });
      metrics().deliveries.inc({ sink, outcome: "delivered" });
    } catch (e) {
      const attempts = head.attempts + 1;
      const reason = (e as Error).message.slice(0, 300);
      await db.outboxMessage.updateMany({
        where: { id: head.id, leaseOwner: instance },
        data: { attempts, lastError: reason, nextAttemptAt: new Date(now().getTime() + backoffSeconds(attempts) * 1000), leaseOwner: null, leaseUntil: null },
      });
      metrics().deliveries.inc({ sink, outcome: "failed" });
      logger().warn({ sink, event_id: head.eventId, chain, seq: head.seq, attempts, reason }, `${sink} delivery failed; retrying in ${backoffSeconds(attempts)} s`);
      return;
    }
  }
}

/** One pass over every sink and chain; returns when nothing is ready to send or the deadline passed. */
export async function deliverPending(deadline = Date.now() + 60_000): Promise<void> {
  for (const sink of configuredSinks()) {
    const chains = await db.outboxMessage.groupBy({ by: ["chain"], where: { sink, deliveredAt: null }, _count: { _all: true } });
    metrics().outboxPending.set({ sink }, chains.reduce((n, c) => n + c._count._all, 0));
    for (const { chain } of chains) await drainChain(sink, chain, deadline);
  }
}

/** Delivered rows are kept a day (to look into a receiver's complaint), then dropped. */
export async function pruneDelivered(): Promise<void> {
  await db.outboxMessage.deleteMany({ where: { deliveredAt: { lt: new Date(now().getTime() - KEEP_DELIVERED_MS) } } });
}
