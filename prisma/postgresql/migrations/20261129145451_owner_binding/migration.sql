-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "objectionTokenHash" TEXT,
ADD COLUMN     "ownerObjectedAt" TIMESTAMP(3),
ADD COLUMN     "ownerVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "proposal" JSONB,
ADD COLUMN     "proposedAt" TIMESTAMP(3),
ADD COLUMN     "proposedById" INTEGER;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "secret" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OwnerChallenge" (
    "id" TEXT NOT NULL,
    "accountUin" TEXT NOT NULL,
    "accountId" INTEGER,
    "channel" TEXT,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "proofHash" TEXT,
    "usedAt" TIMESTAMP(3),
    "ticketId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnerChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OwnerChallenge_proofHash_key" ON "OwnerChallenge"("proofHash");

-- CreateIndex
CREATE INDEX "OwnerChallenge_expiresAt_idx" ON "OwnerChallenge"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_objectionTokenHash_key" ON "Ticket"("objectionTokenHash");

