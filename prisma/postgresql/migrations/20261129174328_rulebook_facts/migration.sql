-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "abandonableResources" JSONB,
ADD COLUMN     "advancePaymentCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "handlerIdHash" TEXT,
ADD COLUMN     "handlerName" TEXT,
ADD COLUMN     "lastRealNameVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "messageRecipients" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unfinishedOrders" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AccountMember" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountMember_accountId_idx" ON "AccountMember"("accountId");

-- CreateIndex
CREATE INDEX "AccountMember_phone_idx" ON "AccountMember"("phone");

-- AddForeignKey
ALTER TABLE "AccountMember" ADD CONSTRAINT "AccountMember_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

