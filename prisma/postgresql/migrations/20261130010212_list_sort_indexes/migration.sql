-- DropIndex
DROP INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_idx";

-- DropIndex
DROP INDEX "Ticket_status_updatedAt_assigneeId_kind_idx";

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_id_idx" ON "Ticket"("status", "slaDueAt", "slaPausedAt", "assigneeId", "kind", "id");

-- CreateIndex
CREATE INDEX "Ticket_status_updatedAt_covering_idx" ON "Ticket"("status", "updatedAt", "assigneeId", "kind", "submittedAt", "reference", "id");

-- CreateIndex
CREATE INDEX "Ticket_status_id_idx" ON "Ticket"("status", "id");

-- CreateIndex
CREATE INDEX "Ticket_kind_id_idx" ON "Ticket"("kind", "id");

