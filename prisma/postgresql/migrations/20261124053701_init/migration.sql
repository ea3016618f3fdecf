-- CreateTable
CREATE TABLE "Agent" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'agent',
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "failWindowAt" TIMESTAMP(3),
    "lastFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "agentId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "uin" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "realName" TEXT,
    "companyName" TEXT,
    "idNumberHash" TEXT,
    "idNumberLast4" TEXT,
    "creditCode" TEXT,
    "securityPhone" TEXT,
    "securityEmail" TEXT,
    "loginMethods" JSONB NOT NULL,
    "mfaBound" BOOLEAN NOT NULL DEFAULT false,
    "protection" JSONB NOT NULL,
    "balanceCents" INTEGER NOT NULL DEFAULT 0,
    "arrearsCents" INTEGER NOT NULL DEFAULT 0,
    "vouchers" INTEGER NOT NULL DEFAULT 0,
    "resourcesInUse" INTEGER NOT NULL DEFAULT 0,
    "subUsers" INTEGER NOT NULL DEFAULT 0,
    "collaborators" INTEGER NOT NULL DEFAULT 0,
    "openComplaints" INTEGER NOT NULL DEFAULT 0,
    "lastRealNameChangeAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "variant" TEXT,
    "subjectType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "assigneeId" INTEGER,
    "accountId" INTEGER,
    "accountUin" TEXT,
    "fields" JSONB NOT NULL,
    "fieldDigests" JSONB NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "accessTokenHash" TEXT,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "slaDueAt" TIMESTAMP(3) NOT NULL,
    "slaPausedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketTally" (
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "variant" TEXT,
    "subjectType" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "assigneeId" INTEGER,
    "complete" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketTally_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MaterialSlot" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "slotKey" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "state" TEXT NOT NULL DEFAULT 'missing',
    "verdict" TEXT,
    "reasonCode" TEXT,
    "requestedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaterialSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "slotId" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "phash" TEXT,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "pages" INTEGER,
    "originalName" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'ok',
    "verdict" TEXT,
    "reasonCode" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "purgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER,
    "actorType" TEXT NOT NULL,
    "agentId" INTEGER,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reason" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "agentId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Macro" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "kinds" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Macro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" SERIAL NOT NULL,
    "day" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectionReason" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'both',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RejectionReason_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agent_email_key" ON "Agent"("email");

-- CreateIndex
CREATE INDEX "Agent_role_idx" ON "Agent"("role");

-- CreateIndex
CREATE INDEX "Session_agentId_idx" ON "Session"("agentId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_uin_key" ON "Account"("uin");

-- CreateIndex
CREATE INDEX "Account_subjectType_idx" ON "Account"("subjectType");

-- CreateIndex
CREATE INDEX "Account_securityPhone_idx" ON "Account"("securityPhone");

-- CreateIndex
CREATE INDEX "Account_creditCode_idx" ON "Account"("creditCode");

-- CreateIndex
CREATE INDEX "Account_idNumberHash_idx" ON "Account"("idNumberHash");

-- CreateIndex
CREATE INDEX "Account_status_idx" ON "Account"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_reference_key" ON "Ticket"("reference");

-- CreateIndex
CREATE INDEX "Ticket_status_slaDueAt_slaPausedAt_assigneeId_kind_idx" ON "Ticket"("status", "slaDueAt", "slaPausedAt", "assigneeId", "kind");

-- CreateIndex
CREATE INDEX "Ticket_status_updatedAt_assigneeId_kind_idx" ON "Ticket"("status", "updatedAt", "assigneeId", "kind");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_slaDueAt_idx" ON "Ticket"("assigneeId", "slaDueAt");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_updatedAt_idx" ON "Ticket"("assigneeId", "updatedAt");

-- CreateIndex
CREATE INDEX "Ticket_decidedAt_idx" ON "Ticket"("decidedAt");

-- CreateIndex
CREATE INDEX "Ticket_slaDueAt_idx" ON "Ticket"("slaDueAt");

-- CreateIndex
CREATE INDEX "Ticket_updatedAt_idx" ON "Ticket"("updatedAt");

-- CreateIndex
CREATE INDEX "Ticket_submittedAt_idx" ON "Ticket"("submittedAt");

-- CreateIndex
CREATE INDEX "Ticket_accountId_idx" ON "Ticket"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialSlot_ticketId_slotKey_key" ON "MaterialSlot"("ticketId", "slotKey");

-- CreateIndex
CREATE INDEX "Evidence_ticketId_idx" ON "Evidence"("ticketId");

-- CreateIndex
CREATE INDEX "Evidence_slotId_idx" ON "Evidence"("slotId");

-- CreateIndex
CREATE INDEX "Evidence_sha256_idx" ON "Evidence"("sha256");

-- CreateIndex
CREATE INDEX "Evidence_phash_idx" ON "Evidence"("phash");

-- CreateIndex
CREATE INDEX "Event_ticketId_createdAt_idx" ON "Event"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Event_type_createdAt_idx" ON "Event"("type", "createdAt");

-- CreateIndex
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");

-- CreateIndex
CREATE INDEX "Event_agentId_createdAt_idx" ON "Event"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_ticketId_createdAt_idx" ON "Message"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Macro_name_key" ON "Macro"("name");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_ticketId_idx" ON "Notification"("ticketId");

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_day_key" ON "Holiday"("day");

-- CreateIndex
CREATE UNIQUE INDEX "RejectionReason_code_key" ON "RejectionReason"("code");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialSlot" ADD CONSTRAINT "MaterialSlot_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MaterialSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Below: what Prisma's schema cannot say, as in the SQLite migrations.

-- TicketTally follows every write to Ticket.
CREATE FUNCTION "Ticket_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "TicketTally" SET "n" = "n" - 1
    WHERE "key" = concat_ws('|', OLD."status", OLD."kind", coalesce(OLD."variant", ''), OLD."subjectType", OLD."priority", coalesce(OLD."assigneeId"::text, ''), OLD."complete"::int);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
    VALUES (concat_ws('|', NEW."status", NEW."kind", coalesce(NEW."variant", ''), NEW."subjectType", NEW."priority", coalesce(NEW."assigneeId"::text, ''), NEW."complete"::int),
            NEW."status", NEW."kind", NEW."variant", NEW."subjectType", NEW."priority", NEW."assigneeId", NEW."complete", 1)
    ON CONFLICT ("key") DO UPDATE SET "n" = "TicketTally"."n" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_tally_insert_delete" AFTER INSERT OR DELETE ON "Ticket" FOR EACH ROW EXECUTE FUNCTION "Ticket_tally"();

CREATE TRIGGER "Ticket_tally_update" AFTER UPDATE OF "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete" ON "Ticket" FOR EACH ROW
  WHEN ((OLD."status", OLD."kind", OLD."variant", OLD."subjectType", OLD."priority", OLD."assigneeId", OLD."complete") IS DISTINCT FROM (NEW."status", NEW."kind", NEW."variant", NEW."subjectType", NEW."priority", NEW."assigneeId", NEW."complete"))
  EXECUTE FUNCTION "Ticket_tally"();

-- Substring search over searchText: Prisma's `contains` is a LIKE '%…%', which a trigram index answers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Ticket_searchText_trgm_idx" ON "Ticket" USING gin ("searchText" gin_trgm_ops);
