-- DropIndex
DROP INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_id_idx";

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_covering_idx" ON "Ticket"("status", "slaDueAt", "slaPausedAt", "assigneeId", "kind", "id", "updatedAt");

