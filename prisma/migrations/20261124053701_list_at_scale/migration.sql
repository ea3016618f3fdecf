-- DropIndex
DROP INDEX "Ticket_status_slaDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Ticket_assigneeId_status_slaDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_kind_status_slaDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_priority_slaDueAt_idx";

-- CreateTable
CREATE TABLE "TicketTally" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "variant" TEXT,
    "subjectType" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "assigneeId" INTEGER,
    "complete" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_idx" ON "Ticket"("status", "slaDueAt", "slaPausedAt", "assigneeId", "kind");

-- CreateIndex
CREATE INDEX "Ticket_status_updatedAt_assigneeId_kind_idx" ON "Ticket"("status", "updatedAt", "assigneeId", "kind");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_slaDueAt_idx" ON "Ticket"("assigneeId", "slaDueAt");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_updatedAt_idx" ON "Ticket"("assigneeId", "updatedAt");


-- Below: what Prisma's schema cannot say. The drift test knows these objects by name (server/src/db/rawObjects.ts).

-- TicketTally follows every write to Ticket.
CREATE TRIGGER "Ticket_tally_insert" AFTER INSERT ON "Ticket" BEGIN
  INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
  VALUES (NEW."status" || '|' || NEW."kind" || '|' || coalesce(NEW."variant", '') || '|' || NEW."subjectType" || '|' || NEW."priority" || '|' || coalesce(NEW."assigneeId", '') || '|' || NEW."complete",
          NEW."status", NEW."kind", NEW."variant", NEW."subjectType", NEW."priority", NEW."assigneeId", NEW."complete", 1)
  ON CONFLICT ("key") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "Ticket_tally_delete" AFTER DELETE ON "Ticket" BEGIN
  UPDATE "TicketTally" SET "n" = "n" - 1
  WHERE "key" = OLD."status" || '|' || OLD."kind" || '|' || coalesce(OLD."variant", '') || '|' || OLD."subjectType" || '|' || OLD."priority" || '|' || coalesce(OLD."assigneeId", '') || '|' || OLD."complete";
END;

CREATE TRIGGER "Ticket_tally_update" AFTER UPDATE OF "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete" ON "Ticket" BEGIN
  UPDATE "TicketTally" SET "n" = "n" - 1
  WHERE "key" = OLD."status" || '|' || OLD."kind" || '|' || coalesce(OLD."variant", '') || '|' || OLD."subjectType" || '|' || OLD."priority" || '|' || coalesce(OLD."assigneeId", '') || '|' || OLD."complete";
  INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
  VALUES (NEW."status" || '|' || NEW."kind" || '|' || coalesce(NEW."variant", '') || '|' || NEW."subjectType" || '|' || NEW."priority" || '|' || coalesce(NEW."assigneeId", '') || '|' || NEW."complete",
          NEW."status", NEW."kind", NEW."variant", NEW."subjectType", NEW."priority", NEW."assigneeId", NEW."complete", 1)
  ON CONFLICT ("key") DO UPDATE SET "n" = "n" + 1;
END;

INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
SELECT "status" || '|' || "kind" || '|' || coalesce("variant", '') || '|' || "subjectType" || '|' || "priority" || '|' || coalesce("assigneeId", '') || '|' || "complete",
       "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", COUNT(*)
FROM "Ticket" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Substring search over searchText: a trigram index answers LIKE '%…%' for three characters or more.
CREATE VIRTUAL TABLE "TicketSearch" USING fts5("searchText", content = 'Ticket', content_rowid = 'id', tokenize = 'trigram', detail = 'none');

CREATE TRIGGER "Ticket_search_insert" AFTER INSERT ON "Ticket" BEGIN
  INSERT INTO "TicketSearch" ("rowid", "searchText") VALUES (NEW."id", NEW."searchText");
END;

CREATE TRIGGER "Ticket_search_delete" AFTER DELETE ON "Ticket" BEGIN
  INSERT INTO "TicketSearch" ("TicketSearch", "rowid", "searchText") VALUES ('delete', OLD."id", OLD."searchText");
END;

CREATE TRIGGER "Ticket_search_update" AFTER UPDATE OF "searchText" ON "Ticket" BEGIN
  INSERT INTO "TicketSearch" ("TicketSearch", "rowid", "searchText") VALUES ('delete', OLD."id", OLD."searchText");
  INSERT INTO "TicketSearch" ("rowid", "searchText") VALUES (NEW."id", NEW."searchText");
END;

INSERT INTO "TicketSearch" ("TicketSearch") VALUES ('rebuild');
