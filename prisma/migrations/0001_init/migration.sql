-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "quorumUser" INTEGER NOT NULL DEFAULT 1,
    "quorumQuorum" INTEGER NOT NULL DEFAULT 1,
    "timeoutGenerated" INTEGER NOT NULL DEFAULT 600,
    "timeoutApproved" INTEGER NOT NULL DEFAULT 600
);

-- CreateTable
CREATE TABLE "Hsm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Hsm_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "mfaPublicKey" TEXT,
    "mfaFingerprint" TEXT,
    "mfaKeyBits" INTEGER,
    "mfaRegisteredAt" DATETIME,
    "quorumPublicKey" TEXT,
    "quorumFingerprint" TEXT,
    "quorumKeyBits" INTEGER,
    "quorumRegisteredAt" DATETIME,
    CONSTRAINT "User_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SetupToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
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

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    CONSTRAINT "Challenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChallengeToken" (
    "digest" TEXT NOT NULL PRIMARY KEY,
    "challengeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ChallengeToken_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE INDEX "Challenge_userId_purpose_consumedAt_idx" ON "Challenge"("userId", "purpose", "consumedAt");

-- CreateIndex
CREATE INDEX "ChallengeToken_challengeId_position_idx" ON "ChallengeToken"("challengeId", "position");

