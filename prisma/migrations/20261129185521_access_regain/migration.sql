-- CreateTable
CREATE TABLE "FilingKey" (
    "keyHash" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AccessCodeChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "ticketId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StatusLinkUse" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "ticketId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FilingKey_expiresAt_idx" ON "FilingKey"("expiresAt");

-- CreateIndex
CREATE INDEX "AccessCodeChallenge_reference_createdAt_idx" ON "AccessCodeChallenge"("reference", "createdAt");

-- CreateIndex
CREATE INDEX "AccessCodeChallenge_expiresAt_idx" ON "AccessCodeChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "StatusLinkUse_expiresAt_idx" ON "StatusLinkUse"("expiresAt");

