-- CreateTable
CREATE TABLE "TicketDigest" (
    "digest" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,

    CONSTRAINT "TicketDigest_pkey" PRIMARY KEY ("digest","ticketId")
);

-- CreateIndex
CREATE INDEX "TicketDigest_ticketId_idx" ON "TicketDigest"("ticketId");

-- CreateIndex
CREATE INDEX "Ticket_contactPhone_id_idx" ON "Ticket"("contactPhone", "id");

-- CreateIndex
CREATE INDEX "Ticket_accountUin_id_idx" ON "Ticket"("accountUin", "id");

-- AddForeignKey
ALTER TABLE "TicketDigest" ADD CONSTRAINT "TicketDigest_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- TicketDigest follows Ticket.fieldDigests (an object of field → keyed hash); erasure empties it, so the rows go too.
CREATE FUNCTION "Ticket_digests"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "TicketDigest" WHERE "ticketId" = OLD."id";
  END IF;
  IF jsonb_typeof(NEW."fieldDigests") = 'object' THEN
    INSERT INTO "TicketDigest" ("digest", "ticketId")
    SELECT DISTINCT e.v #>> '{}', NEW."id" FROM jsonb_each(NEW."fieldDigests") e(key, v)
    WHERE jsonb_typeof(e.v) = 'string'
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_digest_insert" AFTER INSERT ON "Ticket" FOR EACH ROW EXECUTE FUNCTION "Ticket_digests"();

CREATE TRIGGER "Ticket_digest_update" AFTER UPDATE OF "fieldDigests" ON "Ticket" FOR EACH ROW
  WHEN (OLD."fieldDigests" IS DISTINCT FROM NEW."fieldDigests")
  EXECUTE FUNCTION "Ticket_digests"();

INSERT INTO "TicketDigest" ("digest", "ticketId")
SELECT DISTINCT e.v #>> '{}', t."id" FROM "Ticket" t, jsonb_each(t."fieldDigests") e(key, v)
WHERE jsonb_typeof(t."fieldDigests") = 'object' AND jsonb_typeof(e.v) = 'string'
ON CONFLICT DO NOTHING;
