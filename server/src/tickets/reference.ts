import type { Prisma } from '../generated/prisma/client';

// References carry the customer's calendar day (China Standard Time), not the server's.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const referenceDay = (at: Date) => dayFormat.format(at).replaceAll('-', '');

export const formatReference = (day: string, n: number) => `AP-${day}-${String(n).padStart(4, '0')}`;

/** Draws the next reference of the day inside the caller's transaction: AP-20261122-0001. */
export async function nextReference(tx: Prisma.TransactionClient, at = new Date()): Promise<string> {
  const day = referenceDay(at);
  const counter = await tx.counter.upsert({
    where: { name: `ticket-ref-${day}` },
    create: { name: `ticket-ref-${day}`, value: 1 },
    update: { value: { increment: 1 } },
  });
  return formatReference(day, counter.value);
}
