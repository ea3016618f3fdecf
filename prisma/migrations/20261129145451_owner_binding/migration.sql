-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "objectionTokenHash" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "ownerObjectedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "ownerVerifiedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "proposal" JSONB;
ALTER TABLE "Ticket" ADD COLUMN "proposedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "proposedById" INTEGER;

-- CreateTable
CREATE TABLE "OwnerChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountUin" TEXT NOT NULL,
    "accountId" INTEGER,
    "channel" TEXT,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "verifiedAt" DATETIME,
    "proofHash" TEXT,
    "usedAt" DATETIME,
    "ticketId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "secret" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "OwnerChallenge_proofHash_key" ON "OwnerChallenge"("proofHash");

-- CreateIndex
CREATE INDEX "OwnerChallenge_expiresAt_idx" ON "OwnerChallenge"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_objectionTokenHash_key" ON "Ticket"("objectionTokenHash");

