import { deskHolidays, type Holidays } from '../calendar/deskCalendar';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';

/** The days the SLA clock skips besides weekends, and the weekend days it counts (make-up working days). */
export async function loadHolidays(db: Db | Prisma.TransactionClient): Promise<Holidays> {
  const days = await db.holiday.findMany({ select: { day: true, workday: true } });
  return deskHolidays(
    days.filter((d) => !d.workday).map((d) => d.day),
    days.filter((d) => d.workday).map((d) => d.day),
  );
}
