import { deskDay } from '../calendar/deskCalendar';
import type { Prisma } from '../generated/prisma/client';

/** References carry the desk's day (China's), not the server's: 20261130. */
export const referenceDay = (at: Date) => deskDay(at).replaceAll('-', '');

export const formatReference = (day: string, n: number) => `AP-${day}-${String(n).padStart(4, '0')}`;

/** A whole reference as an agent may type it, in either case: ap-20261122-0001. */
export const wholeReference = /^ap-\d{8}-\d{4,}$/i;

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
