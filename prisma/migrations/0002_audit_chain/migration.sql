-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditArchive" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chain" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "archivedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chain" TEXT NOT NULL,
    "verifiedAt" DATETIME NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "lastHash" TEXT NOT NULL,
    "brokenSeq" INTEGER,
    "brokenEventId" TEXT,
    "message" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clusterId" TEXT,
    "actorUserId" TEXT,
    "actorUsername" TEXT,
    "actorRole" TEXT,
    "operation" TEXT NOT NULL,
    "target" TEXT,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "before" TEXT,
    "after" TEXT
);
INSERT INTO "new_AuditEvent" ("actorRole", "actorUserId", "actorUsername", "after", "before", "clusterId", "createdAt", "error", "id", "ip", "operation", "outcome", "target", "userAgent") SELECT "actorRole", "actorUserId", "actorUsername", "after", "before", "clusterId", "createdAt", "error", "id", "ip", "operation", "outcome", "target", "userAgent" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_clusterId_createdAt_idx" ON "AuditEvent"("clusterId", "createdAt");
CREATE INDEX "AuditEvent_clusterId_operation_createdAt_idx" ON "AuditEvent"("clusterId", "operation", "createdAt");
CREATE INDEX "AuditEvent_chain_actorUsername_seq_idx" ON "AuditEvent"("chain", "actorUsername", "seq");
CREATE INDEX "AuditEvent_chain_target_seq_idx" ON "AuditEvent"("chain", "target", "seq");
CREATE UNIQUE INDEX "AuditEvent_chain_seq_key" ON "AuditEvent"("chain", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AuditArchive_chain_toSeq_key" ON "AuditArchive"("chain", "toSeq");

-- CreateIndex
CREATE INDEX "AuditVerification_chain_verifiedAt_idx" ON "AuditVerification"("chain", "verifiedAt");

-- CreateIndex
CREATE INDEX "User_clusterId_role_mfaFingerprint_idx" ON "User"("clusterId", "role", "mfaFingerprint");

-- CreateIndex
CREATE INDEX "User_clusterId_lastLoginAt_idx" ON "User"("clusterId", "lastLoginAt");

-- CreateIndex
CREATE INDEX "User_clusterId_mfaKeyBits_idx" ON "User"("clusterId", "mfaKeyBits");

-- CreateIndex
CREATE INDEX "User_clusterId_quorumKeyBits_idx" ON "User"("clusterId", "quorumKeyBits");

-- CreateIndex
CREATE INDEX "User_clusterId_mfaRegisteredAt_idx" ON "User"("clusterId", "mfaRegisteredAt");

-- CreateIndex
CREATE INDEX "User_clusterId_quorumRegisteredAt_idx" ON "User"("clusterId", "quorumRegisteredAt");

