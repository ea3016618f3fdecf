-- CreateTable
CREATE TABLE "TicketTotal" (
    "id" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketTotal_pkey" PRIMARY KEY ("id")
);


-- Below: what Prisma's schema cannot say, as in the SQLite migration. One row, counted from the tickets already
-- there, then kept by a trigger.
INSERT INTO "TicketTotal" ("id", "n") SELECT 1, COUNT(*) FROM "Ticket";

CREATE FUNCTION "Ticket_total"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TicketTotal" SET "n" = "n" + CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_total_insert_delete" AFTER INSERT OR DELETE ON "Ticket" FOR EACH ROW EXECUTE FUNCTION "Ticket_total"();
