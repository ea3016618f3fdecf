-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "customerActivityAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TicketPresence" (
    "ticketId" INTEGER NOT NULL,
    "agentId" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketPresence_pkey" PRIMARY KEY ("ticketId","agentId")
);

-- CreateTable
CREATE TABLE "TicketRead" (
    "agentId" INTEGER NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketRead_pkey" PRIMARY KEY ("agentId","ticketId")
);

-- CreateIndex
CREATE INDEX "TicketPresence_seenAt_idx" ON "TicketPresence"("seenAt");

-- CreateIndex
CREATE INDEX "TicketRead_ticketId_idx" ON "TicketRead"("ticketId");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_customerActivityAt_idx" ON "Ticket"("assigneeId", "customerActivityAt");

-- AddForeignKey
ALTER TABLE "TicketPresence" ADD CONSTRAINT "TicketPresence_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPresence" ADD CONSTRAINT "TicketPresence_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketRead" ADD CONSTRAINT "TicketRead_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketRead" ADD CONSTRAINT "TicketRead_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A reply, an upload, an answer to a request for materials, a withdrawal or an owner's objection is unread for the
-- assignee until they look; kept by the database so that every route writing a customer's event keeps it too.
CREATE FUNCTION "Event_customer_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" SET "customerActivityAt" = NEW."createdAt"
  WHERE "id" = NEW."ticketId" AND ("customerActivityAt" IS NULL OR "customerActivityAt" < NEW."createdAt");
  RETURN NULL;
END $$;

CREATE TRIGGER "Event_customer_activity" AFTER INSERT ON "Event" FOR EACH ROW
  WHEN (NEW."actorType" = 'customer' AND NEW."ticketId" IS NOT NULL
    AND NEW."type" IN ('message.added', 'evidence.added', 'ticket.transitioned', 'appeal.withdrawn', 'owner.objected'))
  EXECUTE FUNCTION "Event_customer_activity"();
