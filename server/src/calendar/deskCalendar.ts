// The desk's calendar: its days, business days and ages are China's (docs/calendar.md).
// Pure and free of Node imports: the console and the public form import it too.

export const DESK_TIME_ZONE = 'Asia/Shanghai';
/** China Standard Time is UTC+8 all year (no daylight saving since 1991), so SQL can shift by this constant. */
export const DESK_UTC_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;

/** A day on the desk's calendar, 'YYYY-MM-DD'. */
export type DeskDay = string;
/**
 * Days that are not business days besides weekends, as desk days; `workdays` names the weekend days that are
 * (调休, make-up working days). A plain Set of holidays is a calendar without make-up days.
 */
export type Holidays = ReadonlySet<DeskDay> & { readonly workdays?: ReadonlySet<DeskDay> };

/** The desk's days off and make-up working days as one calendar. */
export const deskHolidays = (off: Iterable<DeskDay>, workdays: Iterable<DeskDay> = []): Holidays =>
  Object.assign(new Set(off), { workdays: new Set(workdays) });
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const noHolidays: Holidays = new Set();

// A desk day is handled as its number of days since 1970-01-01, the day that began at 1970-01-01T00:00+08:00.
const dayNumberAt = (ms: number) => Math.floor((ms + DESK_UTC_OFFSET_MS) / DAY_MS);
const dayName = (n: number): DeskDay => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dayStart = (n: number) => n * DAY_MS - DESK_UTC_OFFSET_MS;

/** The day's number, or NaN when `day` is not a real 'YYYY-MM-DD' day (2026-02-30 is not). */
function readDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const n = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
  return Number.isInteger(n) && dayName(n) === day ? n : Number.NaN;
}

function dayNumberOf(day: DeskDay): number {
  const n = readDay(day);
  if (Number.isNaN(n)) throw new RangeError(`Not a day of the calendar: ${day}`);
  return n;
}

/** Whether `value` is a real day written 'YYYY-MM-DD'. */
export const isDeskDay = (value: string): value is DeskDay => !Number.isNaN(readDay(value));

// 1970-01-01 was a Thursday.
const isWeekend = (n: number) => {
  const weekday = (((n + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};
const works = (n: number, holidays: Holidays) => {
  const day = dayName(n);
  if (holidays.has(day)) return false;
  return !isWeekend(n) || holidays.workdays?.has(day) === true;
};

/** Saturday or Sunday: the only days a make-up working day can be. */
export const isWeekendDay = (day: DeskDay): boolean => isWeekend(dayNumberOf(day));

/** The day it is at the desk at `at`. */
export const deskDay = (at: Date): DeskDay => dayName(dayNumberAt(at.getTime()));

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export const shiftDeskDay = (day: DeskDay, n: number): DeskDay => dayName(dayNumberOf(day) + n);

/** The desk day numbered as SQL does it: floor((epoch ms + DESK_UTC_OFFSET_MS) / 86 400 000). */
export const deskDayFromNumber = (n: number): DeskDay => dayName(n);

/** The instants a desk day starts at and ends before (the next day's start). */
export function deskDayBounds(day: DeskDay): { start: Date; end: Date } {
  const n = dayNumberOf(day);
  return { start: new Date(dayStart(n)), end: new Date(dayStart(n + 1)) };
}

/** Monday to Friday and not a holiday, or a make-up working day (调休). */
export const isBusinessDay = (day: DeskDay, holidays: Holidays = noHolidays): boolean => works(dayNumberOf(day), holidays);

/**
 * The first instant at which `ms` of business time has passed since `from`: the clock runs on business days only.
 * Anything but a finite positive amount gives `from` back.
 */
export function addBusinessTime(from: Date, ms: number, holidays: Holidays = noHolidays): Date {
  if (!Number.isFinite(ms) || ms <= 0) return new Date(from.getTime());
  let n = dayNumberAt(from.getTime());
  let at = from.getTime();
  let left = ms;
  for (;;) {
    if (works(n, holidays)) {
      const end = dayStart(n + 1);
      if (at + left <= end) return new Date(at + left);
      left -= end - at;
    }
    n += 1;
    at = dayStart(n);
  }
}

/** The business time between two instants, in ms; negative when `b` is before `a`. */
export function businessTimeBetween(a: Date, b: Date, holidays: Holidays = noHolidays): number {
  if (b.getTime() < a.getTime()) return -businessTimeBetween(b, a, holidays);
  let total = 0;
  for (let n = dayNumberAt(a.getTime()); dayStart(n) < b.getTime(); n += 1) {
    if (works(n, holidays)) total += Math.min(b.getTime(), dayStart(n + 1)) - Math.max(a.getTime(), dayStart(n));
  }
  return total;
}

/**
 * `days` business days after `from`: the same desk clock time on the `days`-th business day after a business day;
 * from a weekend or holiday, the end of the `days`-th business day that follows.
 */
export const addBusinessDays = (from: Date, days: number, holidays: Holidays = noHolidays): Date =>
  addBusinessTime(from, days * DAY_MS, holidays);

/** How many business days lie after `a` up to and including `b` (both desk days); negative when `b` is before `a`. */
export function businessDaysBetween(a: DeskDay | Date, b: DeskDay | Date, holidays: Holidays = noHolidays): number {
  const from = typeof a === 'string' ? dayNumberOf(a) : dayNumberAt(a.getTime());
  const to = typeof b === 'string' ? dayNumberOf(b) : dayNumberAt(b.getTime());
  if (to < from) return -businessDaysBetween(b, a, holidays);
  let count = 0;
  for (let n = from + 1; n <= to; n += 1) if (works(n, holidays)) count += 1;
  return count;
}

/** Whole years of age on the desk's day at `at`; someone born on 29 February comes of age on 1 March in a common year. */
export function ageOn(birth: CalendarDate, at: Date): number {
  const today = deskDay(at);
  const [year = 0, month = 0, day = 0] = today.split('-').map(Number);
  const born = birth.year * 10000 + birth.month * 100 + birth.day;
  return Math.floor((year * 10000 + month * 100 + day - born) / 10000);
}

/** A desk day as `locale` writes it (by default '30 Nov 2026'), whatever zone the reader's browser is in; not a day, as is. */
export function formatDeskDay(day: DeskDay, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const n = readDay(day);
  return Number.isNaN(n) ? day : new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(n * DAY_MS));
}
