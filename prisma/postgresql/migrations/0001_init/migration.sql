-- The PostgreSQL twin of prisma/migrations/0001_init: PostgreSQL support began with 0006_outbox, so its
-- history starts here with the whole schema of that day, and 0002…0006 are kept as empty twins (decision 0101).
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "quorumUser" INTEGER NOT NULL DEFAULT 1,
    "quorumQuorum" INTEGER NOT NULL DEFAULT 1,
    "timeoutGenerated" INTEGER NOT NULL DEFAULT 600,
    "timeoutApproved" INTEGER NOT NULL DEFAULT 600,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hsm" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hsm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),
    "mfaPublicKey" TEXT,
    "mfaFingerprint" TEXT,
    "mfaKeyBits" INTEGER,
    "mfaRegisteredAt" TIMESTAMP(3),
    "quorumPublicKey" TEXT,
    "quorumFingerprint" TEXT,
    "quorumKeyBits" INTEGER,
    "quorumRegisteredAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "refused" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SetupToken" (
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    "after" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateTable
CREATE TABLE "AuditArchive" (
    "id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditArchive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "lastHash" TEXT NOT NULL,
    "brokenSeq" INTEGER,
    "brokenEventId" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeToken" (
    "digest" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ChallengeToken_pkey" PRIMARY KEY ("digest")
);

-- CreateTable
CREATE TABLE "QuorumToken" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "operation" TEXT,
    "approvalData" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),

    CONSTRAINT "QuorumToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuorumApproval" (
    "id" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuorumApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "sink" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadinessCheck" (
    "id" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadinessCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "Hsm_clusterId_createdAt_idx" ON "Hsm"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "User_clusterId_role_username_idx" ON "User"("clusterId", "role", "username");

-- CreateIndex
CREATE INDEX "User_clusterId_locked_idx" ON "User"("clusterId", "locked");

-- CreateIndex
CREATE INDEX "User_clusterId_mfaFingerprint_idx" ON "User"("clusterId", "mfaFingerprint");

-- CreateIndex
CREATE INDEX "User_clusterId_quorumFingerprint_idx" ON "User"("clusterId", "quorumFingerprint");

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

-- CreateIndex
CREATE UNIQUE INDEX "User_clusterId_username_key" ON "User"("clusterId", "username");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_clusterId_createdAt_idx" ON "AuditEvent"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_clusterId_operation_createdAt_idx" ON "AuditEvent"("clusterId", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_actorUsername_seq_idx" ON "AuditEvent"("chain", "actorUsername", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_target_seq_idx" ON "AuditEvent"("chain", "target", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chain_seq_key" ON "AuditEvent"("chain", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditArchive_chain_toSeq_key" ON "AuditArchive"("chain", "toSeq");

-- CreateIndex
CREATE INDEX "AuditVerification_chain_verifiedAt_idx" ON "AuditVerification"("chain", "verifiedAt");

-- CreateIndex
CREATE INDEX "Challenge_userId_purpose_consumedAt_idx" ON "Challenge"("userId", "purpose", "consumedAt");

-- CreateIndex
CREATE INDEX "ChallengeToken_challengeId_position_idx" ON "ChallengeToken"("challengeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuorumToken_token_key" ON "QuorumToken"("token");

-- CreateIndex
CREATE INDEX "QuorumToken_clusterId_usedAt_expiresAt_idx" ON "QuorumToken"("clusterId", "usedAt", "expiresAt");

-- CreateIndex
CREATE INDEX "QuorumToken_requesterId_service_usedAt_idx" ON "QuorumToken"("requesterId", "service", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuorumApproval_tokenId_approverId_key" ON "QuorumApproval"("tokenId", "approverId");

-- CreateIndex
CREATE INDEX "OutboxMessage_sink_deliveredAt_chain_seq_idx" ON "OutboxMessage"("sink", "deliveredAt", "chain", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_sink_eventId_key" ON "OutboxMessage"("sink", "eventId");

-- AddForeignKey
ALTER TABLE "Hsm" ADD CONSTRAINT "Hsm_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeToken" ADD CONSTRAINT "ChallengeToken_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuorumToken" ADD CONSTRAINT "QuorumToken_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuorumToken" ADD CONSTRAINT "QuorumToken_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuorumApproval" ADD CONSTRAINT "QuorumApproval_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "QuorumToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuorumApproval" ADD CONSTRAINT "QuorumApproval_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

