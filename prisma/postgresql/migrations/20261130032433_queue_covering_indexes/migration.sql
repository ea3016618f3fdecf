-- DropIndex
DROP INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_id_idx";

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_covering_idx" ON "Ticket"("status", "slaDueAt", "slaPausedAt", "assigneeId", "kind", "id", "updatedAt");


-- Written by hand (Prisma's schema cannot say INCLUDE): a search's newest matches are read by walking this index
-- backwards, the search text beside each id, without visiting a ticket's row (docs/architecture.md §7).
CREATE INDEX "Ticket_id_searchText_idx" ON "Ticket"("id") INCLUDE ("searchText");
