-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "workday" BOOLEAN NOT NULL DEFAULT false;

