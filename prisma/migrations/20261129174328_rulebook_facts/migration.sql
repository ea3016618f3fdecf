-- AlterTable
ALTER TABLE "Account" ADD COLUMN "lastRealNameVerifiedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "unfinishedOrders" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Account" ADD COLUMN "messageRecipients" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Account" ADD COLUMN "advancePaymentCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Account" ADD COLUMN "abandonableResources" JSONB;
ALTER TABLE "Account" ADD COLUMN "handlerName" TEXT;
ALTER TABLE "Account" ADD COLUMN "handlerIdHash" TEXT;

-- CreateTable
CREATE TABLE "AccountMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountMember_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AccountMember_accountId_idx" ON "AccountMember"("accountId");

-- CreateIndex
CREATE INDEX "AccountMember_phone_idx" ON "AccountMember"("phone");
