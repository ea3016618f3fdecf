const msPerDay = 86_400_000;
const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * Date#toISOString, five times faster, for the dates of a list page (175 in 25 tickets). Given JSON.stringify
 * Dates, it leaves its fast path for each of them: a page's serialising took four times as long.
 * Each day's "YYYY-MM-DDT" comes from toISOString itself and is kept, so years past 9999 and before 1970 agree.
 */
export function isoTime(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return date.toISOString();
  const day = Math.floor(ms / msPerDay);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * msPerDay).toISOString().slice(0, -13);
    // Bounded: a desk's tickets fall on a few thousand days; past that the cache starts over.
    if (dayPrefixes.size >= 20_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * msPerDay;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(rest - seconds * 1000)}Z`;
}

export const isoTimeOrNull = (date: Date | null): string | null => (date === null ? null : isoTime(date));
