-- CreateTable
CREATE TABLE "InspectionVerdict" (
    "key" TEXT NOT NULL,
    "inspection" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionVerdict_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "InspectionVerdict_expiresAt_idx" ON "InspectionVerdict"("expiresAt");

