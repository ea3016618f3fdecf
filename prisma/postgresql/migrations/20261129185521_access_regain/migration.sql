-- CreateTable
CREATE TABLE "FilingKey" (
    "keyHash" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FilingKey_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "AccessCodeChallenge" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "ticketId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessCodeChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusLinkUse" (
    "tokenHash" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusLinkUse_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "FilingKey_expiresAt_idx" ON "FilingKey"("expiresAt");

-- CreateIndex
CREATE INDEX "AccessCodeChallenge_reference_createdAt_idx" ON "AccessCodeChallenge"("reference", "createdAt");

-- CreateIndex
CREATE INDEX "AccessCodeChallenge_expiresAt_idx" ON "AccessCodeChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "StatusLinkUse_expiresAt_idx" ON "StatusLinkUse"("expiresAt");

