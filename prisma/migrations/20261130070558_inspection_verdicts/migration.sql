-- CreateTable
CREATE TABLE "InspectionVerdict" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "inspection" JSONB NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "InspectionVerdict_expiresAt_idx" ON "InspectionVerdict"("expiresAt");

