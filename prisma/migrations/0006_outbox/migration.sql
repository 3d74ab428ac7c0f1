-- AlterTable
ALTER TABLE "QuorumToken" ADD COLUMN "expiredAt" DATETIME;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sink" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "deliveredAt" DATETIME,
    "lastError" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_sink_eventId_key" ON "OutboxMessage"("sink", "eventId");

-- CreateIndex
CREATE INDEX "OutboxMessage_sink_deliveredAt_chain_seq_idx" ON "OutboxMessage"("sink", "deliveredAt", "chain", "seq");

-- CreateTable
CREATE TABLE "ReadinessCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkedAt" DATETIME NOT NULL
);
