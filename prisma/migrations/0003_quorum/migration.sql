-- CreateTable
CREATE TABLE "QuorumToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clusterId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "operation" TEXT,
    "approvalData" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "usedAt" DATETIME,
    CONSTRAINT "QuorumToken_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuorumToken_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuorumApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "QuorumApproval_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "QuorumToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuorumApproval_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "QuorumToken_token_key" ON "QuorumToken"("token");

-- CreateIndex
CREATE INDEX "QuorumToken_clusterId_usedAt_expiresAt_idx" ON "QuorumToken"("clusterId", "usedAt", "expiresAt");

-- CreateIndex
CREATE INDEX "QuorumToken_requesterId_service_usedAt_idx" ON "QuorumToken"("requesterId", "service", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuorumApproval_tokenId_approverId_key" ON "QuorumApproval"("tokenId", "approverId");

