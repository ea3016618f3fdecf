import type { Prisma } from '../generated/prisma/client';

/**
 * Transactions that call this with the same name run one after the other from here on: on PostgreSQL the
 * counter's row stays locked until the caller commits; SQLite's writers take turns already. For checks that span
 * rows no unique index covers, such as a login email across accounts.
 */
export async function serializeIn(tx: Prisma.TransactionClient, name: string): Promise<void> {
  await tx.counter.upsert({
    where: { name: `lock:${name}` },
    create: { name: `lock:${name}`, value: 1 },
    update: { value: { increment: 1 } },
  });
}
