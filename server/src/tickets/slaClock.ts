const dayMs = 86_400_000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The moment `days` business days after `from`: weekends and the given holidays (YYYY-MM-DD) do not count. */
export function addBusinessDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  let at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at = new Date(at.getTime() + dayMs);
    const weekday = at.getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(isoDay(at))) continue;
    left -= 1;
  }
  return at;
}

export const isOverdue = (slaDueAt: Date, open: boolean, pausedAt: Date | null, now = new Date()) =>
  open && !pausedAt && slaDueAt.getTime() < now.getTime();
