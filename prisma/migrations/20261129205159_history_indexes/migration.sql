-- CreateTable
CREATE TABLE "TicketDigest" (
    "digest" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,

    PRIMARY KEY ("digest", "ticketId"),
    CONSTRAINT "TicketDigest_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketDigest_ticketId_idx" ON "TicketDigest"("ticketId");

-- CreateIndex
CREATE INDEX "Ticket_contactPhone_id_idx" ON "Ticket"("contactPhone", "id");

-- CreateIndex
CREATE INDEX "Ticket_accountUin_id_idx" ON "Ticket"("accountUin", "id");

-- TicketDigest follows Ticket.fieldDigests (an object of field → keyed hash); erasure empties it, so the rows go too.
CREATE TRIGGER "Ticket_digest_insert" AFTER INSERT ON "Ticket" BEGIN
  INSERT OR IGNORE INTO "TicketDigest" ("digest", "ticketId")
  SELECT "value", NEW."id" FROM json_each(NEW."fieldDigests") WHERE json_valid(NEW."fieldDigests") AND "type" = 'text';
END;

CREATE TRIGGER "Ticket_digest_update" AFTER UPDATE OF "fieldDigests" ON "Ticket" BEGIN
  DELETE FROM "TicketDigest" WHERE "ticketId" = OLD."id";
  INSERT OR IGNORE INTO "TicketDigest" ("digest", "ticketId")
  SELECT "value", NEW."id" FROM json_each(NEW."fieldDigests") WHERE json_valid(NEW."fieldDigests") AND "type" = 'text';
END;

INSERT OR IGNORE INTO "TicketDigest" ("digest", "ticketId")
SELECT j."value", t."id" FROM "Ticket" t, json_each(t."fieldDigests") j WHERE json_valid(t."fieldDigests") AND j."type" = 'text';
