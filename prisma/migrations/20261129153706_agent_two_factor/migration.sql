-- AlterTable
ALTER TABLE "Agent" ADD COLUMN "passwordChangedAt" DATETIME;
ALTER TABLE "Agent" ADD COLUMN "recoveryCodes" JSONB;
ALTER TABLE "Agent" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "Agent" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "Agent" ADD COLUMN "totpPendingSecret" TEXT;
ALTER TABLE "Agent" ADD COLUMN "totpSecret" TEXT;

