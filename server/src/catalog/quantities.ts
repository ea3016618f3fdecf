// Dates, amounts and ticked lists a customer declares; each refusal is a code of fieldErrorMessages.
import { deskDay } from '../calendar/deskCalendar';

/** YYYY-MM-DD on a real calendar, not after today on the desk's calendar (Asia/Shanghai). */
export function dateProblem(value: string, now: Date = new Date()): 'date.format' | 'date.future' | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return 'date.format';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'date.format';
  return value.trim() > deskDay(now) ? 'date.future' : null;
}

/** Yuan with at most two decimals, inside the field's bounds; normalised to two decimals ("0.5" → "0.50"). */
export function amountProblem(value: string, bounds: { min?: number; max?: number }): 'amount.format' | 'amount.range' | null {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(value.trim())) return 'amount.format';
  const cents = Math.round(Number(value) * 100);
  if (bounds.min !== undefined && cents < Math.round(bounds.min * 100)) return 'amount.range';
  if (bounds.max !== undefined && cents > Math.round(bounds.max * 100)) return 'amount.range';
  return null;
}

/** Ticked options as one value: comma-separated, each an option once, in the catalog's order. */
export function checklistValue(value: string, options: readonly string[]): string | null {
  const ticked = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (ticked.some((v) => !options.includes(v))) return null;
  return options.filter((o) => ticked.includes(o)).join(',');
}
