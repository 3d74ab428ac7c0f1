-- The audit log filtered by day walks this index instead of the whole chain (issue 9).
CREATE INDEX "AuditEvent_chain_createdAt_idx" ON "AuditEvent"("chain", "createdAt");
