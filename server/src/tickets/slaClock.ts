import { addBusinessTime, businessTimeBetween, type Holidays } from '../calendar/deskCalendar';

/** The due moment after a pause: the SLA clock stood still for the business time the pause covered. */
export const resumedSlaDueAt = (dueAt: Date, pausedAt: Date, resumedAt: Date, holidays: Holidays) =>
  addBusinessTime(dueAt, businessTimeBetween(pausedAt, resumedAt, holidays), holidays);

export const isOverdue = (slaDueAt: Date, open: boolean, pausedAt: Date | null, now = new Date()) =>
  open && !pausedAt && slaDueAt.getTime() < now.getTime();
