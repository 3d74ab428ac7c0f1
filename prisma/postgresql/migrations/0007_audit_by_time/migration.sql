-- The PostgreSQL twin of prisma/migrations/0007_audit_by_time (scripts/postgres-schema.mjs).
-- CreateIndex
CREATE INDEX "AuditEvent_chain_createdAt_idx" ON "AuditEvent"("chain", "createdAt");

