import "server-only";
import { db } from "../db/client";
import { deliverPending, pruneDelivered } from "../events/worker";
import { recordExpiredQuorumTokens } from "../quorum/expire";
import { logger } from "./logger";

const POLL_MS = 1_000;
const SWEEP_EVERY_MS = 10_000;
const FLUSH_MS = 5_000;

/**
 * The server's background work: quorum expiry events and outbox delivery, polled from the database (the
 * state lives there, so a restart or a second instance simply carries on). Returns the graceful stop.
 */
export function startBackgroundWork(): () => Promise<void> {
  let stopping = false;
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      if (Date.now() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await recordExpiredQuorumTokens();
        await pruneDelivered();
      }
      await deliverPending(Date.now() + 30_000);
    } catch (e) {
      logger().error({ err: { message: (e as Error).message } }, "background pass failed; trying again");
    }
  };
  const loop = () => {
    if (stopping) return;
    running = pass().finally(() => {
      if (!stopping) timer = setTimeout(loop, POLL_MS);
    });
  };
  timer = setTimeout(loop, 200);

  return async function stop() {
    stopping = true;
    clearTimeout(timer);
    await running;
    // Flush: one last, bounded attempt at whatever is waiting; what stays is sent after the restart.
    await deliverPending(Date.now() + FLUSH_MS).catch((e) => logger().warn({ err: { message: (e as Error).message } }, "final outbox flush failed"));
    await db.$disconnect();
  };
}
