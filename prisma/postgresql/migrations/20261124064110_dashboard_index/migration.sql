-- DropIndex
DROP INDEX "Ticket_decidedAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_decidedAt_submittedAt_decision_status_idx" ON "Ticket"("decidedAt", "submittedAt", "decision", "status");

