-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "customerActivityAt" DATETIME;

-- CreateTable
CREATE TABLE "TicketPresence" (
    "ticketId" INTEGER NOT NULL,
    "agentId" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("ticketId", "agentId"),
    CONSTRAINT "TicketPresence_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TicketPresence_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketRead" (
    "agentId" INTEGER NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("agentId", "ticketId"),
    CONSTRAINT "TicketRead_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TicketRead_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketPresence_seenAt_idx" ON "TicketPresence"("seenAt");

-- CreateIndex
CREATE INDEX "TicketRead_ticketId_idx" ON "TicketRead"("ticketId");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_customerActivityAt_idx" ON "Ticket"("assigneeId", "customerActivityAt");

-- A reply, an upload, an answer to a request for materials, a withdrawal or an owner's objection is unread for the
-- assignee until they look; kept by the database so that every route writing a customer's event keeps it too.
CREATE TRIGGER "Event_customer_activity" AFTER INSERT ON "Event"
WHEN NEW."actorType" = 'customer' AND NEW."ticketId" IS NOT NULL
  AND NEW."type" IN ('message.added', 'evidence.added', 'ticket.transitioned', 'appeal.withdrawn', 'owner.objected')
BEGIN
  UPDATE "Ticket" SET "customerActivityAt" = NEW."createdAt"
  WHERE "id" = NEW."ticketId" AND ("customerActivityAt" IS NULL OR "customerActivityAt" < NEW."createdAt");
END;
